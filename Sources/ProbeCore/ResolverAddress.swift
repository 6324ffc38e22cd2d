/// A DNS resolver to ask: `ADDR`, `ADDR:PORT` or `[V6]:PORT`.
public struct ResolverAddress: Hashable, Sendable, CustomStringConvertible {
    public var address: IPAddress
    public var port: Int

    public init(address: IPAddress, port: Int = 53) {
        self.address = address
        self.port = port
    }

    public init(parsing text: String) throws(InputError) {
        let failure = InputError("resolver '\(text)' is not ADDR, ADDR:PORT or [IPV6]:PORT with a port from 1 to 65535")
        var hostText = Substring(text)
        var portText: Substring?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostText = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw failure }
                portText = after.dropFirst()
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let address = IPAddress(String(hostText)) else { throw failure }
        var port = 53
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw failure }
            port = value
        }
        self.init(address: address, port: port)
    }

    public var description: String {
        port == 53 ? address.description : "\(address.uriText):\(port)"
    }
}
