/// A probe file that cannot be used, with where the problem is, so the
/// message reads `probes/x.yaml:7: targets[1].timeout: ...` like a compiler's.
struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    var file: String
    /// 1-based; `nil` when the problem concerns the whole file.
    var line: Int?
    /// The key path, e.g. `targets[1].timeout`; `nil` when no key is involved.
    var key: String?
    var message: String

    init(file: String, line: Int? = nil, key: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}
