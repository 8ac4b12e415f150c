/// A parsed JSON value together with the position where it starts in the source.
public struct JSONValue: Hashable, Sendable {
    /// The content of a JSON value.
    public enum Kind: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        /// Members in source order; the parser guarantees that keys are unique.
        case object([JSONMember])
    }

    public var kind: Kind
    /// The position of the value's first character.
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    public var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    public var boolValue: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let value) = kind { return value }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = kind { return value }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    public var objectMembers: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// Returns the value of the member named `key`, or nil when this is not an object or has no such key.
    ///
    /// - Complexity: O(n) in the number of members.
    public subscript(key: String) -> JSONValue? {
        objectMembers?.first { $0.key == key }?.value
    }

    /// The JSON type name with an article, for messages: "an object", "a string", "null".
    public var typeDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One member of a JSON object: the key, where the key starts, and the value.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: JSONValue

    public init(key: String, keyPosition: SourcePosition, value: JSONValue) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}
