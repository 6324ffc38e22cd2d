/// The body length the `Content-Length` fields of a head declare.
///
/// Repeated fields and lists (`42, 42`) are accepted when every value is the
/// same (RFC 9110 section 8.6); anything else means the framing cannot be
/// trusted.
struct HTTPContentLength {
    private(set) var value: Int?

    mutating func add(fieldValue: HTTPByteRun) throws(HTTPResponseError) {
        for digits in HTTPListElements(fieldValue) {
            guard !digits.isEmpty, digits.allSatisfy(HTTPBytes.isDigit) else {
                throw .malformed("Content-Length '\(HTTPBytes.quoted(fieldValue))' is not a number")
            }
            let length = Self.saturatingDecimal(digits)
            if let value, value != length {
                throw .malformed("conflicting Content-Length values \(value) and \(length)")
            }
            value = length
        }
    }

    /// The number, or `Int.max` when it does not fit: such a body is over
    /// any limit anyway.
    private static func saturatingDecimal(_ digits: HTTPByteRun) -> Int {
        var result = 0
        for digit in digits {
            let (shifted, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflowA || overflowB { return Int.max }
            result = sum
        }
        return result
    }
}
