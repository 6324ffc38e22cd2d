/// How the text report looks; the CLI decides from the terminal and flags.
public struct TextReportOptions: Hashable, Sendable {
    /// ANSI colours (green PASS, red FAIL, dim hints); set only when writing to a terminal.
    public var color: Bool
    /// Also show resolvers, ciphers, `Server` headers and every certificate,
    /// not only the certificate of a failed TLS check.
    public var verbose: Bool

    public init(color: Bool = false, verbose: Bool = false) {
        self.color = color
        self.verbose = verbose
    }
}
