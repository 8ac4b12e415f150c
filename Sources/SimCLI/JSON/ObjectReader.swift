/// A decoding helper for one JSON object at a field path.
///
/// Accessors record diagnostics (missing field, wrong type, float where an integer belongs,
/// out of range) into a shared `ScenarioDiagnostics` instead of throwing, so one pass reports
/// every problem. Each key requested becomes known. `finish()` then reports every member whose
/// key is not known, with the nearest known key as a suggestion.
///
///     let replicas = architecture.int("replicas", default: 1, range: .atLeast(0))
///     let stations = root.objects("stations") { station in Station(reader: station) }
///     architecture.finish()
public final class ObjectReader {
    public let path: FieldPath
    /// The position of the object's `{`.
    public let position: SourcePosition
    /// The object's members in source order.
    public let members: [JSONMember]
    public let diagnostics: ScenarioDiagnostics

    /// Keys requested so far, in request order, for suggestions and absent-key ordinals.
    public private(set) var knownKeys: [String] = []
    private var isFinished = false

    /// Wraps `value`, or records a diagnostic and returns nil when it is not an object.
    public init?(_ value: JSONValue, path: FieldPath = .root, diagnostics: ScenarioDiagnostics) {
        guard let members = value.objectMembers else {
            diagnostics.record(.invalid(value, at: path, expected: "an object"))
            return nil
        }
        self.path = path
        self.position = value.position
        self.members = members
        self.diagnostics = diagnostics
    }

    /// Marks `keys` as known without reading them, for fields handled elsewhere.
    public func markKnown(_ keys: String...) {
        for key in keys {
            markKnown(key)
        }
    }

    private func markKnown(_ key: String) {
        if !knownKeys.contains(key) {
            knownKeys.append(key)
        }
    }

    /// Returns the path of the member `key`, whose ordinal places it in source order, or after every
    /// present member in request order when it is absent.
    public func childPath(_ key: String) -> FieldPath {
        if let index = members.firstIndex(where: { $0.key == key }) {
            return path.appending(member: key, ordinal: index)
        }
        let requestIndex = knownKeys.firstIndex(of: key) ?? knownKeys.count
        return path.appending(member: key, ordinal: members.count + requestIndex)
    }

    /// Returns the member's value, or nil without a diagnostic when it is absent.
    public func value(_ key: String) -> JSONValue? {
        markKnown(key)
        return members.first { $0.key == key }?.value
    }

    /// Returns a reader of the member's value, or nil without a diagnostic when it is absent.
    public func field(_ key: String) -> ValueReader? {
        value(key).map { ValueReader($0, path: childPath(key), diagnostics: diagnostics) }
    }

    /// Returns the member's value, or nil with a "missing field" diagnostic that names `expected`.
    public func required(_ key: String, expected: String = "a value") -> JSONValue? {
        requiredField(key, expected: expected)?.value
    }

    /// Returns a reader of the member's value, or nil with a "missing field" diagnostic.
    public func requiredField(_ key: String, expected: String) -> ValueReader? {
        if let field = field(key) {
            return field
        }
        diagnostics.record(.missing(at: childPath(key), objectPosition: position, expected: expected))
        return nil
    }

    /// Reports each member whose key was never requested. Later calls do nothing.
    public func finish() {
        guard !isFinished else { return }
        isFinished = true
        for (ordinal, member) in members.enumerated() where !knownKeys.contains(member.key) {
            let suggestion = EditDistance.nearest(to: member.key, in: knownKeys)
            diagnostics.record(.unknownField(member, at: path.appending(member: member.key, ordinal: ordinal),
                                             suggestion: suggestion, knownKeys: knownKeys))
        }
    }
}
