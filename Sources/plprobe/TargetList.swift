import ProbeCore

/// Combines a probe file's targets with URLs from the command line into
/// one list in which every target has a distinct name, since reports
/// (JUnit suites especially) are keyed by name.
enum TargetList {
    static func assemble(file: ProbeFile?, urls: [ProbeURL], commandLine: TargetSettings) throws(UsageError) -> [ProbeTarget] {
        var targets = file?.probeTargets(commandLine: commandLine) ?? []
        var taken = Set(targets.map(\.name))
        var hostCounts: [String: Int] = [:]
        for url in urls { hostCounts[url.host, default: 0] += 1 }
        for url in urls {
            // A URL is named after its host unless that would be ambiguous;
            // then the whole URL is its name.
            let host = url.host
            let name = hostCounts[host] == 1 && !taken.contains(host) ? host : url.description
            guard taken.insert(name).inserted else {
                throw UsageError("URL '\(url)' is given twice (or names a target of --config); give each target once")
            }
            targets.append(commandLine.target(name: name, url: url))
        }
        return targets
    }
}
