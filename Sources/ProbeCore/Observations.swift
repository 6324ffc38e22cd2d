/// What a negative DNS answer says about its own lifetime: the SOA record of
/// the authority section (RFC 2308), which tells how long resolvers may keep
/// answering NXDOMAIN or NODATA after the name has been created.
public struct NegativeCaching: Hashable, Sendable {
    /// The zone that answered (the SOA record's owner name).
    public var zone: String
    /// The TTL of the SOA record itself.
    public var soaTTL: Int
    /// The SOA MINIMUM field.
    public var minimum: Int

    public init(zone: String, soaTTL: Int, minimum: Int) {
        self.zone = zone
        self.soaTTL = soaTTL
        self.minimum = minimum
    }

    /// How long the negative answer may be cached: the lesser of the SOA
    /// record's TTL and its MINIMUM field (RFC 2308 section 5).
    public var seconds: Int { min(soaTTL, minimum) }
}

/// What one resolver said when asked on its own, so that one broken
/// resolver out of two, or one still caching NXDOMAIN, can be named.
public struct ResolverObservation: Hashable, Sendable {
    public var resolver: ResolverAddress
    /// The A and AAAA answers, sorted by address; empty when it failed.
    public var answers: [DNSAnswer]
    public var failure: ProbeFailure?
    /// From the SOA of a negative answer (NXDOMAIN or NODATA), when it had one.
    public var negativeCaching: NegativeCaching?
    public var askedAt: Timestamp
    public var duration: Duration

    public init(
        resolver: ResolverAddress, answers: [DNSAnswer] = [], failure: ProbeFailure? = nil,
        negativeCaching: NegativeCaching? = nil, askedAt: Timestamp, duration: Duration = .zero
    ) {
        self.resolver = resolver
        self.answers = answers
        self.failure = failure
        self.negativeCaching = negativeCaching
        self.askedAt = askedAt
        self.duration = duration
    }

    public var addresses: [IPAddress] { answers.map(\.address) }
}

/// One address of the check probed once more, another way, to tell causes apart.
public struct AlternateProbe: Hashable, Sendable {
    public enum Purpose: String, Sendable, CaseIterable {
        /// The same port with the other scheme: is it plain HTTP where HTTPS was
        /// asked for, or the reverse?
        case otherScheme = "other_scheme"
        /// The other of ports 80 and 443: does the address answer at all?
        case otherPort = "other_port"
        /// The same URL again, recording the certificate chain, the response's
        /// `Date` header and the start of its body.
        case detail
    }

    public var purpose: Purpose
    public var url: ProbeURL
    public var path: PathReport
    /// This host's clock when the probe started, to compare with `Date`.
    public var startedAt: Timestamp

    public init(purpose: Purpose, url: ProbeURL, path: PathReport, startedAt: Timestamp) {
        self.purpose = purpose
        self.url = url
        self.path = path
        self.startedAt = startedAt
    }
}

/// The evidence gathered after a check, beyond what the check itself saw.
public struct Observations: Hashable, Sendable {
    /// Every resolver of the check asked separately.
    public var resolvers: [ResolverObservation]
    /// Probed addresses probed again: other scheme, other port, details.
    public var alternates: [AlternateProbe]
    public var startedAt: Timestamp
    public var duration: Duration
    /// What was still running when the time bound ran out, in words.
    public var unfinished: [String]

    public init(
        resolvers: [ResolverObservation] = [], alternates: [AlternateProbe] = [],
        startedAt: Timestamp, duration: Duration = .zero, unfinished: [String] = []
    ) {
        self.resolvers = resolvers
        self.alternates = alternates
        self.startedAt = startedAt
        self.duration = duration
        self.unfinished = unfinished
    }
}
