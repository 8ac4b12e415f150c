/// The shared sink into which `ObjectReader`s record diagnostics while decoding one file.
///
/// A reference type, so that the readers of nested objects all add to one list and the
/// decoder reports every problem at once instead of stopping at the first.
public final class ScenarioDiagnostics {
    /// The diagnostics in the order they were recorded.
    public private(set) var recorded: [ScenarioDiagnostic] = []

    public init() {}

    public var isEmpty: Bool { recorded.isEmpty }

    public var count: Int { recorded.count }

    public func record(_ diagnostic: ScenarioDiagnostic) {
        recorded.append(diagnostic)
    }

    /// The diagnostics in field-path order (see `FieldPath`), and those on one path in the
    /// order they were recorded.
    public var sorted: [ScenarioDiagnostic] {
        recorded.enumerated()
            .sorted { left, right in
                if left.element.path != right.element.path {
                    return left.element.path < right.element.path
                }
                return left.offset < right.offset
            }
            .map(\.element)
    }

    /// Throws `ScenarioError.invalid` with the sorted diagnostics unless none were recorded.
    public func throwIfAny(file: String) throws {
        guard isEmpty else {
            throw ScenarioError.invalid(file: file, diagnostics: sorted)
        }
    }
}
