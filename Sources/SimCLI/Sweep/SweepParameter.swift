/// One `--param PATH=V1,V2,...` of a sweep: the field to edit and the values it takes, in order.
public struct SweepParameter: Equatable, Sendable {
    public var path: JSONEditPath
    /// The values as JSON, in the order given.
    public var values: [JSONValue]
    /// The values as the user wrote them, for messages.
    public var texts: [String]

    /// Fields a sweep sets itself, so a parameter may not change them.
    static let reservedPaths = [
        "kind": "the scenario kind cannot change within a sweep",
        "run.seed": "use --seed; every grid point uses the same seed",
        "run.replications": "use --replications; every grid point runs the same replications",
    ]

    /// Parses `PATH=V1,V2,...`.
    ///
    /// Each value is a JSON literal (`2`, `0.5`, `true`, `"text"`, `[1,2]`) or else a string
    /// written without quotes (`stage2`). Commas inside brackets, braces or quotes do not split
    /// values.
    ///
    /// - Throws: `UsageError` for a missing `=`, an invalid path, a reserved path or an empty value.
    public init(parsing argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw UsageError("--param '\(argument)' is invalid; expected PATH=V1,V2,... such as customers.count=100,1000")
        }
        let pathText = String(argument[..<equals])
        path = try JSONEditPath(parsing: pathText)
        if let reason = Self.reservedPaths[pathText] {
            throw UsageError("--param \(pathText) is not allowed: \(reason)")
        }

        texts = Self.splitValues(argument[argument.index(after: equals)...])
        values = []
        for (index, text) in texts.enumerated() {
            guard !text.isEmpty else {
                throw UsageError("--param \(pathText): value \(index + 1) is empty; write \"\" for an empty string")
            }
            values.append(Self.literal(text))
        }
    }

    /// Returns `text` parsed as JSON, or as a string when it is not valid JSON.
    static func literal(_ text: String) -> JSONValue {
        let start = SourcePosition(line: 1, column: 1)
        if let value = try? JSONParser().parse(text) {
            return JSONValue(value.kind, at: start)
        }
        return JSONValue(.string(text), at: start)
    }

    /// Splits at commas outside brackets, braces and double-quoted strings.
    static func splitValues(_ text: Substring) -> [String] {
        var values: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth = max(0, depth - 1)
            } else if character == ",", depth == 0 {
                values.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        values.append(current)
        return values
    }
}
