import ProbeCore
public import ProbeReports

/// The diagnosis for automation (`--report json`): the check's JSON report,
/// field for field, with a `diagnosis` object and the `observations` it was
/// reasoned from added next to them.
public enum DiagnosisJSONReport {
    public static func render(_ diagnosis: Diagnosis, evidence: Evidence, run: RunInfo) -> String {
        guard case .object(var members) = JSONReport.document([evidence.report], run: run) else {
            preconditionFailure("the check report is a JSON object")
        }
        members.append(("diagnosis", document(diagnosis)))
        members.append(("observations", observations(evidence.observations)))
        return JSONValue.object(members).serialized + "\n"
    }

    static func document(_ diagnosis: Diagnosis) -> JSONValue {
        .object([
            ("cause", .string(diagnosis.cause.rawValue)),
            ("confidence", .string(diagnosis.confidence.rawValue)),
            ("summary", .string(diagnosis.summary)),
            ("evidence", .array(diagnosis.evidence.map(JSONValue.string))),
            ("ruled_out", .array(diagnosis.ruledOut.map { ruled in
                .object([("cause", .string(ruled.cause.rawValue)), ("reason", .string(ruled.reason))])
            })),
            ("next_steps", .array(diagnosis.nextSteps.map(JSONValue.string))),
            ("also_seen", .array(diagnosis.alsoSeen.map { .string($0.rawValue) })),
        ])
    }

    private static func observations(_ observations: Observations) -> JSONValue {
        .object([
            ("resolvers", .array(observations.resolvers.map(resolver))),
            ("alternates", .array(observations.alternates.map(alternate))),
            ("started_at", .string(observations.startedAt.rfc3339)),
            ("duration_ms", .milliseconds(observations.duration)),
            ("unfinished", .array(observations.unfinished.map(JSONValue.string))),
        ])
    }

    private static func resolver(_ observation: ResolverObservation) -> JSONValue {
        .object([
            ("resolver", .string(observation.resolver.description)),
            ("answers", .array(observation.answers.map { answer in
                .object([("address", .string(answer.address.description)), ("ttl", .int(answer.ttl))])
            })),
            ("failure", .optional(observation.failure, failure)),
            ("negative_caching", .optional(observation.negativeCaching) { caching in
                .object([
                    ("zone", .string(caching.zone)),
                    ("soa_ttl", .int(caching.soaTTL)),
                    ("minimum", .int(caching.minimum)),
                    ("seconds", .int(caching.seconds)),
                    ("retry_after", .string(Timestamp(secondsSince1970: observation.askedAt.secondsSince1970 + Double(caching.seconds)).rfc3339)),
                ])
            }),
            ("asked_at", .string(observation.askedAt.rfc3339)),
            ("duration_ms", .milliseconds(observation.duration)),
        ])
    }

    private static func alternate(_ probe: AlternateProbe) -> JSONValue {
        let path = probe.path
        return .object([
            ("purpose", .string(probe.purpose.rawValue)),
            ("url", .string(probe.url.description)),
            ("address", .string(path.address.description)),
            ("verdict", .string(path.verdict.rawValue)),
            ("failure", .optional(path.failure, failure)),
            ("started_at", .string(probe.startedAt.rfc3339)),
            ("tls", .optional(path.tls) { tls in
                .object([
                    ("version", .string(tls.version)),
                    ("chain", .array(tls.chain.map(certificate))),
                ])
            }),
            ("http", .optional(path.http) { http in
                .object([
                    ("status", .optional(http.status, JSONValue.int)),
                    ("server", .optional(http.server, JSONValue.string)),
                    ("date", .optional(http.date) { .string($0.rfc3339) }),
                    ("body_preview", .optional(http.bodyPreview, JSONValue.string)),
                ])
            }),
        ])
    }

    private static func failure(_ failure: ProbeFailure) -> JSONValue {
        .object([("code", .string(failure.code.rawValue)), ("message", .string(failure.message))])
    }

    private static func certificate(_ certificate: CertificateInfo) -> JSONValue {
        .object([
            ("subject", .string(certificate.subject)),
            ("issuer", .string(certificate.issuer)),
            ("sans", .array(certificate.subjectAlternativeNames.map(JSONValue.string))),
            ("not_before", .optional(certificate.notBefore) { .string($0.rfc3339) }),
            ("not_after", .optional(certificate.notAfter) { .string($0.rfc3339) }),
        ])
    }
}
