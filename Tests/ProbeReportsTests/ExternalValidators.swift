import Foundation

/// The output and exit status of a validator run.
struct ValidatorResult: Sendable {
    var status: Int32
    var output: String

    var passed: Bool { status == 0 }
}

/// Independent validators (python-jsonschema, xmllint) run as processes, so
/// the writers are checked by code that shares nothing with them.
enum ExternalValidators {
    /// Validates a JSON report against `reports/plprobe-report.schema.json`,
    /// rejecting duplicate keys and checking `format`s (ipv4, ipv6, date-time).
    static func validateReport(json: String) throws -> ValidatorResult {
        let script = """
            import json, sys, jsonschema
            def no_duplicates(pairs):
                keys = [key for key, _ in pairs]
                if len(keys) != len(set(keys)):
                    sys.exit("duplicate keys: %r" % keys)
                return dict(pairs)
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2], encoding="utf-8"), object_pairs_hook=no_duplicates)
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            errors = list(validator.iter_errors(document))
            for error in errors:
                print(error.json_path, error.message)
            sys.exit(1 if errors else 0)
            """
        return try withTemporaryFile(json, suffix: ".json") { file in
            try run(["python3", "-c", script, RepoFiles.reportSchema.path, file.path])
        }
    }

    /// Validates a JUnit report against `reports/junit-10.xsd` with xmllint.
    static func validateJUnit(xml: String) throws -> ValidatorResult {
        try withTemporaryFile(xml, suffix: ".xml") { file in
            try run(["xmllint", "--noout", "--schema", RepoFiles.junitSchema.path, file.path])
        }
    }

    private static func withTemporaryFile<T>(_ contents: String, suffix: String, _ body: (URL) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plprobe-reports-\(UUID().uuidString)\(suffix)")
        try Data(contents.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try body(file)
    }

    private static func run(_ arguments: [String]) throws -> ValidatorResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ValidatorResult(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
