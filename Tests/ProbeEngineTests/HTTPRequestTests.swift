import ProbeEngine
import Testing

@Suite("HTTPRequest")
struct HTTPRequestTests {
    @Test("GET asks for the path on the named host and for the connection to close")
    func getRequest() {
        let request = HTTPRequest.get(path: "/health?full=1", hostHeader: "privatelink.test.cloud5.jp:8443", userAgent: "plprobe/1.0")
        let expected = "GET /health?full=1 HTTP/1.1\r\nHost: privatelink.test.cloud5.jp:8443\r\nUser-Agent: plprobe/1.0\r\n"
            + "Accept: */*\r\nConnection: close\r\n\r\n"
        #expect(String(decoding: request, as: UTF8.self) == expected)
    }
}
