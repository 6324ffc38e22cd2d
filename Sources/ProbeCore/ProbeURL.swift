/// The URL of a probe target: scheme, host, port and path.
///
/// A bare `HOST` means `https://HOST/`, because browsers quietly turning a
/// bare name into `http://` is a classic cause of "it does not work".
public struct ProbeURL: Hashable, Sendable, CustomStringConvertible {
    public enum Scheme: String, Sendable {
        case https, http

        public var defaultPort: Int { self == .https ? 443 : 80 }
    }

    public var scheme: Scheme
    /// A DNS name (lowercased) or an IP address literal, without brackets.
    public var host: String
    public var port: Int
    /// The request target, starting with `/`.
    public var path: String

    public init(scheme: Scheme, host: String, port: Int? = nil, path: String = "/") {
        self.scheme = scheme
        self.host = host
        self.port = port ?? scheme.defaultPort
        self.path = path
    }

    public init(parsing text: String) throws(InputError) {
        var rest = Substring(text)
        var scheme = Scheme.https
        if let separator = Self.schemeSeparator(in: rest) {
            let name = rest[..<separator.lowerBound].lowercased()
            guard let known = Scheme(rawValue: name) else {
                throw InputError("URL '\(text)' has scheme '\(name)'; plprobe probes https:// and http:// only")
            }
            scheme = known
            rest = rest[separator.upperBound...]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if let fragment = path.firstIndex(of: "#") { path = String(path[..<fragment]) }
        if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
        guard !authority.contains("@") else {
            throw InputError("URL '\(text)' carries user information; plprobe sends no credentials")
        }
        let (host, port) = try Self.splitAuthority(authority, in: text)
        guard path.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "\0" }) else {
            throw InputError("URL '\(text)' has spaces or non-ASCII characters in its path; percent-encode them")
        }
        self.init(scheme: scheme, host: host, port: port, path: path)
    }

    private static func schemeSeparator(in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let end = text.index(colon, offsetBy: 3, limitedBy: text.endIndex) ?? text.endIndex
            if text[colon..<end] == "://" { return colon..<end }
            index = text.index(after: colon)
        }
        return nil
    }

    private static func splitAuthority(_ authority: Substring, in text: String) throws(InputError) -> (String, Int?) {
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw InputError("URL '\(text)' has an unclosed '[' in its host")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw InputError("URL '\(text)' has text after ']' that is not a port") }
                portPart = after.dropFirst()
            }
            guard case .v6 = IPAddress(String(hostPart)) else {
                throw InputError("URL '\(text)' has '[\(hostPart)]', which is not an IPv6 address")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        let host = hostPart.lowercased()
        guard !host.isEmpty else { throw InputError("URL '\(text)' has no host") }
        if !authority.hasPrefix("[") && IPAddress(host) == nil {
            try validateHostName(host, in: text)
        }
        guard let portPart else { return (host, nil) }
        guard let port = Int(portPart), portPart.allSatisfy(\.isASCII), (1...65535).contains(port) else {
            throw InputError("URL '\(text)' has port '\(portPart)'; a port is a number from 1 to 65535")
        }
        return (host, port)
    }

    private static func validateHostName(_ host: String, in text: String) throws(InputError) {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = name.utf8.count <= 253 && labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }
        guard valid else {
            throw InputError("URL '\(text)' has host '\(host)', which is not a valid DNS name or IP address")
        }
    }

    /// The host as an address when the URL names one directly (no DNS).
    public var hostAddress: IPAddress? { IPAddress(host) }

    /// The value of the `Host` header: the port only when it is not the default.
    public var hostHeader: String {
        let shown = hostAddress?.uriText ?? host
        return port == scheme.defaultPort ? shown : "\(shown):\(port)"
    }

    public var description: String {
        "\(scheme.rawValue)://\(hostHeader)\(path)"
    }
}
