import Testing
@testable import plprobe

/// Every way a probe file can be wrong yields a `ConfigurationError` with the
/// line and key path a person needs to fix it.
@Suite("Probe files: errors name line and key")
struct ProbeFileErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var line: Int?
        var key: String?
        var mentions: String

        var testDescription: String { name }
    }

    static let target = "targets:\n  - url: https://127.0.0.1/\n"

    static let cases: [Case] = [
        Case(name: "empty file", yaml: "", line: nil, key: nil, mentions: "is empty"),
        Case(name: "top level is a list", yaml: "- url: https://127.0.0.1/\n", line: 1, key: nil, mentions: "expected a mapping"),
        Case(name: "misspelt top-level key", yaml: "target:\n  - url: https://127.0.0.1/\n", line: 1, key: "target", mentions: "did you mean 'targets'"),
        Case(name: "no targets", yaml: "defaults:\n  timeout: 1s\n", line: 1, key: nil, mentions: "has no 'targets'"),
        Case(name: "targets is a mapping", yaml: "targets:\n  url: https://127.0.0.1/\n", line: 2, key: "targets", mentions: "expected a list of targets"),
        Case(name: "empty targets", yaml: "targets: []\n", line: 1, key: "targets", mentions: "is empty"),
        Case(name: "target without url", yaml: "targets:\n  - name: a\n", line: 2, key: "targets[0]", mentions: "has no 'url'"),
        Case(name: "target is text", yaml: "targets:\n  - https://127.0.0.1/\n", line: 2, key: "targets[0]", mentions: "expected a mapping"),
        Case(name: "unknown target key", yaml: target + "    expect_adresses: [\"127.0.0.2\"]\n", line: 3, key: "targets[0].expect_adresses", mentions: "did you mean 'expect_addresses'"),
        Case(name: "unknown key, nothing close", yaml: target + "    colour: blue\n", line: 3, key: "targets[0].colour", mentions: "Known keys here: name, url"),
        Case(name: "url in defaults", yaml: "defaults:\n  url: https://127.0.0.1/\n" + target, line: 2, key: "defaults.url", mentions: "belongs in each entry of 'targets'"),
        Case(name: "ftp URL", yaml: "targets:\n  - url: ftp://127.0.0.1/\n", line: 2, key: "targets[0].url", mentions: "scheme 'ftp'"),
        Case(name: "bad port", yaml: "targets:\n  - url: https://127.0.0.1:0/\n", line: 2, key: "targets[0].url", mentions: "port '0'"),
        Case(name: "empty host", yaml: "targets:\n  - url: https://:443/\n", line: 2, key: "targets[0].url", mentions: "no host"),
        Case(name: "url is a list", yaml: "targets:\n  - url: [a, b]\n", line: 2, key: "targets[0].url", mentions: "expected text, found a list"),
        Case(name: "url has no value", yaml: "targets:\n  - url:\n", line: 2, key: "targets[0].url", mentions: "has no value"),
        Case(name: "bad address", yaml: target + "    expect_addresses: [\"127.0.0.2\", \"256.0.0.1\"]\n", line: 3, key: "targets[0].expect_addresses[1]", mentions: "'256.0.0.1'"),
        Case(name: "addresses not a list", yaml: target + "    expect_addresses: 127.0.0.2\n", line: 3, key: "targets[0].expect_addresses", mentions: "expected a list"),
        Case(name: "bad CIDR", yaml: target + "    expect_cidrs: [\"10.0.0.0/33\"]\n", line: 3, key: "targets[0].expect_cidrs[0]", mentions: "'10.0.0.0/33'"),
        Case(name: "bad resolver", yaml: target + "    dns_servers: [\"127.0.0.1:99999\"]\n", line: 3, key: "targets[0].dns_servers[0]", mentions: "'127.0.0.1:99999'"),
        Case(name: "bool as text", yaml: target + "    allow_public: \"yes\"\n", line: 3, key: "targets[0].allow_public", mentions: "expected true or false"),
        Case(name: "body is a mapping", yaml: target + "    expect_body:\n      text: hi\n", line: 4, key: "targets[0].expect_body", mentions: "expected text, found a mapping"),
        Case(name: "bad status", yaml: target + "    expect_status: 2xy\n", line: 3, key: "targets[0].expect_status", mentions: "'2xy'"),
        Case(name: "bad status in a list", yaml: target + "    expect_status: [200, 600]\n", line: 3, key: "targets[0].expect_status", mentions: "600"),
        Case(name: "empty status list", yaml: target + "    expect_status: []\n", line: 3, key: "targets[0].expect_status", mentions: "empty list"),
        Case(name: "duration with a space", yaml: target + "    timeout: 5 s\n", line: 3, key: "targets[0].timeout", mentions: "'5 s'"),
        Case(name: "duration without unit", yaml: "defaults:\n  retry_for: 10\n" + target, line: 2, key: "defaults.retry_for", mentions: "'10'"),
        Case(name: "bad retry interval", yaml: "defaults:\n  retry_interval: soon\n" + target, line: 2, key: "defaults.retry_interval", mentions: "'soon'"),
        Case(name: "missing ca_file", yaml: "defaults:\n  ca_file: nowhere.pem\n" + target, line: 2, key: "defaults.ca_file", mentions: "no such file"),
        Case(name: "empty name", yaml: "targets:\n  - url: https://127.0.0.1/\n    name: \"\"\n", line: 3, key: "targets[0].name", mentions: "is empty"),
        Case(name: "duplicate names",
             yaml: "targets:\n  - name: a\n    url: https://127.0.0.1/\n  - name: a\n    url: https://127.0.0.1:8443/\n",
             line: 4, key: "targets[1].name", mentions: "already used by targets[0], line 2"),
        Case(name: "duplicate names from hosts",
             yaml: "targets:\n  - url: https://127.0.0.1/\n  - url: https://127.0.0.1:8443/\n",
             line: 3, key: "targets[1].url", mentions: "the URL's host"),
        Case(name: "unterminated list", yaml: "targets:\n  - url: https://127.0.0.1/\n    expect_cidrs: [127.0.0.0/8\n", line: 4, key: nil, mentions: "not valid YAML"),
        Case(name: "tab indentation", yaml: "targets:\n\t- url: https://127.0.0.1/\n", line: 2, key: nil, mentions: "not valid YAML"),
        Case(name: "duplicate key", yaml: "targets:\n  - url: https://127.0.0.1/\n    timeout: 1s\n    timeout: 2s\n", line: 3, key: nil, mentions: "'timeout' appears more than once"),
    ]

    @Test(arguments: cases)
    func namesLineAndKey(_ testCase: Case) {
        let error = #expect(throws: ConfigurationError.self) {
            try ProbeFile.parse(testCase.yaml, path: "probe.yaml")
        }
        #expect(error?.file == "probe.yaml")
        #expect(error?.line == testCase.line)
        #expect(error?.key == testCase.key)
        #expect(error?.message.contains(testCase.mentions) == true, "message: \(error?.message ?? "none")")
    }

    @Test func describesItselfLikeACompiler() {
        let error = ConfigurationError(file: "probes/x.yaml", line: 7, key: "targets[1].timeout", "'5 s' is not valid")
        #expect(error.description == "probes/x.yaml:7: targets[1].timeout: '5 s' is not valid")
        #expect(ConfigurationError(file: "probes/x.yaml", "no such file").description == "probes/x.yaml: no such file")
    }
}
