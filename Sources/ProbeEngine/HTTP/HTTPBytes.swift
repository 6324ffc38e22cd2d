/// Byte-level helpers shared by the HTTP parsing files.
enum HTTPBytes {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B

    /// How many bytes of a line an error message quotes.
    static let maxQuotedBytes = 60

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    /// The value of a hexadecimal digit, or `nil`.
    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    /// RFC 9110 `tchar` (``!#$%&'*+-.^_`|~``, digits, letters): the
    /// characters allowed in a header name, as bit masks over ASCII.
    private static let tokenMaskLow: UInt64 = 0x03FF_6CFA_0000_0000
    private static let tokenMaskHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        byte < 64 ? tokenMaskLow >> byte & 1 == 1 : byte < 128 && tokenMaskHigh >> (byte - 64) & 1 == 1
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Whether `bytes` equals the ASCII text `name`, ignoring case.
    static func equalsIgnoringCase(_ bytes: HTTPByteRun, _ name: StaticString) -> Bool {
        let nameBytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        return equalsIgnoringCase(bytes, nameBytes[...])
    }

    /// Whether two runs of ASCII bytes are equal, ignoring case.
    static func equalsIgnoringCase(_ bytes: HTTPByteRun, _ other: HTTPByteRun) -> Bool {
        guard bytes.count == other.count else { return false }
        var otherIndex = other.startIndex
        for byte in bytes {
            if lowercased(byte) != lowercased(other[otherIndex]) { return false }
            otherIndex += 1
        }
        return true
    }

    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmingWhitespace(_ bytes: HTTPByteRun) -> HTTPByteRun {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isWhitespace(bytes[start]) { start += 1 }
        while end > start && isWhitespace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// Bytes for an error message: printable ASCII as is, anything else as
    /// `\xNN`, cut after a few dozen bytes, so hostile input cannot flood a report.
    static func quoted(_ bytes: some Collection<UInt8>) -> String {
        var text = ""
        for byte in bytes.prefix(maxQuotedBytes) {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return bytes.count > maxQuotedBytes ? text + "…" : text
    }
}
