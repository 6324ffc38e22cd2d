import Testing

/// Bad probe files given to the built binary: exit 2, and standard error
/// names the file, the line and the key. Every URL is on 127.0.0.1.
@Suite("plprobe check --config: bad probe files exit 2")
struct ConfigurationErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        /// What standard error must contain after the file name, e.g. `:4: targets[0].timout`.
        var location: String
        var mentions: [String]

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown key, with a suggestion",
             yaml: "targets:\n  - url: https://127.0.0.1/\n    timout: 5s\n",
             location: ":3: targets[0].timout", mentions: ["unknown key", "did you mean 'timeout'"]),
        Case(name: "wrong type",
             yaml: "targets:\n  - url: https://127.0.0.1/\n    expect_addresses: 127.0.0.2\n",
             location: ":3: targets[0].expect_addresses", mentions: ["expected a list"]),
        Case(name: "bad duration in the second target",
             yaml: "targets:\n  - url: https://127.0.0.1/\n  - url: https://127.0.0.1:8443/\n    name: second\n    timeout: 5 s\n",
             location: ":5: targets[1].timeout", mentions: ["'5 s'", "250ms"]),
        Case(name: "bad address in a list",
             yaml: "defaults:\n  expect_addresses:\n    - 127.0.0.2\n    - 127.0.0.300\ntargets:\n  - url: https://127.0.0.1/\n",
             location: ":4: defaults.expect_addresses[1]", mentions: ["'127.0.0.300'"]),
        Case(name: "invalid YAML",
             yaml: "targets:\n  - url: https://127.0.0.1/\n    expect_cidrs: [127.0.0.0/8\n",
             location: ":4:", mentions: ["not valid YAML"]),
        Case(name: "empty targets",
             yaml: "targets: []\n",
             location: ":1: targets", mentions: ["empty"]),
        Case(name: "ca_file missing",
             yaml: "defaults:\n  ca_file: certs/missing.pem\ntargets:\n  - url: https://127.0.0.1/\n",
             location: ":2: defaults.ca_file", mentions: ["certs/missing.pem", "no such file"]),
    ]

    @Test(arguments: cases)
    func exitsTwoNamingFileLineAndKey(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        try directory.write(testCase.yaml, to: "probe.yaml")
        let result = try PLProbeBinary.run(["check", "--config", "probe.yaml"], in: directory.url.path)
        #expect(result.status == 2, "stderr: \(result.error)")
        #expect(result.error.contains("probe.yaml" + testCase.location), "stderr: \(result.error)")
        for fragment in testCase.mentions {
            #expect(result.error.contains(fragment), "stderr lacks \(fragment): \(result.error)")
        }
        #expect(result.output.isEmpty)
    }

    @Test func missingFileExitsTwo() throws {
        let directory = try TemporaryDirectory()
        let result = try PLProbeBinary.run(["check", "--config", "absent.yaml"], in: directory.url.path)
        #expect(result.status == 2)
        #expect(result.error.contains("absent.yaml: no such file"), "stderr: \(result.error)")
    }

    @Test func aFileErrorStopsCommandLineURLsToo() throws {
        let directory = try TemporaryDirectory()
        try directory.write("targets:\n  - url: https://127.0.0.1/\n    allow_public: maybe\n", to: "probe.yaml")
        let result = try PLProbeBinary.run(["check", "--config", "probe.yaml", "https://127.0.0.1:8443/"], in: directory.url.path)
        #expect(result.status == 2)
        #expect(result.error.contains("probe.yaml:3: targets[0].allow_public: expected true or false"), "stderr: \(result.error)")
    }
}
