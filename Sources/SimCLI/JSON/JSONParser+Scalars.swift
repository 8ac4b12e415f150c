/// The scalar part of the grammar: strings with escapes, numbers, and UTF-8 validation.
extension JSONCursor {
    /// Parses a string starting at its opening quote and returns its decoded content.
    mutating func parseString() throws -> String {
        let start = position
        advance()  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else {
                throw error("unterminated string starting at \(start), found end of input")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0x00..<0x20:
                throw error("control character \(Self.scalarCode(UInt32(byte))) must be escaped in a string")
            case 0x20..<0x80:
                utf8.append(byte)
                advance()
            default:
                guard let (_, length) = decodeScalar(at: index) else {
                    throw error("invalid UTF-8 byte 0x\(Self.hex(UInt32(byte), width: 2)) in a string")
                }
                utf8.append(contentsOf: bytes[index..<index + length])
                for _ in 0..<length { advance() }
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws {
        let escapePosition = position
        advance()  // backslash
        guard let byte = current else {
            throw error("unterminated escape sequence, found end of input")
        }
        let simple: UInt8?
        switch byte {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw error("invalid escape sequence '\\\(describeEscapeByte(byte))'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: escapePosition)
        }
        if let simple {
            utf8.append(simple)
            advance()
            return
        }

        advance()  // u
        let first = try parseHexQuad()
        let scalarValue: UInt32
        switch first {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed at once by an escaped low surrogate.
            guard current == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw error("unpaired high surrogate \\u\(Self.hex(first, width: 4)); expected a \\uDC00-\\uDFFF escape after it", at: escapePosition)
            }
            let lowPosition = position
            advance()
            advance()
            let second = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw error("\\u\(Self.hex(second, width: 4)) is not a low surrogate; expected \\uDC00-\\uDFFF after the high surrogate \\u\(Self.hex(first, width: 4))", at: lowPosition)
            }
            scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        case 0xDC00...0xDFFF:
            throw error("unpaired low surrogate \\u\(Self.hex(first, width: 4))", at: escapePosition)
        default:
            scalarValue = first
        }
        // Every value outside the surrogate range and below 0x110000 is a scalar.
        guard let scalar = Unicode.Scalar(scalarValue) else {
            throw error("\\u escape does not encode a Unicode scalar", at: escapePosition)
        }
        utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private func describeEscapeByte(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : Self.scalarCode(UInt32(byte))
    }

    private mutating func parseHexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigitValue(byte) else {
                throw error("expected 4 hex digits after '\\u', found \(describeCurrent())")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes one well-formed UTF-8 scalar at `offset` and returns it with its length in bytes,
    /// or nil for an invalid, overlong, surrogate or truncated sequence.
    func decodeScalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < bytes.count else { return nil }
        let lead = bytes[offset]
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0x00..<0x80: return Unicode.Scalar(UInt32(lead)).map { ($0, 1) }
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        for continuation in bytes[(offset + 1)..<(offset + length)] {
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        // Unicode.Scalar rejects surrogates and values past U+10FFFF.
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Parses a number per the RFC 8259 grammar `-? int frac? exp?`.
    mutating func parseNumber() throws -> JSONNumber {
        let start = position
        let startIndex = index
        if current == UInt8(ascii: "-") {
            advance()
            if current == UInt8(ascii: "I") {
                throw error("NaN and Infinity are not valid JSON numbers, found 'I'")
            }
        }
        guard let first = current, Self.isDigit(first) else {
            throw error("expected a digit after '-', found \(describeCurrent())")
        }
        advance()
        if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
            throw error("numbers must not have leading zeros", at: start)
        }
        skipDigits()

        if current == UInt8(ascii: ".") {
            advance()
            guard let digit = current, Self.isDigit(digit) else {
                throw error("expected a digit after the decimal point, found \(describeCurrent())")
            }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                advance()
            }
            guard let digit = current, Self.isDigit(digit) else {
                throw error("expected a digit in the exponent, found \(describeCurrent())")
            }
            skipDigits()
        }

        let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        guard let number = JSONNumber(literal: literal) else {
            throw error("number \(literal) is out of range for a 64-bit float", at: start)
        }
        return number
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) {
            advance()
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
