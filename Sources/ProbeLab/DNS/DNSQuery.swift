/// A DNS query as the lab's server needs it: one question, and whether the
/// client speaks EDNS. Anything else a query may carry is ignored.
struct DNSQuery {
    var id: UInt16
    var recursionDesired: Bool
    /// The question section as received (name, type, class), echoed verbatim
    /// so the client's letter case survives.
    var question: [UInt8]
    /// Where each label of the name starts within `question`, for compression
    /// pointers to a suffix of the name.
    var labelOffsets: [Int]
    /// The name in presentation form, lowercased, without the trailing dot;
    /// `nil` when a label holds a dot, which no name of the lab does.
    var name: String?
    var type: DNSType
    var questionClass: UInt16
    /// The EDNS version of an OPT record, `nil` without one.
    var ednsVersion: UInt8?
}

/// Record types the lab answers; others get NODATA.
struct DNSType: RawRepresentable, Equatable {
    var rawValue: UInt16

    static let a = DNSType(rawValue: 1)
    static let soa = DNSType(rawValue: 6)
    static let aaaa = DNSType(rawValue: 28)
    static let opt = DNSType(rawValue: 41)
    static let any = DNSType(rawValue: 255)
}

/// What to do with a datagram that arrived on the DNS port.
enum DNSRequest {
    /// Too short to carry an ID, or itself a response: answering could loop.
    case ignore
    /// A header-only answer with this response code (FORMERR, NOTIMP).
    case reject(id: UInt16, flags: UInt16, rcode: UInt16)
    case query(DNSQuery)

    static let formatError: UInt16 = 1
    static let notImplemented: UInt16 = 4

    init(parsing message: some Collection<UInt8>) {
        let bytes = Array(message)
        guard bytes.count >= 12 else { self = .ignore; return }
        var reader = DNSReader(bytes: bytes)
        let id = reader.uint16()!
        let flags = reader.uint16()!
        let counts = (0..<4).map { _ in reader.uint16()! }
        guard flags & 0x8000 == 0 else { self = .ignore; return }
        guard (flags >> 11) & 0xF == 0 else {
            self = .reject(id: id, flags: flags, rcode: Self.notImplemented)
            return
        }
        guard counts[0] == 1, counts[1] == 0, counts[2] == 0,
              let query = Self.query(id: id, flags: flags, additionalCount: Int(counts[3]), reader: &reader) else {
            self = .reject(id: id, flags: flags, rcode: Self.formatError)
            return
        }
        self = .query(query)
    }

    private static func query(id: UInt16, flags: UInt16, additionalCount: Int, reader: inout DNSReader) -> DNSQuery? {
        let questionStart = reader.offset
        var labelOffsets: [Int] = []
        var labels: [String]? = []
        var nameLength = 1
        while true {
            guard let length = reader.uint8() else { return nil }
            if length == 0 { break }
            // The question comes first, so a compression pointer there is malformed.
            guard length <= 63, let label = reader.bytes(Int(length)) else { return nil }
            nameLength += Int(length) + 1
            guard nameLength <= 255 else { return nil }
            labelOffsets.append(reader.offset - Int(length) - 1 - questionStart)
            labels = label.contains(UInt8(ascii: ".")) ? nil : labels.map { $0 + [lowercased(label)] }
        }
        guard let type = reader.uint16(), let questionClass = reader.uint16() else { return nil }
        let question = Array(reader.bytes[questionStart..<reader.offset])
        var ednsVersion: UInt8?
        for _ in 0..<additionalCount {
            guard let record = reader.resourceRecord() else { return nil }
            if record.type == DNSType.opt.rawValue, record.isRootName {
                ednsVersion = UInt8(record.ttl >> 16 & 0xFF)
            }
        }
        return DNSQuery(
            id: id, recursionDesired: flags & 0x0100 != 0, question: question, labelOffsets: labelOffsets,
            name: labels?.joined(separator: "."), type: DNSType(rawValue: type), questionClass: questionClass,
            ednsVersion: ednsVersion)
    }

    private static func lowercased(_ label: ArraySlice<UInt8>) -> String {
        String(decoding: label.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Reads big-endian fields and skips records, failing on truncation.
private struct DNSReader {
    let bytes: [UInt8]
    var offset = 0

    struct Record {
        var isRootName: Bool
        var type: UInt16
        var ttl: UInt32
    }

    mutating func uint8() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16() -> UInt16? {
        guard let high = uint8(), let low = uint8() else { return nil }
        return UInt16(high) << 8 | UInt16(low)
    }

    mutating func uint32() -> UInt32? {
        guard let high = uint16(), let low = uint16() else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func resourceRecord() -> Record? {
        let nameStart = offset
        guard skipName(), let type = uint16(), uint16() != nil, let ttl = uint32(),
              let length = uint16(), bytes(Int(length)) != nil else { return nil }
        return Record(isRootName: offset > nameStart && bytes[nameStart] == 0, type: type, ttl: ttl)
    }

    /// Skips a possibly compressed name; a pointer ends it.
    private mutating func skipName() -> Bool {
        while let length = uint8() {
            switch length {
            case 0: return true
            case 0xC0...: return uint8() != nil
            case 1...63: if bytes(Int(length)) == nil { return false }
            default: return false
            }
        }
        return false
    }
}
