import Testing
import ProbeCore

@Suite("Probe URLs")
struct ProbeURLTests {
    @Test("parses what users type", arguments: [
        ("privatelink.test.cloud5.jp", "https://privatelink.test.cloud5.jp/", 443),
        ("https://privatelink.test.cloud5.jp/", "https://privatelink.test.cloud5.jp/", 443),
        ("HTTPS://PrivateLink.Test.Cloud5.JP:8443/health?x=1", "https://privatelink.test.cloud5.jp:8443/health?x=1", 8443),
        ("http://10.0.1.23", "http://10.0.1.23/", 80),
        ("http://10.0.1.23:80/", "http://10.0.1.23/", 80),
        ("https://[fd00::1]:8443/a", "https://[fd00::1]:8443/a", 8443),
        ("host.example:444", "https://host.example:444/", 444),
        ("https://host.example/#frag", "https://host.example/", 443),
    ])
    func parses(text: String, expected: String, port: Int) throws {
        let url = try ProbeURL(parsing: text)
        #expect(url.description == expected)
        #expect(url.port == port)
    }

    @Test("rejects bad URLs with a message naming the text", arguments: [
        ("ftp://host/", "scheme 'ftp'"),
        ("https://", "no host"),
        ("https://host:0/", "port '0'"),
        ("https://host:99999/", "port '99999'"),
        ("https://host:abc/", "port 'abc'"),
        ("https://bad host/", "not a valid DNS name"),
        ("https://-bad.example/", "not a valid DNS name"),
        ("https://user:pw@host/", "user information"),
        ("https://[fd00::1/", "unclosed"),
        ("https://[not-v6]/", "not an IPv6 address"),
        ("https://host/a b", "spaces"),
    ])
    func rejects(text: String, fragment: String) {
        #expect {
            try ProbeURL(parsing: text)
        } throws: { error in
            let message = (error as? InputError)?.message ?? ""
            return message.contains(fragment) && message.contains(text)
        }
    }

    @Test("Host header carries the port only when it is not the default")
    func hostHeader() throws {
        #expect(try ProbeURL(parsing: "https://a.example/").hostHeader == "a.example")
        #expect(try ProbeURL(parsing: "https://a.example:8443/").hostHeader == "a.example:8443")
        #expect(try ProbeURL(parsing: "http://[::1]:8080/").hostHeader == "[::1]:8080")
    }
}
