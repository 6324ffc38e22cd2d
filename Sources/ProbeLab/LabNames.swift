/// The names the lab answers for, and the zones it is authoritative for.
///
/// The host name's parent domain is a zone, so a typo of the endpoint name
/// gets NXDOMAIN (as from a private hosted zone) rather than REFUSED. Extra
/// names are matched by pattern, so 100,000 of them cost no memory.
struct LabNames: Sendable {
    /// The endpoint's name, lowercased, without a trailing dot.
    let hostName: String
    let extraCount: Int

    static let extraZone = "lab.plprobe.test"

    init(hostName: String, extraCount: Int) {
        self.hostName = Self.normalized(hostName)
        self.extraCount = extraCount
    }

    /// The zones, most specific first, so the longest match wins.
    var zones: [String] {
        let hostZone = hostName.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? hostName
        return [hostZone, Self.extraZone].sorted { $0.count > $1.count }
    }

    /// Every name with addresses: the host name, then the extra names in order.
    var all: [String] {
        [hostName] + (0..<extraCount).map(Self.extraName)
    }

    static func extraName(_ index: Int) -> String {
        "n\(index).\(extraZone)"
    }

    /// Whether `name` (lowercased, no trailing dot) resolves to the endpoint addresses.
    func hasAddresses(_ name: String) -> Bool {
        if name == hostName { return true }
        guard name.hasPrefix("n"), name.hasSuffix("." + Self.extraZone) else { return false }
        let digits = name.dropFirst().dropLast(Self.extraZone.count + 1)
        guard let index = Int(digits), index >= 0, digits == String(index) else { return false }
        return index < extraCount
    }

    /// The zone `name` lies in (or is the apex of), if the lab serves one.
    func zone(of name: String) -> String? {
        zones.first { name == $0 || name.hasSuffix("." + $0) }
    }

    static func normalized(_ name: String) -> String {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
    }
}
