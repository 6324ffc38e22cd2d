import ProbeCore

/// The lab's authoritative answers: the endpoint addresses for known names,
/// NODATA or NXDOMAIN with the zone's SOA otherwise, REFUSED outside the zones.
struct DNSResponder: Sendable {
    let names: LabNames
    let ipv4: [IPAddress]
    let ipv6: [IPAddress]

    /// The TTL of every record, and the SOA minimum (the negative-caching TTL).
    static let ttl: UInt32 = 60
    /// The UDP payload size the lab advertises in its OPT record.
    static let ednsPayloadSize: UInt16 = 1232

    private static let classIN: UInt16 = 1
    private static let nxdomain: UInt16 = 3
    private static let refused: UInt16 = 5
    private static let badVersion: UInt16 = 16

    init(names: LabNames, addresses: [IPAddress]) {
        self.names = names
        ipv4 = addresses.filter(\.isIPv4)
        ipv6 = addresses.filter { !$0.isIPv4 }
    }

    /// The reply to a datagram, or `nil` when it deserves none.
    func reply(to message: some Collection<UInt8>) -> [UInt8]? {
        switch DNSRequest(parsing: message) {
        case .ignore:
            return nil
        case .reject(let id, let flags, let rcode):
            let replyFlags = 0x8000 | flags & 0x7900 | rcode
            return Self.header(id: id, flags: replyFlags, counts: [0, 0, 0, 0])
        case .query(let query):
            return answer(query)
        }
    }

    private func answer(_ query: DNSQuery) -> [UInt8] {
        var rcode: UInt16 = 0
        var authoritative = false
        var answers: [[UInt8]] = []
        var authority: [[UInt8]] = []
        if let version = query.ednsVersion, version > 0 {
            rcode = Self.badVersion
        } else if query.questionClass == 1 || query.questionClass == 255,
                  let name = query.name, let zone = names.zone(of: name) {
            authoritative = true
            let soa = Self.soaRecord(query, zone: zone)
            if names.hasAddresses(name) {
                answers = addresses(for: query.type).map(Self.addressRecord)
            } else if name == zone, query.type == .soa || query.type == .any {
                answers = [soa]
            }
            if answers.isEmpty {
                authority = [soa]
                if !names.hasAddresses(name) && name != zone { rcode = Self.nxdomain }
            }
        } else {
            rcode = Self.refused
        }
        var flags: UInt16 = 0x8000 | 0x0080 | rcode & 0xF
        if authoritative { flags |= 0x0400 }
        if query.recursionDesired { flags |= 0x0100 }
        let edns = query.ednsVersion != nil
        var reply = Self.header(id: query.id, flags: flags, counts: [1, UInt16(answers.count), UInt16(authority.count), edns ? 1 : 0])
        reply += query.question
        reply += answers.joined()
        reply += authority.joined()
        if edns { reply += Self.optRecord(extendedRcode: UInt8(rcode >> 4)) }
        return reply
    }

    private func addresses(for type: DNSType) -> [IPAddress] {
        switch type {
        case .a: ipv4
        case .aaaa: ipv6
        case .any: ipv4 + ipv6
        default: []
        }
    }

    private static func header(id: UInt16, flags: UInt16, counts: [UInt16]) -> [UInt8] {
        ([id, flags] + counts).flatMap(bigEndian)
    }

    /// An A or AAAA record owned by the question's name (pointer to offset 12).
    private static func addressRecord(_ address: IPAddress) -> [UInt8] {
        let type = address.isIPv4 ? DNSType.a : DNSType.aaaa
        let bytes = address.bytes
        return [0xC0, 12] + bigEndian(type.rawValue) + bigEndian(classIN) + bigEndian(ttl) + bigEndian(UInt16(bytes.count)) + bytes
    }

    /// The zone's SOA, its names compressed as pointers into the question,
    /// which keeps every reply within 512 bytes.
    private static func soaRecord(_ query: DNSQuery, zone: String) -> [UInt8] {
        let zoneLabels = zone.split(separator: ".").count
        let apexOffset = 12 + query.labelOffsets[query.labelOffsets.count - zoneLabels]
        let apex = bigEndian(0xC000 | UInt16(apexOffset))
        let primary = label("ns") + apex
        let mailbox = label("hostmaster") + apex
        let timers = [1, 3600, 600, 86400, ttl].flatMap { bigEndian(UInt32($0)) }
        let data = primary + mailbox + timers
        return apex + bigEndian(DNSType.soa.rawValue) + bigEndian(classIN) + bigEndian(ttl) + bigEndian(UInt16(data.count)) + data
    }

    private static func optRecord(extendedRcode: UInt8) -> [UInt8] {
        [0] + bigEndian(DNSType.opt.rawValue) + bigEndian(ednsPayloadSize) + [extendedRcode, 0, 0, 0] + bigEndian(UInt16(0))
    }

    private static func label(_ text: String) -> [UInt8] {
        [UInt8(text.utf8.count)] + Array(text.utf8)
    }

    private static func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian, Array.init)
    }
}
