import Glibc
internal import CPLProbeOpenSSL

/// One accepted connection: handshake, request head, response, close.
///
/// OpenSSL works on memory BIOs and this type moves the bytes, so a send to
/// a client that went away fails with EPIPE instead of raising SIGPIPE, and
/// the socket stays non-blocking throughout.
final class LabConnection {
    let fd: Int32
    /// When the connection is closed unless the client sends more, so a
    /// stuck client cannot hold a slot for long.
    private(set) var idleDeadline: ContinuousClock.Instant
    private(set) var isClosed = false

    private let session: OpaquePointer
    /// Bytes from the client, read by OpenSSL.
    private let networkInput: OpaquePointer
    /// Bytes written by OpenSSL, to send to the client.
    private let networkOutput: OpaquePointer
    private let responder: HTTPResponder
    private let idleTimeout: Duration
    private var state = State.handshaking
    private var request: [UInt8] = []
    private var unsent: [UInt8] = []
    private var unsentOffset = 0
    private var clientFinished = false
    private var outputShut = false

    private enum State {
        case handshaking
        case readingRequest
        /// The response and close_notify are queued; waiting for the client
        /// to close, so closing first cannot reset a response it still reads.
        case draining
    }

    private enum Input {
        case open, endOfStream, failed
    }

    /// Takes ownership of `fd`; `nil` (with `fd` closed) when OpenSSL cannot
    /// make a session.
    init?(fd: Int32, context: TLSServerContext, responder: HTTPResponder, idleTimeout: Duration) {
        guard let session = SSL_new(context.pointer),
              let input = BIO_new(BIO_s_mem()), let output = BIO_new(BIO_s_mem()) else {
            ERR_clear_error()
            Glibc.close(fd)
            return nil
        }
        SSL_set_bio(session, input, output)
        SSL_set_accept_state(session)
        self.fd = fd
        self.idleTimeout = idleTimeout
        idleDeadline = .now + idleTimeout
        self.session = session
        networkInput = input
        networkOutput = output
        self.responder = responder
    }

    deinit { close() }

    var wantsToWrite: Bool { unsentOffset < unsent.count }

    /// Frees the session and closes the socket; safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        SSL_free(session)
        Glibc.close(fd)
    }

    /// Moves the connection forward after poll reported its socket; `false`
    /// when it is finished and should be closed.
    func handleEvents(scratch: inout [UInt8]) -> Bool {
        guard flush() else { return false }
        let input = receive(scratch: &scratch)
        if input == .failed { return false }
        if input == .endOfStream { clientFinished = true }
        let healthy = state == .draining || advance(scratch: &scratch)
        guard flush(), healthy else { return false }
        return state == .draining ? !(clientFinished && !wantsToWrite) : !clientFinished
    }

    /// Reads what the socket holds into OpenSSL's input, or discards it once
    /// the response is out. Bounded per call; poll reports the rest.
    private func receive(scratch: inout [UInt8]) -> Input {
        for _ in 0..<8 {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count == 0 { return .endOfStream }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .open : .failed }
            idleDeadline = .now + idleTimeout
            if state != .draining {
                _ = BIO_write(networkInput, scratch, Int32(count))
            }
        }
        return .open
    }

    /// Runs the handshake and reads the request; `false` on a TLS failure
    /// (any alert is already queued for sending).
    private func advance(scratch: inout [UInt8]) -> Bool {
        if state == .handshaking {
            ERR_clear_error()
            let result = SSL_do_handshake(session)
            guard result == 1 else { return SSL_get_error(session, result) == SSL_ERROR_WANT_READ }
            state = .readingRequest
        }
        while state == .readingRequest {
            ERR_clear_error()
            let count = SSL_read(session, &scratch, Int32(scratch.count))
            guard count > 0 else { return SSL_get_error(session, count) == SSL_ERROR_WANT_READ }
            request += scratch[..<Int(count)]
            if let response = responder.response(to: request) {
                respond(response)
            }
        }
        return true
    }

    private func respond(_ response: [UInt8]) {
        ERR_clear_error()
        // A memory BIO takes the whole record; nothing can be partial here.
        _ = SSL_write(session, response, Int32(response.count))
        _ = SSL_shutdown(session)
        ERR_clear_error()
        request = []
        state = .draining
    }

    /// Sends what OpenSSL produced; `false` when the socket failed. Once the
    /// response is out, the write side is shut so the client sees its end.
    private func flush() -> Bool {
        while CPLProbeOpenSSL_BIO_pending(networkOutput) > 0 {
            if unsentOffset == unsent.count {
                unsent.removeAll(keepingCapacity: true)
                unsentOffset = 0
            }
            var chunk = [UInt8](repeating: 0, count: CPLProbeOpenSSL_BIO_pending(networkOutput))
            let count = BIO_read(networkOutput, &chunk, Int32(chunk.count))
            guard count > 0 else { break }
            unsent += chunk[..<Int(count)]
        }
        while wantsToWrite {
            let sent = unsent[unsentOffset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK
            }
            unsentOffset += sent
        }
        if state == .draining, !outputShut {
            outputShut = true
            _ = shutdown(fd, Int32(SHUT_WR))
        }
        return true
    }
}
