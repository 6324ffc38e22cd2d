/// Why the lab could not start: what failed, with the system's or OpenSSL's
/// reason, and what to do about it.
public struct LabError: Error, Sendable, CustomStringConvertible {
    /// The failed step and its reason, e.g. `bind 127.0.0.2:40000: Cannot assign requested address`.
    public var message: String
    /// What a person can change so the next start succeeds.
    public var hint: String

    public init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(message) (\(hint))" }
}
