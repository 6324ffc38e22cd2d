/// Finds a fixed byte string in a stream that arrives in pieces
/// (Knuth-Morris-Pratt), so the body itself never has to be kept.
struct StreamingMatcher {
    private let needle: [UInt8]
    /// For each needle prefix, the length of its longest proper border:
    /// where matching resumes after a mismatch.
    private let fallback: [Int]
    private var matchedLength = 0
    /// Whether the needle has been seen; an empty needle is seen at once.
    private(set) var found: Bool

    init(needle: [UInt8]) {
        self.needle = needle
        fallback = Self.borders(of: needle)
        found = needle.isEmpty
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !found else { return }
        var matched = matchedLength
        needle.withUnsafeBufferPointer { needle in
            fallback.withUnsafeBufferPointer { fallback in
                for byte in bytes {
                    while matched > 0 && needle[matched] != byte {
                        matched = fallback[matched - 1]
                    }
                    if needle[matched] == byte {
                        matched += 1
                        if matched == needle.count { break }
                    }
                }
            }
        }
        matchedLength = matched
        found = matched == needle.count
    }

    private static func borders(of needle: [UInt8]) -> [Int] {
        var borders = [Int](repeating: 0, count: needle.count)
        var length = 0
        for index in needle.indices.dropFirst() {
            while length > 0 && needle[index] != needle[length] {
                length = borders[length - 1]
            }
            if needle[index] == needle[length] { length += 1 }
            borders[index] = length
        }
        return borders
    }
}
