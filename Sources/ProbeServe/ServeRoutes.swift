import Hummingbird
import ProbeCore
import ProbeEngine
import ProbeReports

/// The HTTP interface of `plprobe serve`.
enum ServeRoutes {
    /// Prometheus' scrape timeout, sent with every scrape.
    static let scrapeTimeoutHeader = "x-prometheus-scrape-timeout-seconds"

    static func router(state: ServeState, engine: ProbeEngine, version: String) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/metrics") { request, _ -> Response in
            let format = ExpositionFormat.negotiated(accept: request.headers[.accept])
            let families = ServeMetrics.families(await state.snapshot(), process: ProcessMetrics.families(), version: version)
            return exposition(families, format)
        }
        router.get("/probe") { request, _ -> Response in
            let query = ProbeQuery(parameters: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
            let scrapeTimeout = request.headers.first { $0.name.canonicalName == scrapeTimeoutHeader }
                .flatMap { Double($0.value) }
                .map { Duration.milliseconds($0 * 1000) }
            let target: ProbeTarget
            do throws(InputError) {
                target = try query.target(in: await state.configuration, scrapeTimeout: scrapeTimeout)
                try engine.preflight([target])
            } catch {
                return plainText(.badRequest, error.message + "\n")
            }
            let report = await engine.probe(target)
            let format = ExpositionFormat.negotiated(accept: request.headers[.accept])
            return exposition(OpenMetricsReport.families([report]), format)
        }
        router.get("/healthz") { _, _ -> Response in
            plainText(.ok, "ok\n")
        }
        router.get("/") { _, _ -> Response in
            plainText(.ok, """
                plprobe \(version): PrivateLink endpoint probes for Prometheus.
                  /metrics                   every scheduled target's latest probe, counters, process metrics
                  /probe?target=NAME|URL     probe one target now and answer with its metrics
                  /healthz                   200 while serving

                """)
        }
        return router
    }

    private static func exposition(_ families: [MetricFamily], _ format: ExpositionFormat) -> Response {
        Response(
            status: .ok, headers: [.contentType: format.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: format.render(families))))
    }

    private static func plainText(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
