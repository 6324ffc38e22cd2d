import Glibc
import ProbeCore

/// Probes one endpoint address: TCP connect, TLS handshake, HTTP exchange.
///
/// Lives on one event loop and is driven by socket readiness and one phase
/// timer; `advance()` runs the current state as far as it can without
/// blocking, and every way out goes through `finish`.
final class PathProbe: EventLoopHandler {
    private enum State {
        case idle
        case connecting
        case handshaking(TLSSession)
        case sending(Transport, offset: Int)
        case receiving(Transport)
        case finished
    }

    private let loop: EventLoop
    private let address: IPAddress
    private let plan: PathPlan
    private let completion: (PathReport) -> Void
    private var state = State.idle
    private var fd: Int32 = -1
    private var interest: IOEvents = []
    private var timer: UInt64?
    private var parser: HTTPResponseParser
    private var report: PathReport
    private var startedAt: UInt64 = 0
    private var phaseStartedAt: UInt64 = 0
    private var requestSentAt: UInt64 = 0
    /// A certificate failure the plan asked to look past; it is still the path's failure.
    private var deferredFailure: ProbeFailure?

    init(loop: EventLoop, address: IPAddress, plan: PathPlan, completion: @escaping (PathReport) -> Void) {
        self.loop = loop
        self.address = address
        self.plan = plan
        self.completion = completion
        self.report = PathReport(address: address)
        self.parser = HTTPResponseParser(expectedBody: plan.expectedBody)
    }

    func start() {
        loop.run(at: loop.connectPacer?.reserve()) { [self] in connect() }
    }

    private func connect() {
        startedAt = MonotonicClock.now()
        switch TCPSocket.connect(to: address, port: plan.url.port) {
        case .failure(let failure):
            finish(failure)
        case .success(let socket):
            fd = socket
            enterPhase(.connecting)
            guard loop.register(fd, events: .writable, handler: self) else {
                finish(ProbeFailure(.tcpUnreachable, "cannot watch the socket for \(address): \(TCPSocket.errorText(errno))", address: address))
                return
            }
            interest = .writable
        }
    }

    func handleEvents(_ events: IOEvents) {
        advance()
    }

    // MARK: Transitions

    private func advance() {
        switch state {
        case .idle, .finished:
            return
        case .connecting:
            connected()
        case .handshaking(let session):
            handshake(session)
        case .sending(let transport, let offset):
            send(transport, from: offset)
        case .receiving(let transport):
            receive(transport)
        }
    }

    private func connected() {
        if let error = TCPSocket.pendingError(fd) {
            finish(TCPSocket.connectFailure(error, address: address, port: plan.url.port))
            return
        }
        report.timings.connect = .between(phaseStartedAt, MonotonicClock.now())
        guard let context = plan.tlsContext else {
            beginRequest(.plain(fd))
            return
        }
        guard let session = TLSSession(context: context, fd: fd, host: plan.url.host) else {
            finish(ProbeFailure(.tlsHandshake, "OpenSSL could not create a session: \(OpenSSLError.drain().map(\.description).joined(separator: "; "))", address: address))
            return
        }
        enterPhase(.handshaking(session))
        handshake(session)
    }

    private func handshake(_ session: TLSSession) {
        switch session.handshake() {
        case .wantRead: watch(.readable)
        case .wantWrite: watch(.writable)
        case .done:
            report.timings.tls = .between(phaseStartedAt, MonotonicClock.now())
            var tls = session.report()
            if plan.detail.contains(.certificateChain) { tls.chain = session.presentedChain() }
            report.tls = tls
            let failure = TLSVerification.failure(result: session.verifyResult, host: plan.url.host, address: address, certificate: tls.certificate)
            if let failure, !plan.requestsDespite(failure) {
                finish(failure)
            } else {
                deferredFailure = failure
                beginRequest(.tls(session))
            }
        case .closed:
            finish(ProbeFailure(.tlsHandshake, "\(endpoint) closed the connection during the TLS handshake", address: address))
        case .failed(let errors, let error):
            finish(handshakeFailure(errors, errno: error))
        }
    }

    private func beginRequest(_ transport: Transport) {
        enterPhase(.sending(transport, offset: 0))
        report.http = HTTPReport()
        send(transport, from: 0)
    }

