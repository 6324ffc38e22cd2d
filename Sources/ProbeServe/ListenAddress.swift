public import ProbeCore

/// Where `plprobe serve` listens: `HOST:PORT`, `[IPV6]:PORT`.
public struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws(InputError) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw InputError("listen address '\(text)' is not HOST:PORT; write e.g. 127.0.0.1:9469, 0.0.0.0:9469 or [::1]:9469")
        }
        guard !host.isEmpty else {
            throw InputError("listen address '\(text)' has no host; write 0.0.0.0:\(portText) to listen on every interface")
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw InputError("listen address '\(text)' has port '\(portText)', not a number from 0 to 65535")
        }
        self.init(host: String(host), port: port)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
