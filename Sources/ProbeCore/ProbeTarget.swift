/// What the answers, the status and the body must look like for a target to pass.
public struct Expectations: Hashable, Sendable {
    /// The endpoint's network-interface addresses; when not empty, the set of
    /// answers must equal it.
    public var addresses: [IPAddress]
    /// When not empty, every answer must lie in one of these ranges.
    public var cidrs: [CIDR]
    /// Accept answers outside the private ranges.
    public var allowPublic: Bool
    /// Text the body must contain; empty checks nothing.
    public var body: String
    public var status: StatusExpectation

    public init(
        addresses: [IPAddress] = [],
        cidrs: [CIDR] = [],
        allowPublic: Bool = false,
        body: String = "This is test server",
        status: StatusExpectation = .success
    ) {
        self.addresses = addresses
        self.cidrs = cidrs
        self.allowPublic = allowPublic
        self.body = body
        self.status = status
    }
}

/// One endpoint to verify, with everything needed to probe it on its own.
public struct ProbeTarget: Hashable, Sendable {
    /// The name reports use; defaults to the URL's host.
    public var name: String
    public var url: ProbeURL
    public var expectations: Expectations
    /// Resolvers to ask; empty means the system configuration.
    public var dnsServers: [ResolverAddress]
    /// PEM trust anchors; `nil` means the system trust store.
    public var caFile: String?
    /// The limit for each phase of one attempt.
    public var timeout: Duration
    /// How long a failing target is retried.
    public var retryFor: Duration
    /// The first pause between attempts, grown by jittered backoff.
    public var retryInterval: Duration

    public init(
        name: String? = nil,
        url: ProbeURL,
        expectations: Expectations = Expectations(),
        dnsServers: [ResolverAddress] = [],
        caFile: String? = nil,
        timeout: Duration = .seconds(5),
        retryFor: Duration = .zero,
        retryInterval: Duration = .seconds(2)
    ) {
        self.name = name ?? url.host
        self.url = url
        self.expectations = expectations
        self.dnsServers = dnsServers
        self.caFile = caFile
        self.timeout = timeout
        self.retryFor = retryFor
        self.retryInterval = retryInterval
    }
}