    private func send(_ transport: Transport, from offset: Int) {
        var offset = offset
        while offset < plan.request.count {
            let progress = plan.request.withUnsafeBytes { transport.write(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            switch progress {
            case .done(let count):
                offset += count
            case .wantRead:
                state = .sending(transport, offset: offset)
                return watch(.readable)
            case .wantWrite:
                state = .sending(transport, offset: offset)
                return watch(.writable)
            case .closed:
                return finish(ProbeFailure(.httpMalformed, "\(endpoint) closed the connection before the request was sent", address: address))
            case .failed(let errors, let error):
                return finish(streamFailure(errors, errno: error, doing: "sending the request"))
            }
        }
        requestSentAt = MonotonicClock.now()
        state = .receiving(transport)
        receive(transport)
    }

    private func receive(_ transport: Transport) {
        let buffer = loop.readBuffer
        // Bounded so that one fast endless stream cannot starve the loop;
        // the socket stays readable and brings us back.
        for _ in 0..<64 {
            switch transport.read(into: buffer) {
            case .done(let count):
                if report.timings.timeToFirstByte == nil {
                    report.timings.timeToFirstByte = .between(requestSentAt, MonotonicClock.now())
                }
                do {
                    if try parser.parse(UnsafeRawBufferPointer(rebasing: buffer[..<count])) { return complete() }
                } catch {
                    return finish(malformed(error))
                }
            case .wantRead:
                return watch(.readable)
            case .wantWrite:
                return watch(.writable)
            case .closed:
                do {
                    try parser.parseEndOfStream()
                    return complete()
                } catch {
                    return finish(malformed(error))
                }
            case .failed(let errors, let error):
                if report.timings.timeToFirstByte == nil, let alert = errors.first(where: \.isPeerAlert) {
                    return finish(ProbeFailure(.tlsHandshake, "\(endpoint) sent TLS alert '\(alert)' instead of a response", address: address))
                }
                return finish(streamFailure(errors, errno: error, doing: "reading the response"))
            }
        }
        watch(.readable)
    }

    private func complete() {
        guard let head = parser.head else {
            return finish(ProbeFailure(.httpMalformed, "\(endpoint) sent no response head", address: address))
        }
        var http = HTTPReport(status: head.status, bodyBytes: parser.bodyByteCount, server: head.value(of: "Server"))
        if plan.detail.contains(.responseDetail) {
            http.date = head.value(of: "Date").flatMap(HTTPDate.parse)
            http.bodyPreview = parser.bodyPreview
        }
        let failure = responseFailure(head, &http)
        report.http = http
        finish(failure)
    }

    /// Checks status and body against the expectations, noting the body match.
    private func responseFailure(_ head: HTTPResponseHead, _ http: inout HTTPReport) -> ProbeFailure? {
        guard plan.expectations.status.accepts(head.status) else {
            let reason = head.reason.isEmpty ? "" : " \(head.reason)"
            return ProbeFailure(.httpStatus, "\(endpoint) answered \(head.status)\(reason), expected \(plan.expectations.status)", address: address)
        }
        guard !plan.expectedBody.isEmpty else { return nil }
        let matched = parser.bodyContainsExpected
        http.bodyMatched = matched
        guard !matched else { return nil }
        return ProbeFailure(
            .httpBodyMismatch,
            "body from \(endpoint) (\(parser.bodyByteCount) bytes) does not contain \"\(plan.expectations.body)\"; it starts \(parser.bodyPreview)",
            address: address)
    }

    // MARK: Phases, timers, the end

    private var endpoint: String { "\(address.uriText):\(plan.url.port)" }

    private func enterPhase(_ next: State) {
        state = next
        phaseStartedAt = MonotonicClock.now()
        if let timer { loop.cancelTimer(timer) }
        timer = loop.schedule(at: phaseStartedAt + plan.timeout) { [weak self] in
            self?.timer = nil
            self?.timedOut()
        }
    }

    private func timedOut() {
        let limit = plan.timeoutText
        switch state {
        case .connecting:
            finish(ProbeFailure(.tcpTimeout, "no answer to the TCP handshake with \(endpoint) within \(limit)", address: address))
        case .handshaking:
            finish(ProbeFailure(.tlsTimeout, "TLS handshake with \(endpoint) did not finish within \(limit)", address: address))
        case .sending, .receiving:
            let seen = report.timings.timeToFirstByte == nil ? "no response byte" : "an incomplete response (\(parser.bodyByteCount) body bytes)"
            finish(ProbeFailure(.httpTimeout, "no complete response from \(endpoint) within \(limit): \(seen)", address: address))
        case .idle, .finished:
            return
        }
    }

    private func watch(_ events: IOEvents) {
        guard events != interest else { return }
        interest = events
        loop.modify(fd, events: events)
    }

    private func finish(_ failure: ProbeFailure?) {
        if case .finished = state { return }
        state = .finished
        if let timer { loop.cancelTimer(timer) }
        timer = nil
        if fd >= 0 {
            loop.unregister(fd)
            close(fd)
            fd = -1
        }
        report.failure = deferredFailure ?? failure
        report.timings.total = .between(startedAt, MonotonicClock.now())
        completion(report)
    }

    // MARK: Failure classification

    private func handshakeFailure(_ errors: [OpenSSLError], errno error: Int32) -> ProbeFailure {
        let reasons = errors.map(\.description).joined(separator: "; ")
        if errors.contains(where: \.isProtocolMismatch) {
            return ProbeFailure(.tlsProtocol, "\(endpoint) does not speak TLS 1.2 or later: \(reasons)", address: address)
        }
        if let alert = errors.first(where: \.isPeerAlert) {
            return ProbeFailure(.tlsHandshake, "TLS handshake with \(endpoint) failed: peer sent alert '\(alert)'", address: address)
        }
        if errors.isEmpty {
            return ProbeFailure(.tlsHandshake, "TLS handshake with \(endpoint) failed: \(TCPSocket.errorText(error))", address: address)
        }
        return ProbeFailure(.tlsHandshake, "TLS handshake with \(endpoint) failed: \(reasons)", address: address)
    }

    /// A response the parser rejected; the status is kept when the head was read.
    private func malformed(_ error: HTTPResponseError) -> ProbeFailure {
        if let head = parser.head {
            report.http = HTTPReport(status: head.status, bodyBytes: parser.bodyByteCount, server: head.value(of: "Server"))
        }
        return ProbeFailure(.httpMalformed, "\(endpoint): \(error)", address: address)
    }

    private func streamFailure(_ errors: [OpenSSLError], errno error: Int32, doing activity: String) -> ProbeFailure {
        let reason = errors.isEmpty ? TCPSocket.errorText(error) : errors.map(\.description).joined(separator: "; ")
        return ProbeFailure(.httpMalformed, "connection to \(endpoint) failed while \(activity): \(reason)", address: address)
    }
}
