import ProbeCore

/// The `plprobe check` command line that probes a target as configured,
/// for a person to copy into another terminal.
enum CheckCommandLine {
    static func text(for target: ProbeTarget) -> String {
        var words = ["plprobe", "check", target.url.description]
        for server in target.dnsServers { words += ["--dns-server", server.description] }
        if let caFile = target.caFile { words += ["--ca-file", caFile] }
        for address in target.expectations.addresses { words += ["--expect-address", address.description] }
        for cidr in target.expectations.cidrs { words += ["--expect-cidr", cidr.description] }
        if target.expectations.allowPublic { words.append("--allow-public") }
        return words.map(shellQuoted).joined(separator: " ")
    }

    /// `word` as one shell word: unchanged when it is plain, else in single quotes.
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./:@%+=,[]".contains($0)) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
