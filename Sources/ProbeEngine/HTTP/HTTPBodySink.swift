/// Where decoded body bytes go: counted against the limit, searched for the
/// expected text, and the first few kept so a mismatch can show what came
/// instead. Nothing else of the body is stored.
struct HTTPBodySink {
    /// How much of the body start is kept for failure messages.
    private static let maxPrefixBytes = 256
    private static let maxPreviewCharacters = 80

    private let limit: Int
    private var matcher: StreamingMatcher
    private(set) var byteCount = 0
    private var prefix: [UInt8] = []

    init(limit: Int, expectedText: [UInt8]) {
        self.limit = limit
        matcher = StreamingMatcher(needle: expectedText)
    }

    var containsExpectedText: Bool { matcher.found }

    var retainedByteCount: Int { prefix.capacity }

    /// The kept body start as one line of text.
    var preview: String {
        var text = ""
        var characters = 0
        var pendingSpace = false
        for scalar in String(decoding: prefix, as: UTF8.self).unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !text.isEmpty
                continue
            }
            if characters == Self.maxPreviewCharacters { return text + "…" }
            if pendingSpace {
                text += " "
                characters += 1
                pendingSpace = false
            }
            text.unicodeScalars.append(scalar)
            characters += 1
        }
        return byteCount > prefix.count ? text + "…" : text
    }

    mutating func consume(_ bytes: UnsafeRawBufferPointer) throws(HTTPResponseError) {
        guard bytes.count <= limit - byteCount else { throw .bodyTooLarge(limit: limit) }
        if prefix.count < Self.maxPrefixBytes && !bytes.isEmpty {
            prefix.reserveCapacity(Self.maxPrefixBytes)
            prefix.append(contentsOf: bytes.prefix(Self.maxPrefixBytes - prefix.count))
        }
        byteCount += bytes.count
        matcher.feed(bytes)
    }
}
