import Foundation

/// Files of this repository, found from this source file so tests run from any directory.
enum RepoFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let reportSchema = root.appendingPathComponent("reports/plprobe-report.schema.json")
    static let junitSchema = root.appendingPathComponent("reports/junit-10.xsd")
    static let examples = root.appendingPathComponent("reports/examples")
}
