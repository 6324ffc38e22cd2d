import ProbeCore

/// What every path of one target attempt shares, built once per attempt so
/// that paths copy nothing on the hot path.
struct PathPlan {
    var url: ProbeURL
    var expectations: Expectations
    var timeout: UInt64
    var timeoutText: String
    var tlsContext: TLSClientContext?
    var request: [UInt8]
    var expectedBody: [UInt8]

    static let userAgent = "plprobe/\(ProbeEngine.version)"

    init(target: ProbeTarget, tlsContext: TLSClientContext?) {
        url = target.url
        expectations = target.expectations
        timeout = target.timeout.nanosecondsClamped
        timeoutText = target.timeout.probeText
        self.tlsContext = tlsContext
        request = HTTPRequest.get(path: target.url.path, hostHeader: target.url.hostHeader, userAgent: Self.userAgent)
        expectedBody = Array(target.expectations.body.utf8)
    }
}
