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
    /// Extra facts to record; empty for `check`, so its probes pay nothing.
    var detail: PathDetail = []

    /// Whether the request goes out despite `failure`: only for a certificate
    /// outside its validity period, and only when asked to read the server's clock.
    func requestsDespite(_ failure: ProbeFailure) -> Bool {
        detail.contains(.requestDespiteCertificateDates) && (failure.code == .tlsExpired || failure.code == .tlsNotYetValid)
    }

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

/// Facts a path records only when diagnosing.
struct PathDetail: OptionSet {
    let rawValue: UInt8

    /// Every certificate the peer presented, not only the leaf.
    static let certificateChain = PathDetail(rawValue: 1 << 0)
    /// The response's `Date` header and the start of its body.
    static let responseDetail = PathDetail(rawValue: 1 << 1)
    /// Send the request even though the certificate is outside its validity
    /// period, to read the server's clock from `Date`; the path still fails
    /// with the certificate's failure.
    static let requestDespiteCertificateDates = PathDetail(rawValue: 1 << 2)
}
