/// A strict RFC 8259 JSON parser that records the source position of every value and key.
///
/// Unlike Foundation's `JSONDecoder`, it rejects duplicate keys, and it keeps object members in
/// source order and numbers as written. It also rejects what RFC 8259 does not allow: comments,
/// trailing commas, `NaN` and `Infinity`, leading zeros, unescaped control characters in strings,
/// invalid UTF-8 and content after the top-level value. A UTF-8 byte order mark at the very
/// start is skipped, as RFC 8259 section 8.1 permits.
public struct JSONParser: Sendable {
    /// The default limit on nesting of arrays and objects.
    public static let defaultMaxDepth = 512

    /// The maximum nesting of arrays and objects. The parser is recursive, so deeper input is
    /// rejected with an error before it can overflow the stack.
    public var maxDepth: Int

    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text from UTF-8 bytes.
    ///
    /// - Throws: `JSONParseError` at the first syntax error.
    public func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var cursor = JSONCursor(bytes: bytes, maxDepth: maxDepth)
        return try cursor.parseDocument()
    }

    /// Parses one JSON text from a string.
    ///
    /// - Throws: `JSONParseError` at the first syntax error.
    public func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// The parser's read position and the structural part of the grammar: documents, arrays, objects.
struct JSONCursor {
    let bytes: [UInt8]
    let maxDepth: Int
    var index = 0
    var line = 1
    var column = 1
    var depth = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var position: SourcePosition { SourcePosition(line: line, column: column) }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Moves past one byte, keeping line and column current.
    mutating func advance() {
        guard let byte = current else { return }
        index += 1
        if byte == UInt8(ascii: "\n") {
            // A CR LF pair was counted as a line break at the CR.
            if index >= 2, bytes[index - 2] == UInt8(ascii: "\r") { return }
            line += 1
            column = 1
        } else if byte == UInt8(ascii: "\r") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // UTF-8 continuation bytes do not start a new scalar, so they take no column.
            column += 1
        }
    }

    func error(_ message: String, at position: SourcePosition? = nil) -> JSONParseError {
        JSONParseError(position: position ?? self.position, message: message)
    }

    mutating func skipWhitespace() {
        while let byte = current,
              byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            advance()
        }
    }

    mutating func parseDocument() throws -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard current == nil else {
            throw error("unexpected \(describeCurrent()) after the top-level value; a JSON text must contain exactly one value")
        }
        return value
    }

    mutating func parseValue() throws -> JSONValue {
        let start = position
        guard let byte = current else {
            throw error("expected a JSON value, found end of input")
        }
        switch byte {
        case UInt8(ascii: "{"):
            return JSONValue(.object(try parseObject()), at: start)
        case UInt8(ascii: "["):
            return JSONValue(.array(try parseArray()), at: start)
        case UInt8(ascii: "\""):
            return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), at: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(.null, at: start)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not valid JSON numbers, found \(describeCurrent())")
        case UInt8(ascii: "/"):
            throw error("comments are not allowed in JSON, found '/'")
        default:
            throw error("expected a JSON value, found \(describeCurrent())")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let start = position
        let expected = literal.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard current == byte else {
                throw error("invalid literal; expected '\(literal)'", at: start)
            }
            advance()
        }
        // "trueish" is not `true` followed by garbage the caller would misreport.
        if let next = current, Self.isIdentifierByte(next) {
            throw error("invalid literal; expected '\(literal)'", at: start)
        }
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    mutating func enterContainer() throws {
        guard depth < maxDepth else {
            throw error("arrays and objects are nested more than \(maxDepth) levels deep")
        }
        depth += 1
    }

    mutating func parseArray() throws -> [JSONValue] {
        try enterContainer()
        defer { depth -= 1 }
        advance()  // [
        skipWhitespace()
        var elements: [JSONValue] = []
        if current == UInt8(ascii: "]") {
            advance()
            return elements
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]"), !elements.isEmpty {
                throw error("trailing comma before ']' is not allowed")
            }
            elements.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "]"):
                advance()
                return elements
            default:
                throw error("expected ',' or ']' after an array element, found \(describeCurrent())")
            }
        }
    }

    mutating func parseObject() throws -> [JSONMember] {
        try enterContainer()
        defer { depth -= 1 }
        advance()  // {
        skipWhitespace()
        var members: [JSONMember] = []
        var firstPositions: [String: SourcePosition] = [:]
        if current == UInt8(ascii: "}") {
            advance()
            return members
        }
        while true {
            skipWhitespace()
            let keyPosition = position
            switch current {
            case UInt8(ascii: "\""):
                break
            case UInt8(ascii: "}") where !members.isEmpty:
                throw error("trailing comma before '}' is not allowed")
            case UInt8(ascii: "/"):
                throw error("comments are not allowed in JSON, found '/'")
            default:
                let after = members.isEmpty ? "after '{'" : "after ','"
                throw error("expected a string key \(after), found \(describeCurrent())")
            }
            let key = try parseString()
            if let first = firstPositions[key] {
                throw error("duplicate key \(Self.quoted(key)); first defined at \(first)", at: keyPosition)
            }
            firstPositions[key] = keyPosition

            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw error("expected ':' after the object key \(Self.quoted(key)), found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))

            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
            case UInt8(ascii: "}"):
                advance()
                return members
            default:
                throw error("expected ',' or '}' after an object member, found \(describeCurrent())")
            }
        }
    }

    /// Returns a key or string in single quotes, for a message.
    static func quoted(_ text: String) -> String { "'\(text)'" }

    /// Describes the character at the read position for a message: `']'`, `U+000B`, `U+00A0`,
    /// `'é' (U+00E9)`, `byte 0xFF` or `end of input`.
    func describeCurrent() -> String {
        guard let byte = current else { return "end of input" }
        if byte >= 0x20 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        if byte < 0x80 {
            return Self.scalarCode(UInt32(byte))
        }
        if let (scalar, _) = decodeScalar(at: index) {
            // Invisible characters, such as a no-break space, would look like nothing in quotes.
            let isVisible = !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format
            return isVisible ? "'\(Character(scalar))' (\(Self.scalarCode(scalar.value)))" : Self.scalarCode(scalar.value)
        }
        return "byte 0x" + Self.hex(UInt32(byte), width: 2)
    }

    static func scalarCode(_ value: UInt32) -> String {
        "U+" + hex(value, width: 4)
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
