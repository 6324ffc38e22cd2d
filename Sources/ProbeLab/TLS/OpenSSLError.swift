internal import CPLProbeOpenSSL

/// Drains this thread's OpenSSL error queue into one line, keeping the
/// library's reasons (e.g. `error:0A0000C1:SSL routines::no shared cipher`).
func openSSLErrorText() -> String {
    var reasons: [String] = []
    var buffer = [CChar](repeating: 0, count: 256)
    while case let code = ERR_get_error(), code != 0 {
        ERR_error_string_n(code, &buffer, buffer.count)
        reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return reasons.isEmpty ? "no reason given" : reasons.joined(separator: "; ")
}

/// A `LabError` for a failed OpenSSL call during setup.
func openSSLFailure(_ step: String) -> LabError {
    LabError("\(step): \(openSSLErrorText())", hint: "the OpenSSL library (libssl3) may be too old or built without EC support; plprobe needs OpenSSL 3")
}
