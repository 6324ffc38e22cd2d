import ProbeCore

/// Finds the SOA record in the authority section of a negative DNS answer.
///
/// c-ares 1.18's `ares_parse_soa_reply` reads only the answer section, where a
/// negative answer has nothing, so the authority section is read here: a
/// minimal reader of RFC 1035 messages that checks every length against the
/// buffer and follows at most a few compression pointers, because the bytes
/// come from the network.
package enum NegativeAnswerReader {
    private static let headerLength = 12
    private static let soaType: UInt16 = 6
    private static let maxPointerJumps = 16
    private static let maxNameLength = 255

    /// The negative-caching facts of `message`, or `nil` when it carries no
    /// well-formed SOA record in its authority section.
    package static func negativeCaching(in message: UnsafeRawBufferPointer) -> NegativeCaching? {
        var reader = Reader(bytes: message)
        guard let questions = reader.uint16(at: 4), let answers = reader.uint16(at: 6),
              let authorities = reader.uint16(at: 8) else { return nil }
        reader.offset = headerLength
        for _ in 0..<questions {
            guard reader.skipName(), reader.skip(4) else { return nil }
        }
        for _ in 0..<answers {
            guard reader.skipName(), reader.skip(8), let length = reader.readUInt16(), reader.skip(Int(length)) else { return nil }
        }
        for _ in 0..<authorities {
            guard let owner = reader.readName(), let type = reader.readUInt16(), reader.skip(2),
                  let ttl = reader.readUInt32(), let length = reader.readUInt16() else { return nil }
            let recordEnd = reader.offset + Int(length)
            if type == soaType {
                guard reader.skipName(), reader.skipName(), reader.skip(16),
                      let minimum = reader.readUInt32(), reader.offset <= recordEnd else { return nil }
                return NegativeCaching(zone: owner, soaTTL: Int(ttl & 0x7FFF_FFFF), minimum: Int(minimum & 0x7FFF_FFFF))
            }
            guard recordEnd <= message.count else { return nil }
            reader.offset = recordEnd
        }
        return nil
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        func uint16(at position: Int) -> UInt16? {
            guard position >= 0, position + 2 <= bytes.count else { return nil }
            return UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
        }

        mutating func readUInt16() -> UInt16? {
            guard let value = uint16(at: offset) else { return nil }
            offset += 2
            return value
        }

        mutating func readUInt32() -> UInt32? {
            guard let high = uint16(at: offset), let low = uint16(at: offset + 2) else { return nil }
            offset += 4
            return UInt32(high) << 16 | UInt32(low)
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count >= 0, offset + count <= bytes.count else { return false }
            offset += count
            return true
        }

        mutating func skipName() -> Bool {
            readName() != nil
        }

        /// Reads a possibly compressed name, leaving `offset` after it.
        mutating func readName() -> String? {
            var labels: [String] = []
            var position = offset
            var resumeAt: Int?
            var jumps = 0
            var length = 0
            while true {
                guard position < bytes.count else { return nil }
                let count = Int(bytes[position])
                switch count & 0xC0 {
                case 0xC0:
                    guard let pointer = uint16(at: position), jumps < NegativeAnswerReader.maxPointerJumps else { return nil }
                    if resumeAt == nil { resumeAt = position + 2 }
                    jumps += 1
                    position = Int(pointer & 0x3FFF)
                case 0x00:
                    if count == 0 {
                        offset = resumeAt ?? position + 1
                        return labels.isEmpty ? "." : labels.joined(separator: ".")
                    }
                    length += count + 1
                    guard position + 1 + count <= bytes.count, length <= NegativeAnswerReader.maxNameLength else { return nil }
                    labels.append(String(decoding: bytes[(position + 1)...(position + count)], as: UTF8.self))
                    position += count + 1
                default:
                    return nil
                }
            }
        }
    }
}
