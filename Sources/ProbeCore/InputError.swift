/// Text that does not parse as the value it should be. The message names the
/// text and what was expected; callers add where it came from.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
