/// Decodes `Transfer-Encoding: chunked` (RFC 9112 section 7.1) as it arrives
/// in pieces, handing out where the chunk data lies instead of copying it.
///
/// Every input is bounded: chunk sizes by the body limit, the size line
/// (extensions are skipped) by a fixed length, trailers by what is left of
/// the head limit.
struct ChunkedBodyDecoder {
    /// What one call to `decode` found.
    enum Output: Equatable {
        /// Chunk data at these input positions.
        case data(Range<Int>)
        /// The last chunk and the trailers have been read.
        case finished
        /// The input is used up.
        case needMore
    }

    private enum State {
        case size
        case sizeExtension
        case sizeLineFeed
        case data(remaining: Int)
        case dataCarriageReturn
        case dataLineFeed
        case trailers
        case finished
    }

    private static let maxSizeLineBytes = 4096

    private let maxBodyBytes: Int
    private let maxHeaderBytes: Int
    private var state = State.size
    private var chunkSize = 0
    private var sizeDigits = 0
    private var sizeLineBytes = 0
    private var declaredBodyBytes = 0
    private var headBytesSeen: Int
    private var trailerLineLength = 0
    private var trailerLineFirstByte: UInt8 = 0

    /// `headBytes`: what the response heads used of `limits.maxHeaderBytes`.
    init(limits: HTTPResponseLimits, headBytes: Int) {
        maxBodyBytes = limits.maxBodyBytes
        maxHeaderBytes = limits.maxHeaderBytes
        headBytesSeen = headBytes
    }

    /// Reads framing from `input[index...]` up to the next chunk data, the
    /// end of the body, or the end of the input; advances `index` past what
    /// it used.
    mutating func decode(_ input: UnsafeRawBufferPointer, index: inout Int) throws(HTTPResponseError) -> Output {
        while index < input.count {
            if case .data(let remaining) = state {
                let length = min(remaining, input.count - index)
                defer { index += length }
                state = remaining == length ? .dataCarriageReturn : .data(remaining: remaining - length)
                return .data(index..<(index + length))
            }
            let byte = input[index]
            index += 1
            if try consumeFramingByte(byte) { return .finished }
        }
        return .needMore
    }

    /// Advances the state by one framing byte; returns whether the body ended.
    private mutating func consumeFramingByte(_ byte: UInt8) throws(HTTPResponseError) -> Bool {
        switch state {
        case .size, .sizeExtension, .sizeLineFeed:
            try consumeSizeLineByte(byte)
        case .dataCarriageReturn:
            if byte == HTTPBytes.cr {
                state = .dataLineFeed
            } else {
                try expectLineFeed(after: byte)
            }
        case .dataLineFeed:
            try expectLineFeed(after: byte)
        case .trailers:
            return try consumeTrailerByte(byte)
        case .data, .finished:
            break
        }
        return false
    }

    private mutating func consumeSizeLineByte(_ byte: UInt8) throws(HTTPResponseError) {
        sizeLineBytes += 1
        guard sizeLineBytes <= Self.maxSizeLineBytes else {
            throw .malformed("chunk size line is longer than \(Self.maxSizeLineBytes) bytes")
        }
        switch state {
        case .sizeLineFeed:
            guard byte == HTTPBytes.lf else {
                throw .malformed("chunk size line has a CR followed by '\(HTTPBytes.quoted([byte]))' instead of LF")
            }
            try endSizeLine()
        case .sizeExtension:
            if byte == HTTPBytes.lf { try endSizeLine() }
        default:
            try consumeSizeByte(byte)
        }
    }

    private mutating func consumeSizeByte(_ byte: UInt8) throws(HTTPResponseError) {
        switch byte {
        case HTTPBytes.lf:
            try endSizeLine()
        case HTTPBytes.cr:
            try requireSizeDigits(before: byte)
            state = .sizeLineFeed
        case HTTPBytes.semicolon, HTTPBytes.space, HTTPBytes.tab:
            try requireSizeDigits(before: byte)
            state = .sizeExtension
        default:
            guard let digit = HTTPBytes.hexValue(byte) else {
                throw .malformed("chunk size has '\(HTTPBytes.quoted([byte]))', which is not a hex digit")
            }
            sizeDigits += 1
            let (shifted, overflowA) = chunkSize.multipliedReportingOverflow(by: 16)
            let (size, overflowB) = shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB, size <= maxBodyBytes - declaredBodyBytes else {
                throw .bodyTooLarge(limit: maxBodyBytes)
            }
            chunkSize = size
        }
    }

    private func requireSizeDigits(before byte: UInt8) throws(HTTPResponseError) {
        if sizeDigits == 0 {
            throw .malformed("chunk size line has '\(HTTPBytes.quoted([byte]))' before any hex digit")
        }
    }

    private mutating func endSizeLine() throws(HTTPResponseError) {
        try requireSizeDigits(before: HTTPBytes.lf)
        declaredBodyBytes += chunkSize
        state = chunkSize == 0 ? .trailers : .data(remaining: chunkSize)
        chunkSize = 0
        sizeDigits = 0
        sizeLineBytes = 0
    }

    private mutating func expectLineFeed(after byte: UInt8) throws(HTTPResponseError) {
        guard byte == HTTPBytes.lf else {
            throw .malformed("chunk data is followed by '\(HTTPBytes.quoted([byte]))' instead of CRLF")
        }
        state = .size
    }

    /// Skips trailer fields up to the blank line that ends the body.
    private mutating func consumeTrailerByte(_ byte: UInt8) throws(HTTPResponseError) -> Bool {
        headBytesSeen += 1
        guard headBytesSeen <= maxHeaderBytes else { throw .headTooLarge(limit: maxHeaderBytes) }
        guard byte == HTTPBytes.lf else {
            if trailerLineLength == 0 { trailerLineFirstByte = byte }
            trailerLineLength += 1
            return false
        }
        let lineIsBlank = trailerLineLength == 0 || (trailerLineLength == 1 && trailerLineFirstByte == HTTPBytes.cr)
        trailerLineLength = 0
        if lineIsBlank { state = .finished }
        return lineIsBlank
    }
}
