import ProbeCore
import Yams

/// Turns probe-file YAML into a `ProbeFile`, walking Yams' node tree so
/// that every error carries the line of the offending node and its key path.
struct ProbeFileReader {
    let file: String

    static let settingKeys = [
        "expect_addresses", "expect_cidrs", "allow_public", "expect_body", "expect_status",
        "dns_servers", "ca_file", "timeout", "retry_for", "retry_interval", "interval",
    ]
    static let targetKeys = ["name", "url"] + settingKeys
    static let topLevelKeys = ["defaults", "targets"]

    /// A key of a mapping with its value.
    private struct Field {
        var name: String
        var value: Node
    }

    func read(_ text: String) throws(ConfigurationError) -> ProbeFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlProblem(error)
        } catch {
            throw ConfigurationError(file: file, "is not valid YAML: \(error)")
        }
        guard let root else {
            throw ConfigurationError(file: file, "is empty; a probe file needs a 'targets' list")
        }
        let fields = try mapping(root, at: nil, known: Self.topLevelKeys)
        var defaults = TargetSettings()
        if let field = fields.first(where: { $0.name == "defaults" }) {
            defaults = try settings(mapping(field.value, at: "defaults", known: Self.settingKeys), at: "defaults")
        }
        guard let targetsField = fields.first(where: { $0.name == "targets" }) else {
            throw ConfigurationError(file: file, line: root.mark?.line, "has no 'targets' list; add at least one target with a 'url'")
        }
        return ProbeFile(defaults: defaults, targets: try targets(targetsField.value))
    }

    private func targets(_ node: Node) throws(ConfigurationError) -> [ProbeFile.Target] {
        guard case .sequence(let entries) = node else {
            throw problem(node, "targets", "expected a list of targets, found \(describe(node))")
        }
        guard !entries.isEmpty else {
            throw problem(node, "targets", "is empty; add at least one target with a 'url'")
        }
        var targets: [ProbeFile.Target] = []
        var firstUse: [String: (path: String, line: Int?)] = [:]
        for (index, entry) in entries.enumerated() {
            let path = "targets[\(index)]"
            let (target, nameField) = try self.target(entry, at: path)
            let name = target.name ?? target.url.host
            if let earlier = firstUse[name] {
                let origin = target.name == nil ? "'\(name)' (the URL's host, used when 'name' is absent)" : "'\(name)'"
                let place = earlier.line.map { "\(earlier.path), line \($0)" } ?? earlier.path
                throw problem(nameField.value, "\(path).\(nameField.name)",
                              "target name \(origin) is already used by \(place); give each target a distinct 'name'")
            }
            firstUse[name] = (path, entry.mark?.line)
            targets.append(target)
        }
        return targets
    }

    /// One entry of `targets`, and the field its name comes from (`name`, else `url`).
    private func target(_ entry: Node, at path: String) throws(ConfigurationError) -> (ProbeFile.Target, nameField: Field) {
        let fields = try mapping(entry, at: path, known: Self.targetKeys)
        guard let urlField = fields.first(where: { $0.name == "url" }) else {
            throw problem(entry, path, "has no 'url'; every target needs one, e.g. url: https://privatelink.example.com/")
        }
        let url = try parse(urlField.value, at: "\(path).url") { text throws(InputError) in try ProbeURL(parsing: text) }
        var name: String?
        let nameField = fields.first { $0.name == "name" }
        if let nameField {
            name = try text(nameField.value, at: "\(path).name")
            guard name?.isEmpty == false else { throw problem(nameField.value, "\(path).name", "is empty") }
        }
        let target = ProbeFile.Target(name: name, url: url, settings: try settings(fields, at: path))
        return (target, nameField ?? urlField)
    }

    private func settings(_ fields: [Field], at path: String) throws(ConfigurationError) -> TargetSettings {
        var settings = TargetSettings()
        for field in fields {
            let key = "\(path).\(field.name)"
            let value = field.value
            switch field.name {
            case "expect_addresses":
                settings.expectAddresses = try list(value, at: key, example: "[\"10.0.1.23\", \"10.0.2.45\"]") { text throws(InputError) in try ValueText.address(text) }
            case "expect_cidrs":
                settings.expectCIDRs = try list(value, at: key, example: "[\"10.0.0.0/16\"]") { text throws(InputError) in try ValueText.cidr(text) }
            case "allow_public":
                settings.allowPublic = try bool(value, at: key)
            case "expect_body":
                settings.expectBody = try text(value, at: key)
            case "expect_status":
                settings.expectStatus = try status(value, at: key)
            case "dns_servers":
                settings.dnsServers = try list(value, at: key, example: "[\"169.254.169.253\"]") { text throws(InputError) in try ResolverAddress(parsing: text) }
            case "ca_file":
                settings.caFile = try caFile(value, at: key)
            case "timeout":
                settings.timeout = try parse(value, at: key) { text throws(InputError) in try Duration(parsing: text) }
            case "retry_for":
                settings.retryFor = try parse(value, at: key) { text throws(InputError) in try Duration(parsing: text) }
            case "retry_interval":
                settings.retryInterval = try parse(value, at: key) { text throws(InputError) in try Duration(parsing: text) }
            case "interval":
                settings.interval = try parse(value, at: key) { text throws(InputError) in try ValueText.interval(text) }
            default:
                break
            }
        }
        return settings
    }

    // MARK: - Nodes

    /// The fields of a mapping, rejecting unknown keys with a suggestion.
    private func mapping(_ node: Node, at path: String?, known: [String]) throws(ConfigurationError) -> [Field] {
        guard case .mapping(let pairs) = node else {
            throw problem(node, path, "expected a mapping of keys to values, found \(describe(node))")
        }
        var fields: [Field] = []
        for (keyNode, value) in pairs {
            guard case .scalar(let scalar) = keyNode else {
                throw problem(keyNode, path, "a key must be plain text, found \(describe(keyNode))")
            }
            let name = scalar.string
            let key = path.map { "\($0).\(name)" } ?? name
            guard known.contains(name) else {
                throw problem(keyNode, key, unknownKeyMessage(name, known: known))
            }
            fields.append(Field(name: name, value: value))
        }
        return fields
    }

    private func unknownKeyMessage(_ name: String, known: [String]) -> String {
        if Self.targetKeys.contains(name) && !known.contains(name) {
            return "'\(name)' belongs in each entry of 'targets', not in 'defaults'"
        }
        let suggestion = KeySuggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? "."
        return "unknown key '\(name)'\(suggestion) Known keys here: \(known.joined(separator: ", "))"
    }

    private func text(_ node: Node, at key: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node else {
            throw problem(node, key, "expected text, found \(describe(node))")
        }
        guard kind(of: node) != .null else {
            throw problem(node, key, "has no value; write a value (quote it: \"\" for empty text)")
        }
        return scalar.string
    }

    private func bool(_ node: Node, at key: String) throws(ConfigurationError) -> Bool {
        guard case .scalar = node, kind(of: node) == .bool, let value = node.bool else {
            throw problem(node, key, "expected true or false, found \(describe(node))")
        }
        return value
    }

    private func parse<Value>(_ node: Node, at key: String, _ parser: (String) throws(InputError) -> Value) throws(ConfigurationError) -> Value {
        try convert(text(node, at: key), node: node, at: key, parser)
    }

    /// `parser` applied to `text`, its complaint placed at `node`.
    private func convert<Value>(
        _ text: String, node: Node, at key: String, _ parser: (String) throws(InputError) -> Value
    ) throws(ConfigurationError) -> Value {
        do {
            return try parser(text)
        } catch {
            throw problem(node, key, error.message)
        }
    }

    private func list<Element>(
        _ node: Node, at key: String, example: String, _ parser: (String) throws(InputError) -> Element
    ) throws(ConfigurationError) -> [Element] {
        guard case .sequence(let items) = node else {
            throw problem(node, key, "expected a list, e.g. \(example), found \(describe(node))")
        }
        var values: [Element] = []
        for (index, item) in items.enumerated() {
            values.append(try parse(item, at: "\(key)[\(index)]", parser))
        }
        return values
    }

    /// A status list as text (`200,204`, `2xx`) or as a YAML list of codes.
    private func status(_ node: Node, at key: String) throws(ConfigurationError) -> StatusExpectation {
        let text: String
        if case .sequence(let items) = node {
            guard !items.isEmpty else { throw problem(node, key, "is an empty list; accept at least one status, e.g. 2xx") }
            var parts: [String] = []
            for (index, item) in items.enumerated() {
                parts.append(try self.text(item, at: "\(key)[\(index)]"))
            }
            text = parts.joined(separator: ",")
        } else {
            text = try self.text(node, at: key)
        }
        return try convert(text, node: node, at: key) { text throws(InputError) in try StatusExpectation(parsing: text) }
    }

    /// A trust-store path, relative to the probe file's directory, that must exist.
    private func caFile(_ node: Node, at key: String) throws(ConfigurationError) -> String {
        let text = try self.text(node, at: key)
        guard !text.isEmpty else { throw problem(node, key, "is empty; name a PEM file of trust anchors") }
        let path = text.hasPrefix("/") ? text : directory + text
        if let reason = FileCheck.readableFileProblem(path) {
            let shown = path == text ? "'\(text)'" : "'\(text)' (\(path), relative to the probe file)"
            throw problem(node, key, "\(shown): \(reason)")
        }
        return path
    }

    /// The probe file's directory with a trailing slash, or "" for the current one.
    private var directory: String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    /// The resolved YAML tag of a node (`Tag.name` itself is not public).
    private func kind(of node: Node) -> Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    // MARK: - Errors

    private func problem(_ node: Node, _ key: String?, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, key: key, message)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return kind(of: node) == .null ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func yamlProblem(_ error: YamlError) -> ConfigurationError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text), which started on line \($0.mark.line))" } ?? ""
            return ConfigurationError(file: file, line: mark.line, "is not valid YAML: \(problem)\(during)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigurationError(file: file, line: context.mark.line, "is not valid YAML: key \(keys) appears more than once in the same mapping")
        default:
            return ConfigurationError(file: file, "is not valid YAML: \(error)")
        }
    }
}
