import Glibc

/// What a non-blocking read, write or handshake step needs before it can go on.
enum IOProgress {
    case done(Int)
    case wantRead
    case wantWrite
    /// The peer closed the stream (a TLS peer may skip close_notify; that is tolerated).
    case closed
    case failed([OpenSSLError], errno: Int32)
}

/// The byte stream of one path: the socket itself, or TLS over it.
enum Transport {
    case plain(Int32)
    case tls(TLSSession)

    func write(_ bytes: UnsafeRawBufferPointer) -> IOProgress {
        switch self {
        case .tls(let session):
            return session.write(bytes)
        case .plain(let fd):
            let written = Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            return written >= 0 ? .done(written) : Self.progress(errno: errno, wantOnRetry: .wantWrite)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOProgress {
        switch self {
        case .tls(let session):
            return session.read(into: buffer)
        case .plain(let fd):
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 { return .done(count) }
            return count == 0 ? .closed : Self.progress(errno: errno, wantOnRetry: .wantRead)
        }
    }

    private static func progress(errno error: Int32, wantOnRetry: IOProgress) -> IOProgress {
        error == EAGAIN || error == EWOULDBLOCK || error == EINTR ? wantOnRetry : .failed([], errno: error)
    }
}
