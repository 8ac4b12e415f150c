/// One problem found while decoding a scenario: where it is, what was found and what is expected.
///
/// Rendered as `FILE:LINE: architecture.replicas: -1 is invalid; expected an integer >= 0`.
public struct ScenarioDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The field the problem is about; for a missing field, the path it would have.
    public var path: FieldPath
    /// The offending value or key; for a missing field, the object that lacks it. Nil for a
    /// problem that has no place in the file.
    public var position: SourcePosition?
    /// The offending value as compact JSON, or nil when there is none (a missing field).
    public var found: String?
    /// The problem, for example "-1 is invalid" or "missing field".
    public var message: String
    /// The expected value or a suggestion, for example "expected an integer >= 0" or "did you mean 'replicas'?".
    public var expectation: String?

    public init(path: FieldPath, position: SourcePosition?, found: String?, message: String, expectation: String?) {
        self.path = path
        self.position = position
        self.found = found
        self.message = message
        self.expectation = expectation
    }

    /// Makes the diagnostic for a value that has the wrong type or lies out of range.
    ///
    /// `problem` completes the sentence after the value: "is invalid", "is not an integer".
    public static func invalid(_ value: JSONValue, at path: FieldPath, expected: String, problem: String = "is invalid") -> ScenarioDiagnostic {
        let found = value.compactDescription()
        return ScenarioDiagnostic(path: path, position: value.position, found: found,
                                  message: "\(found) \(problem)", expectation: "expected \(expected)")
    }

    /// Makes the diagnostic for a required field that is absent from the object at `objectPosition`.
    public static func missing(at path: FieldPath, objectPosition: SourcePosition?, expected: String) -> ScenarioDiagnostic {
        ScenarioDiagnostic(path: path, position: objectPosition, found: nil,
                           message: "missing field", expectation: "expected \(expected)")
    }

    /// Makes the diagnostic for a metric path that no run reports, such as
    /// `"chat.p95ms" is not a known metric; did you mean "chat.p95_ms"? Run 'simctl check --metrics' for the list.`
    ///
    /// The list itself stays out of the message: it has hundreds of names.
    /// - Parameter wildcard: whether the field takes `*` for one path segment, which the
    ///   message then recalls.
    public static func unknownMetric(_ value: JSONValue, at path: FieldPath, suggestion: String?,
                                     wildcard: Bool = false) -> ScenarioDiagnostic {
        var sentences: [String] = []
        if let suggestion {
            sentences.append("did you mean \(JSONWriter.quoted(suggestion))?")
        }
        if wildcard {
            sentences.append("A * matches one path segment.")
        }
        sentences.append("Run 'simctl check --metrics' for the list.")
        var expectation = sentences.joined(separator: " ")
        if suggestion == nil {
            expectation = expectation.prefix(1).lowercased() + expectation.dropFirst()
        }
        let found = value.compactDescription()
        return ScenarioDiagnostic(path: path, position: value.position, found: found,
                                  message: "\(found) is not a known metric", expectation: expectation)
    }

    /// Makes the diagnostic for a key that the decoder does not read, with the nearest known key if one is close.
    public static func unknownField(_ member: JSONMember, at path: FieldPath, suggestion: String?, knownKeys: [String]) -> ScenarioDiagnostic {
        let expectation: String
        if let suggestion {
            expectation = "did you mean '\(suggestion)'?"
        } else if knownKeys.isEmpty {
            expectation = "this object takes no fields"
        } else {
            expectation = "known fields are " + knownKeys.map { "'\($0)'" }.joined(separator: ", ")
        }
        return ScenarioDiagnostic(path: path, position: member.keyPosition, found: JSONWriter.quoted(member.key),
                                  message: "unknown field '\(member.key)'", expectation: expectation)
    }

    /// Renders the diagnostic as one line, prefixed by `file` and the line number when known.
    public func rendered(file: String) -> String {
        let location = position.map { "\(file):\($0.line)" } ?? file
        return "\(location): \(description)"
    }

    /// The diagnostic without the file: `architecture.replicas: -1 is invalid; expected ...`.
    public var description: String {
        var text = "\(path): \(message)"
        if let expectation {
            text += "; \(expectation)"
        }
        return text
    }
}
