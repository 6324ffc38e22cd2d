import ProbeEngine

/// How a test cuts a response into the reads a socket would deliver.
enum ReadSplit: Sendable, CustomStringConvertible {
    case whole
    case byteByByte
    /// Pieces of 1...maxPiece bytes from a seeded generator, reproducible.
    case random(seed: UInt64, maxPiece: Int)

    static let all: [ReadSplit] = [
        .whole, .byteByByte,
        .random(seed: 1, maxPiece: 7), .random(seed: 2, maxPiece: 31), .random(seed: 3, maxPiece: 300),
    ]

    var description: String {
        switch self {
        case .whole: "whole"
        case .byteByByte: "byte by byte"
        case .random(let seed, let maxPiece): "random pieces of 1...\(maxPiece) (seed \(seed))"
        }
    }

    func pieces(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var sizes: () -> Int
        switch self {
        case .whole: sizes = { max(bytes.count, 1) }
        case .byteByByte: sizes = { 1 }
        case .random(let seed, let maxPiece):
            var generator = SplitMix64(seed: seed)
            sizes = { Int.random(in: 1...maxPiece, using: &generator) }
        }
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + sizes())
            pieces.append(bytes[start..<end])
            start = end
        }
        return pieces
    }
}

/// A small seeded generator (SplitMix64) so random splits are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Everything a probe learns from a parse, compared as one value.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var status: Int?
    var reason: String?
    var bodyByteCount = 0
    var bodyContainsExpected = false
    var isComplete = false
    var error: HTTPResponseError?

    static func complete(_ status: Int, _ reason: String, body: Int, matched: Bool) -> ParseOutcome {
        ParseOutcome(status: status, reason: reason, bodyByteCount: body, bodyContainsExpected: matched, isComplete: true)
    }

    static func failed(_ error: HTTPResponseError, status: Int? = nil, reason: String? = nil, body: Int = 0) -> ParseOutcome {
        ParseOutcome(status: status, reason: reason, bodyByteCount: body, error: error)
    }

    var description: String {
        let head = status.map { "\($0) '\(reason ?? "")'" } ?? "no head"
        let end = error.map { "error \($0)" } ?? (isComplete ? "complete" : "incomplete")
        return "\(head), \(bodyByteCount) body bytes, matched \(bodyContainsExpected), \(end)"
    }
}

enum ParserFeeder {
    static let expectedText = Array("This is test server".utf8)

    /// Feeds `response` in `split` pieces like a read loop: stops at
    /// completion or the first error, then reports the end of the stream
    /// if the server closes.
    static func run(
        _ response: [UInt8],
        split: ReadSplit = .whole,
        serverCloses: Bool = false,
        limits: HTTPResponseLimits = .standard,
        expectedBody: [UInt8] = expectedText
    ) -> ParseOutcome {
        var parser = HTTPResponseParser(limits: limits, expectedBody: expectedBody)
        let error = feed(response, split: split, serverCloses: serverCloses, into: &parser)
        return ParseOutcome(
            status: parser.head?.status,
            reason: parser.head?.reason,
            bodyByteCount: parser.bodyByteCount,
            bodyContainsExpected: parser.bodyContainsExpected,
            isComplete: parser.isComplete,
            error: error
        )
    }

    /// Returns the error the parser threw, if any.
    static func feed(
        _ response: [UInt8], split: ReadSplit, serverCloses: Bool, into parser: inout HTTPResponseParser
    ) -> HTTPResponseError? {
        do {
            for piece in split.pieces(of: response) {
                if try piece.withUnsafeBytes({ try parser.parse($0) }) { return nil }
            }
            if serverCloses { try parser.parseEndOfStream() }
            return nil
        } catch let error as HTTPResponseError {
            return error
        } catch {
            preconditionFailure("HTTPResponseParser threw \(error), which is not an HTTPResponseError")
        }
    }
}
