/// The location of a field in a scenario document, such as `stations[2].service.rate`.
///
/// Field-path order, the order in which diagnostics are reported, is the order in which the
/// fields appear in the file. Each member component carries its ordinal, the member's index
/// in its object in source order, and paths compare component by component on ordinals and
/// array indices. So a parent precedes its children, and siblings keep source order. A member
/// that is absent from the file (a missing required field) gets an ordinal past every present
/// member of its object, in the order the decoder requested the keys.
public struct FieldPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// One step of a path: an object member or an array element.
    public enum Component: Hashable, Sendable {
        /// An object member named `key`, whose index among its object's members is `ordinal`.
        case member(String, ordinal: Int)
        /// The array element at `index` (0-based).
        case element(Int)

        /// The position of this step among its siblings in source order.
        var sourceOrder: Int {
            switch self {
            case .member(_, let ordinal): return ordinal
            case .element(let index): return index
            }
        }
    }

    public private(set) var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The path of the whole document.
    public static let root = FieldPath()

    public func appending(member key: String, ordinal: Int) -> FieldPath {
        FieldPath(components + [.member(key, ordinal: ordinal)])
    }

    public func appending(element index: Int) -> FieldPath {
        FieldPath(components + [.element(index)])
    }

    /// Compares in source order as the type's summary describes, then by key bytes so that
    /// the order is total.
    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            if left.sourceOrder != right.sourceOrder {
                return left.sourceOrder < right.sourceOrder
            }
            return tieBreakKey(left).lexicographicallyPrecedes(tieBreakKey(right))
        }
        return lhs.components.count < rhs.components.count
    }

    private static func tieBreakKey(_ component: Component) -> [UInt8] {
        switch component {
        case .member(let key, _): return [1] + Array(key.utf8)
        case .element: return [0]
        }
    }

    /// The path in dotted form: `architecture.replicas`, `stations[2].rate`, `limits["a b"]`,
    /// or `(top level)` for the root.
    public var description: String {
        guard !components.isEmpty else { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .element(let index):
                text += "[\(index)]"
            case .member(let key, _) where Self.isPlainKey(key):
                text += text.isEmpty ? key : "." + key
            case .member(let key, _):
                text += "[\"" + key.map { $0 == "\"" ? "\\\"" : String($0) }.joined() + "\"]"
            }
        }
        return text
    }

    /// Checks whether `key` can be written after a dot: ASCII letters, digits, `_` and `-`, not
    /// starting with a digit.
    private static func isPlainKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            JSONCursor.isIdentifierByte(byte) || byte == UInt8(ascii: "-")
        }
    }
}
