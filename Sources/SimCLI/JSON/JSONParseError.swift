/// A syntax error in JSON text, located by line and column.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: SourcePosition
    /// The problem, without the position, for example "expected ':' after an object key, found '}'".
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }

    /// The message prefixed by the position: "line 4, column 12: expected ...".
    public var description: String { "\(position): \(message)" }
}
