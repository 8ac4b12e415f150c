/// A field of a trace row that cannot be read: its reason follows the quoted value in a message.
public struct TraceValueError: Error, Hashable, Sendable {
    /// The problem, for example "has month 13; expected 01 to 12" or "is invalid; expected a
    /// non-negative integer".
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
