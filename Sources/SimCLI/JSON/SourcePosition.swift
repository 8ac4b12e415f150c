/// A place in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode scalars, not bytes, so a column matches what an editor shows for text
/// without tabs or combining marks. A line ends at LF, at CR LF or at a lone CR.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "line \(line), column \(column)" }
}
