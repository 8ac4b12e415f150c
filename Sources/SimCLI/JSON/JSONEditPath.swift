/// The path of a field to edit in a JSON document, written `architecture.replicas.count` or
/// `stations[0].service.rate`: keys separated by dots, each optionally followed by `[INDEX]`.
///
/// A key may hold ASCII letters, digits, `_` and `-`; keys with other characters cannot be
/// written in this syntax.
public struct JSONEditPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of the path: an object member or an array element.
    public enum Component: Hashable, Sendable {
        case member(String)
        /// A 0-based array index.
        case element(Int)
    }

    public var components: [Component]
    /// The path as written.
    public var description: String

    /// Parses `text`, or throws a `UsageError` naming the text and the expected syntax.
    public init(parsing text: String) throws {
        var components: [Component] = []
        let syntax = "expected keys separated by dots, each optionally followed by [INDEX], such as stations[0].servers"
        guard !text.isEmpty else { throw UsageError("the field path is empty; \(syntax)") }

        for segment in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(segment)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            guard !key.isEmpty, key.utf8.allSatisfy(Self.isKeyByte) else {
                throw UsageError("field path '\(text)' is invalid: '\(segment)' is not a key; \(syntax)")
            }
            components.append(.member(String(key)))
            rest = rest[keyEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else {
                    throw UsageError("field path '\(text)' is invalid: '\(rest)' is not an index such as [0]; \(syntax)")
                }
                components.append(.element(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        self.components = components
        self.description = text
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
