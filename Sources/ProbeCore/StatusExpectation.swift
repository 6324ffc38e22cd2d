/// The accepted HTTP status codes, written `200,204`, `2xx` or `200-299`.
public struct StatusExpectation: Hashable, Sendable, CustomStringConvertible {
    public let ranges: [ClosedRange<Int>]
    public let description: String

    public static let success = try! StatusExpectation(parsing: "2xx")

    public init(parsing text: String) throws(InputError) {
        var ranges: [ClosedRange<Int>] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let token = item.lowercased()
            if token.count == 3, token.hasSuffix("xx"), let hundred = Int(token.prefix(1)), (1...5).contains(hundred) {
                ranges.append(hundred * 100...hundred * 100 + 99)
            } else if let dash = token.firstIndex(of: "-"),
                      let low = Self.code(token[..<dash]), let high = Self.code(token[token.index(after: dash)...]), low <= high {
                ranges.append(low...high)
            } else if let code = Self.code(Substring(token)) {
                ranges.append(code...code)
            } else {
                throw InputError("status list '\(text)' has '\(item)'; write codes such as 200,204, classes such as 2xx, or ranges such as 200-299")
            }
        }
        self.ranges = ranges
        self.description = text
    }

    private static func code(_ text: Substring) -> Int? {
        guard text.count == 3, text.allSatisfy(\.isASCII), let value = Int(text), (100...599).contains(value) else { return nil }
        return value
    }

    public func accepts(_ status: Int) -> Bool {
        ranges.contains { $0.contains(status) }
    }
}
