/// A trace file that cannot be replayed, located by file and, when known, line.
///
/// Rendered as `traces/x.csv:17: ContextTokens: 'abc' is invalid; expected a non-negative integer`.
public struct TraceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the scenario names it.
    public var file: String
    /// The 1-based line of the problem, or nil for a problem with the whole file.
    public var line: Int?
    /// The problem and the expected input, without the location.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line): \(message)"
    }
}
