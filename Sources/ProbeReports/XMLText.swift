/// Escaping for XML 1.0 documents.
///
/// Failure messages carry text seen on the wire (headers, certificate
/// names, body snippets), so anything may arrive here; the output must
/// still be well-formed or a CI server drops the whole report.
enum XMLText {
    /// Character data: markup characters escaped, carriage returns kept as
    /// references so parsers do not fold them into newlines.
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// An attribute value for double quotes: also escapes quotes and the
    /// whitespace that attribute normalization would turn into spaces.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    /// Characters XML 1.0 cannot carry at all, not even as references
    /// (most C0 controls, U+FFFE, U+FFFF), become U+FFFD.
    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var output = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\r": output += "&#13;"
            case "\"" where inAttribute: output += "&quot;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
