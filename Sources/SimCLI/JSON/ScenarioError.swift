/// A scenario file that cannot be used: unreadable, not valid JSON, or not a valid scenario.
public enum ScenarioError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read; `reason` is the problem and the fix, such as
    /// "file not found; check the path".
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON.
    case syntax(file: String, JSONParseError)
    /// The file is valid JSON but some fields are wrong; diagnostics are in field-path order.
    case invalid(file: String, diagnostics: [ScenarioDiagnostic])

    /// One line per problem, such as `s.json:4:12: expected ...` for a syntax error or
    /// `s.json:4: architecture.replicas: -1 is invalid; expected an integer >= 0`.
    public var lines: [String] {
        switch self {
        case .unreadable(let file, let reason):
            return ["\(file): \(reason)"]
        case .syntax(let file, let error):
            return ["\(file):\(error.position.line):\(error.position.column): \(error.message)"]
        case .invalid(let file, let diagnostics):
            return diagnostics.map { $0.rendered(file: file) }
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
