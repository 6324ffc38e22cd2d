/// A JSON document as a value whose objects keep their keys in the order
/// written, so reports have a stable field order that matches INTERFACE.md.
package enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// Number text that is already valid JSON (`2`, `0.4`, `-3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An array whose elements are built one at a time while it is written,
    /// so a report of many targets never holds every target's tree at once.
    case generatedArray(count: Int, element: @Sendable (Int) -> JSONValue)
    case object([(key: String, value: JSONValue)])

    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    package static func milliseconds(_ duration: Duration) -> JSONValue { .number(DecimalText.milliseconds(duration)) }

    /// `null` when the value is absent, as the report shows phases not reached.
    package static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
        value.map(transform) ?? .null
    }

    /// The document as text, indented by two spaces per level.
    package var serialized: String {
        var output = ""
        write(to: &output, depth: 0) { _ in }
        return output
    }

    /// The document as text handed to `sink` in pieces of about `chunkSize`
    /// bytes, so a large report never exists as one string.
    package func serialize(chunkSize: Int = 1 << 16, into sink: (String) -> Void) {
        var output = ""
        write(to: &output, depth: 0) { pending in
            guard pending.utf8.count >= chunkSize else { return }
            sink(pending)
            pending = ""
        }
        sink(output)
    }

    private func write(to output: inout String, depth: Int, flush: (inout String) -> Void) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += Self.quoted(text)
        case .array(let items):
            writeContainer(count: items.count, brackets: ("[", "]"), to: &output, depth: depth, flush: flush) { (nil, items[$0]) }
        case .generatedArray(let count, let element):
            writeContainer(count: count, brackets: ("[", "]"), to: &output, depth: depth, flush: flush) { (nil, element($0)) }
        case .object(let members):
            writeContainer(count: members.count, brackets: ("{", "}"), to: &output, depth: depth, flush: flush) {
                (members[$0].key, members[$0].value)
            }
        }
    }

    private func writeContainer(
        count: Int, brackets: (open: String, close: String), to output: inout String, depth: Int,
        flush: (inout String) -> Void, entry: (Int) -> (String?, JSONValue)
    ) {
        guard count > 0 else {
            output += brackets.open + brackets.close
            return
        }
        let inner = String(repeating: "  ", count: depth + 1)
        output += brackets.open + "\n"
        for index in 0..<count {
            let (key, value) = entry(index)
            output += inner
            if let key { output += Self.quoted(key) + ": " }
            value.write(to: &output, depth: depth + 1, flush: flush)
            output += (index < count - 1 ? "," : "") + "\n"
            flush(&output)
        }
        output += String(repeating: "  ", count: depth) + brackets.close
    }

    /// A JSON string literal per RFC 8259: quotes, backslashes and control
    /// characters escaped, and U+2028/U+2029 escaped too so the text is also
    /// safe to embed in JavaScript.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
