import ProbeCore

extension LabConfiguration {
    /// Rejects what the lab cannot serve safely: the listener binds every
    /// endpoint address, so only loopback addresses are accepted.
    func validate() throws(LabError) {
        try validateHostName()
        guard !endpointAddresses.isEmpty, endpointAddresses.count <= Self.maximumEndpointAddresses else {
            throw LabError(
                "the lab needs 1 to \(Self.maximumEndpointAddresses) endpoint addresses, got \(endpointAddresses.count)",
                hint: "list one loopback address per simulated endpoint network interface, e.g. 127.0.0.2 and 127.0.0.3")
        }
        let loopback = [CIDR(network: .v4(0x7F00_0000), prefixLength: 8), CIDR(network: .v6(0, 1), prefixLength: 128)]
        if let outside = endpointAddresses.first(where: { address in !loopback.contains { $0.contains(address) } }) {
            throw LabError(
                "endpoint address \(outside) is not a loopback address",
                hint: "the lab listens on its endpoint addresses, so it only takes 127.0.0.0/8 or ::1, to stay unreachable from the network")
        }
        guard Set(endpointAddresses).count == endpointAddresses.count else {
            throw LabError("endpoint addresses \(endpointAddresses.map(\.description).joined(separator: ", ")) repeat an address", hint: "list each address once")
        }
        guard (0...Self.maximumExtraNames).contains(extraNames) else {
            throw LabError("extra names must be 0 to \(Self.maximumExtraNames), got \(extraNames)", hint: "use a smaller load")
        }
    }

    private func validateHostName() throws(LabError) {
        let name = LabNames.normalized(hostName)
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = IPAddress(name) == nil && name.utf8.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { $0.isDNSNameByte }
        }
        guard valid else {
            throw LabError("host name '\(hostName)' is not a DNS name", hint: "use letters, digits and hyphens in dot-separated labels, e.g. privatelink.test.cloud5.jp")
        }
    }
}

private extension UInt8 {
    var isDNSNameByte: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
            || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}
