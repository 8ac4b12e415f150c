import ScaleSim

/// A generated case of a scenario file: one value per range, in the order of `ranges`.
public struct ScenarioVariant: CustomStringConvertible {
    public var fields: [(path: String, value: JSONValue)]

    public var description: String {
        fields.map { "\($0.path)=\($0.value.compactDescription())" }.joined(separator: " ")
    }

    /// Returns `document` with each field set at its dotted path, creating missing objects.
    public func apply(to document: JSONValue) -> JSONValue {
        var edited = document
        for field in fields {
            let keys = field.path.split(separator: ".").map(String.init)
            edited = Self.setting(field.value, at: keys[...], in: edited)
        }
        return edited
    }

    static func setting(_ value: JSONValue, at keys: ArraySlice<String>, in node: JSONValue) -> JSONValue {
        guard let key = keys.first else { return value }
        var members = node.objectMembers ?? []
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = setting(value, at: keys.dropFirst(), in: members[index].value)
        } else {
            let empty = JSONValue(.object([]), at: node.position)
            members.append(JSONMember(key: key, keyPosition: node.position,
                                      value: setting(value, at: keys.dropFirst(), in: empty)))
        }
        return JSONValue(.object(members), at: node.position)
    }
}

/// Generators of scenario variants from `ranges`.
public enum ScenarioVariants {
    /// Variants drawing each range in turn; each field shrinks on its own.
    public static func generator(_ ranges: [FieldRange]) -> Generator<ScenarioVariant> {
        var generator = Generator<[(path: String, value: JSONValue)]>.constant([])
        for range in ranges {
            let field = values(range.values).map { (path: range.path, value: $0) }
            generator = Generator<([(path: String, value: JSONValue)], (path: String, value: JSONValue))>
                .zip(generator, field)
                .map { $0.0 + [$0.1] }
        }
        return generator.map { ScenarioVariant(fields: $0) }
    }

    static func values(_ values: FieldRange.Values) -> Generator<JSONValue> {
        let position = SourcePosition(line: 1, column: 1)
        switch values {
        case .integer(let range):
            return Generator<Int>.int(in: range).map { number(String($0), at: position) }
        case .number(let range, let resolution):
            return Generator<Double>.double(in: range, resolution: resolution).map {
                number("\($0)", at: position)
            }
        case .oneOf(let choices):
            return .element(of: choices)
        case .subsetOf(let choices):
            var subset = Generator<[JSONValue]>.constant([])
            for choice in choices {
                subset = Generator<([JSONValue], Bool)>.zip(subset, .bool).map { $1 ? $0 + [choice] : $0 }
            }
            return subset.map { JSONValue(.array($0), at: position) }
        }
    }

    static func number(_ literal: String, at position: SourcePosition) -> JSONValue {
        guard let number = JSONNumber(literal: literal) else { return JSONValue(.null, at: position) }
        return JSONValue(.number(number), at: position)
    }
}
