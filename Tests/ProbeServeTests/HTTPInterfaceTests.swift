@testable import ProbeServe
import ProbeCore
import ProbeReports
import Testing

@Suite("Content negotiation and listen addresses")
struct HTTPInterfaceTests {
    @Test("the exposition format follows the scraper's Accept header", arguments: [
        (nil, ExpositionFormat.prometheusText),
        ("*/*", .prometheusText),
        ("text/plain;version=0.0.4", .prometheusText),
        // Prometheus 2.x's default scrape header.
        ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
         .openMetrics),
        ("application/openmetrics-text", .openMetrics),
        ("application/openmetrics-text; version=0.0.1", .prometheusText),
        ("text/plain;q=0.9, application/openmetrics-text;version=1.0.0;q=0.5", .prometheusText),
        ("application/openmetrics-text;q=0", .prometheusText),
    ] as [(String?, ExpositionFormat)])
    func negotiation(accept: String?, format: ExpositionFormat) {
        #expect(ExpositionFormat.negotiated(accept: accept) == format)
    }

    @Test("listen addresses", arguments: [
        ("127.0.0.1:9469", "127.0.0.1", 9469), ("0.0.0.0:0", "0.0.0.0", 0), ("[::1]:9469", "::1", 9469), ("localhost:80", "localhost", 80),
    ])
    func listen(text: String, host: String, port: Int) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host && address.port == port)
        #expect(address.description == text)
    }

    @Test("bad listen addresses", arguments: ["9469", ":9469", "127.0.0.1:", "127.0.0.1:65536", "::1:9469", "[::1]9469"])
    func badListen(text: String) {
        #expect(throws: InputError.self) { try ListenAddress(parsing: text) }
    }
}
