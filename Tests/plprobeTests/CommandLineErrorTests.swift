import Foundation
import Testing
@testable import plprobe

/// Bad command lines: the built binary must exit 2 before probing anything,
/// with standard error naming the option and what is wrong. Every command
/// line here names only 127.0.0.1, so even a regression that let one through
/// would send traffic nowhere but loopback.
@Suite("plprobe command line: bad usage exits 2")
struct CommandLineErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        /// Fragments standard error must contain.
        var mentions: [String]

        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["check", "--timeout", "5 s", "127.0.0.1"], mentions: ["--timeout", "'5 s'", "250ms"]),
        Case(arguments: ["check", "--retry-for", "10", "127.0.0.1"], mentions: ["--retry-for", "'10'"]),
        Case(arguments: ["check", "--retry-interval", "fast", "127.0.0.1"], mentions: ["--retry-interval", "'fast'"]),
        Case(arguments: ["check", "ftp://127.0.0.1/"], mentions: ["<url>", "scheme 'ftp'"]),
        Case(arguments: ["check", "https://127.0.0.1:70000/"], mentions: ["<url>", "port '70000'"]),
        Case(arguments: ["check", "https://:443/"], mentions: ["<url>", "no host"]),
        Case(arguments: ["check", "--expect-address", "10.0.1.300", "127.0.0.1"], mentions: ["--expect-address", "'10.0.1.300'"]),
        Case(arguments: ["check", "--expect-cidr", "10.0.0.0/33", "127.0.0.1"], mentions: ["--expect-cidr", "'10.0.0.0/33'"]),
        Case(arguments: ["check", "--dns-server", "resolver.example:53", "127.0.0.1"], mentions: ["--dns-server", "'resolver.example:53'"]),
        Case(arguments: ["check", "--dns-server", "127.0.0.1:0", "127.0.0.1"], mentions: ["--dns-server", "port"]),
        Case(arguments: ["check", "--expect-status", "2xy", "127.0.0.1"], mentions: ["--expect-status", "'2xy'"]),
        Case(arguments: ["check", "--report", "xml", "127.0.0.1"], mentions: ["--report", "'xml'", "text, json, junit"]),
        Case(arguments: ["check", "--report", "json", "--report", "text", "127.0.0.1"], mentions: ["--report", "standard output"]),
        Case(arguments: ["check", "--report", "json:/nonexistent-plprobe-dir/r.json", "127.0.0.1"], mentions: ["/nonexistent-plprobe-dir", "does not exist"]),
        Case(arguments: ["check", "--quiet", "--report", "json", "127.0.0.1"], mentions: ["--quiet", "json"]),
        Case(arguments: ["check", "--concurrency", "0", "127.0.0.1"], mentions: ["--concurrency", "'0'", "1 to 100000"]),
        Case(arguments: ["check", "--concurrency", "100001", "127.0.0.1"], mentions: ["--concurrency", "'100001'"]),
        Case(arguments: ["check", "--ca-file", "/nonexistent-plprobe-ca.pem", "127.0.0.1"], mentions: ["--ca-file", "no such file"]),
        Case(arguments: ["check", "127.0.0.1", "https://127.0.0.1/"], mentions: ["given twice"]),
        Case(arguments: ["check"], mentions: ["nothing to probe"]),
        Case(arguments: ["check", "--no-such-option", "127.0.0.1"], mentions: ["--no-such-option"]),
        Case(arguments: ["probe", "127.0.0.1"], mentions: ["probe"]),
        Case(arguments: ["lab", "--names", "-1"], mentions: ["--names"]),
        Case(arguments: ["lab", "--names", "100001"], mentions: ["--names", "'100001'"]),
        Case(arguments: ["lab", "--report", "junit:/nonexistent-plprobe-dir/r.xml"], mentions: ["/nonexistent-plprobe-dir"]),
    ]

    @Test(arguments: cases)
    func exitsTwoNamingTheProblem(_ testCase: Case) throws {
        let result = try PLProbeBinary.run(testCase.arguments)
        #expect(result.status == 2, "stderr: \(result.error)")
        for fragment in testCase.mentions {
            #expect(result.error.contains(fragment), "stderr lacks \(fragment): \(result.error)")
        }
        #expect(result.output.isEmpty)
        #expect(!result.error.contains("Fatal error"))
    }

    @Test(arguments: [["--help"], ["check", "--help"], ["lab", "--help"], ["help", "check"]])
    func helpExitsZeroOnStandardOutput(_ arguments: [String]) throws {
        let result = try PLProbeBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: plprobe"))
        #expect(result.error.isEmpty)
    }

    @Test func checkHelpNamesEveryDefault() throws {
        // Help wraps to the terminal width; compare with whitespace folded.
        let help = try PLProbeBinary.run(["check", "--help"]).output
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["(default: 5s)", "(default: 0s, one attempt)", "(default: 2s)", "(default: 2xx)",
                     "(default: 256)", "(default: 'This is test server')", "(default: text to standard output)",
                     "--retry-for 10m", "--expect-address 10.0.2.45"] {
            #expect(help.contains(text), "check --help lacks \(text)")
        }
    }

    @Test func versionExitsZero() throws {
        let result = try PLProbeBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == PLProbe.version)
    }
}
