import ProbeCore

/// Resolves names on one event loop: one c-ares channel per resolver
/// configuration, identical names in flight share one query, and positive
/// answers are reused for their TTL.
final class DNSResolver {
    private struct ChannelKey: Hashable {
        var servers: [ResolverAddress]
        var timeout: Duration
    }

    private struct CacheKey: Hashable {
        var name: String
        var channel: ChannelKey
    }

    private struct CachedAnswer {
        var outcome: DNSOutcome
        var expires: UInt64
    }

    private let loop: EventLoop
    private var channels: [ChannelKey: ResolverChannel] = [:]
    private var inFlight: [CacheKey: DNSLookup] = [:]
    private var cache: [CacheKey: CachedAnswer] = [:]

    init(loop: EventLoop) {
        self.loop = loop
    }

    /// The resolver of `loop`, created on first use; call on the loop thread.
    static func on(_ loop: EventLoop) -> DNSResolver {
        if let existing = loop.resolver as? DNSResolver { return existing }
        let created = DNSResolver(loop: loop)
        loop.resolver = created
        return created
    }

    /// Prepares the channel for a configuration, surfacing setup errors early.
    func channel(servers: [ResolverAddress], timeout: Duration) throws(InputError) -> ResolverChannel {
        let key = ChannelKey(servers: servers, timeout: timeout)
        if let existing = channels[key] { return existing }
        let created = try ResolverChannel(loop: loop, servers: servers, timeout: timeout)
        channels[key] = created
        return created
    }

    /// Resolves `name`; `fresh` skips the answer cache, as retries must while
    /// DNS propagates.
    func resolve(_ name: String, servers: [ResolverAddress], timeout: Duration, fresh: Bool, completion: @escaping (DNSOutcome) -> Void) {
        let channelKey = ChannelKey(servers: servers, timeout: timeout)
        let key = CacheKey(name: name, channel: channelKey)
        let now = MonotonicClock.now()
        if !fresh, let cached = cache[key], cached.expires > now {
            completion(cached.outcome)
            return
        }
        if let lookup = inFlight[key] {
            lookup.addWaiter(completion)
            return
        }
        let channel: ResolverChannel
        do {
            channel = try self.channel(servers: servers, timeout: timeout)
        } catch {
            completion(DNSOutcome(answers: [], failure: ProbeFailure(.dnsServFail, error.message), resolvers: servers))
            return
        }
        let lookup = DNSLookup(name: name, resolvers: channel.resolvers, systemConfigured: channel.systemConfigured)
        lookup.addWaiter { [weak self] outcome in
            self?.inFlight[key] = nil
            if outcome.failure == nil, let ttl = outcome.answers.map(\.ttl).min(), ttl > 0 {
                self?.cache[key] = CachedAnswer(outcome: outcome, expires: MonotonicClock.now() + UInt64(ttl) * 1_000_000_000)
            }
        }
        lookup.addWaiter(completion)
        inFlight[key] = lookup
        // Two packets: the A and the AAAA query.
        loop.run(at: loop.dnsPacer?.reserve(count: 2)) { [loop] in
            lookup.setTimer(loop.schedule(at: MonotonicClock.now() + timeout.nanosecondsClamped) { lookup.timeOut(after: timeout) })
            channel.send(lookup)
        }
    }
}
