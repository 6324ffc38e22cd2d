import Foundation
import ProbeCore

/// A probe file (`probes/*.yaml`): `defaults` shared by its targets, and the
/// `targets` themselves. Keys mirror the command-line options in snake_case.
///
/// Precedence, most specific wins: a target's own keys, then options given
/// on the command line, then the file's `defaults`, then built-in defaults.
struct ProbeFile: Hashable, Sendable {
    /// One entry of `targets`, with only the keys it sets.
    struct Target: Hashable, Sendable {
        /// `nil` means the URL's host.
        var name: String?
        var url: ProbeURL
        var settings: TargetSettings
    }

    var defaults: TargetSettings
    var targets: [Target]

    /// Reads and checks a probe file; every problem names the file, line and key.
    static func load(path: String) throws(ConfigurationError) -> ProbeFile {
        if let problem = FileCheck.readableFileProblem(path) {
            throw ConfigurationError(file: path, problem)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Checks probe-file text; `path` names it in errors and anchors relative `ca_file` paths.
    static func parse(_ text: String, path: String) throws(ConfigurationError) -> ProbeFile {
        try ProbeFileReader(file: path).read(text)
    }

    /// The probe targets, with `commandLine` overriding the file's defaults
    /// and each target's own keys overriding both.
    func probeTargets(commandLine: TargetSettings = TargetSettings()) -> [ProbeTarget] {
        scheduledTargets(commandLine: commandLine).map(\.target)
    }

    /// The probe targets with the `interval` each asks for (`nil` when the
    /// file sets none), for `plprobe serve`.
    func scheduledTargets(commandLine: TargetSettings = TargetSettings()) -> [(target: ProbeTarget, interval: Duration?)] {
        let shared = defaults.overridden(by: commandLine)
        return targets.map { entry in
            let settings = shared.overridden(by: entry.settings)
            return (settings.target(name: entry.name, url: entry.url), settings.interval)
        }
    }
}
