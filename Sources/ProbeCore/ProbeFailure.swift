/// A failed check as a value: the code automation matches on, the facts a
/// person reads, and what to check next.
public struct ProbeFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: FailureCode
    /// One line with the facts: address, what was expected, what was seen.
    public var message: String
    public var hint: String
    /// The endpoint address the failure was seen on; `nil` for name-wide DNS failures.
    public var address: IPAddress?

    public init(_ code: FailureCode, _ message: String, address: IPAddress? = nil, hint: String? = nil) {
        self.code = code
        self.message = message
        self.address = address
        self.hint = hint ?? code.hint
    }

    public var description: String { "\(code): \(message)" }
}
