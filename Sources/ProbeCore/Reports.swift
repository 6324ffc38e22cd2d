/// Whether a target or a path passed.
public enum Verdict: String, Sendable, Codable {
    case pass, fail
}

/// One A or AAAA answer with the TTL the resolver gave it.
public struct DNSAnswer: Hashable, Sendable {
    public var address: IPAddress
    public var ttl: Int

    public init(address: IPAddress, ttl: Int) {
        self.address = address
        self.ttl = ttl
    }
}

/// What name resolution returned and how it compared with the expectations.
public struct DNSReport: Hashable, Sendable {
    /// The answers, sorted by address; empty when resolution failed.
    public var answers: [DNSAnswer]
    public var expectedAddresses: [IPAddress]
    public var expectedCIDRs: [CIDR]
    /// The resolvers asked; empty means the system configuration.
    public var resolvers: [ResolverAddress]
    /// `nil` when the URL names an address and nothing was resolved.
    public var duration: Duration?
    /// Failures of the DNS checks: resolution, expected set, private ranges.
    public var failures: [ProbeFailure]

    public init(
        answers: [DNSAnswer] = [], expectedAddresses: [IPAddress] = [], expectedCIDRs: [CIDR] = [],
        resolvers: [ResolverAddress] = [], duration: Duration? = nil, failures: [ProbeFailure] = []
    ) {
        self.answers = answers
        self.expectedAddresses = expectedAddresses
        self.expectedCIDRs = expectedCIDRs
        self.resolvers = resolvers
        self.duration = duration
        self.failures = failures
    }

    public var addresses: [IPAddress] { answers.map(\.address) }
}

/// The parts of a certificate a person needs to judge it.
public struct CertificateInfo: Hashable, Sendable {
    public var subject: String
    public var issuer: String
    /// DNS names as written; IP addresses prefixed `IP:`.
    public var subjectAlternativeNames: [String]
    public var notBefore: Timestamp?
    public var notAfter: Timestamp?

    public init(subject: String, issuer: String, subjectAlternativeNames: [String], notBefore: Timestamp?, notAfter: Timestamp?) {
        self.subject = subject
        self.issuer = issuer
        self.subjectAlternativeNames = subjectAlternativeNames
        self.notBefore = notBefore
        self.notAfter = notAfter
    }
}

/// The negotiated session, recorded even when verification failed.
public struct TLSReport: Hashable, Sendable {
    public var version: String
    public var cipher: String
    /// The peer's leaf certificate.
    public var certificate: CertificateInfo?
    /// Every certificate the peer presented, leaf first; recorded only when
    /// diagnosing, since reading it costs a few X509 parses per handshake.
    public var chain: [CertificateInfo]

    public init(version: String, cipher: String, certificate: CertificateInfo?, chain: [CertificateInfo] = []) {
        self.version = version
        self.cipher = cipher
        self.certificate = certificate
        self.chain = chain
    }
}

/// What the HTTP exchange returned.
public struct HTTPReport: Hashable, Sendable {
    public var status: Int?
    public var bodyBytes: Int?
    /// `nil` when no body check ran (no expected text, or no body read).
    public var bodyMatched: Bool?
    /// The `Server` header, which often tells what actually answered.
    public var server: String?
    /// The server's clock from its `Date` header; recorded only when diagnosing.
    public var date: Timestamp?
    /// The start of the body as one line of text; recorded only when diagnosing.
    public var bodyPreview: String?

    public init(
        status: Int? = nil, bodyBytes: Int? = nil, bodyMatched: Bool? = nil, server: String? = nil,
        date: Timestamp? = nil, bodyPreview: String? = nil
    ) {
        self.status = status
        self.bodyBytes = bodyBytes
        self.bodyMatched = bodyMatched
        self.server = server
        self.date = date
        self.bodyPreview = bodyPreview
    }
}

/// Time spent in each phase of one path; `nil` for phases not reached.
public struct PhaseTimings: Hashable, Sendable {
    public var connect: Duration?
    public var tls: Duration?
    /// From sending the request to the first response byte.
    public var timeToFirstByte: Duration?
    public var total: Duration?

    public init(connect: Duration? = nil, tls: Duration? = nil, timeToFirstByte: Duration? = nil, total: Duration? = nil) {
        self.connect = connect
        self.tls = tls
        self.timeToFirstByte = timeToFirstByte
        self.total = total
    }
}

/// The probe of one endpoint address: TCP, TLS, HTTP.
public struct PathReport: Hashable, Sendable {
    public var address: IPAddress
    public var failure: ProbeFailure?
    public var timings: PhaseTimings
    public var tls: TLSReport?
    public var http: HTTPReport?

    public init(address: IPAddress, failure: ProbeFailure? = nil, timings: PhaseTimings = PhaseTimings(), tls: TLSReport? = nil, http: HTTPReport? = nil) {
        self.address = address
        self.failure = failure
        self.timings = timings
        self.tls = tls
        self.http = http
    }

    public var verdict: Verdict { failure == nil ? .pass : .fail }
}

/// A failed attempt kept for the record, so "NXDOMAIN for 2 minutes, then
/// passed" shows in the final report.
public struct AttemptRecord: Hashable, Sendable {
    public var number: Int
    public var startedAt: Timestamp
    public var duration: Duration
    public var codes: [FailureCode]

    public init(number: Int, startedAt: Timestamp, duration: Duration, codes: [FailureCode]) {
        self.number = number
        self.startedAt = startedAt
        self.duration = duration
        self.codes = codes
    }
}

/// The final result for one target: its last attempt in full, and the
/// codes of every earlier failed attempt.
public struct TargetReport: Hashable, Sendable {
    public var target: ProbeTarget
    public var attempts: Int
    /// Every failed attempt, the last one included when it failed.
    public var failedAttempts: [AttemptRecord]
    public var dns: DNSReport
    /// One path per probed address, sorted by address.
    public var paths: [PathReport]
    public var startedAt: Timestamp
    public var duration: Duration

    public init(
        target: ProbeTarget, attempts: Int = 1, failedAttempts: [AttemptRecord] = [], dns: DNSReport,
        paths: [PathReport], startedAt: Timestamp, duration: Duration
    ) {
        self.target = target
        self.attempts = attempts
        self.failedAttempts = failedAttempts
        self.dns = dns
        self.paths = paths
        self.startedAt = startedAt
        self.duration = duration
    }

    /// Every failure of the last attempt: DNS checks first, then each path's.
    public var failures: [ProbeFailure] {
        dns.failures + paths.compactMap(\.failure)
    }

    public var verdict: Verdict { failures.isEmpty && !paths.isEmpty ? .pass : .fail }
}
