/// A writer of CSV text with RFC 4180 quoting and the shared `NumberFormat`.
///
/// A field is quoted when it contains a comma, a double quote, CR or LF, and a double quote
/// inside it is doubled. Null writes an empty field, Booleans `true` and `false`, NaN and
/// infinities `nan`, `inf` and `-inf`, and arrays and objects their compact JSON text.
public struct CSVWriter: Sendable {
    public var numberFormat: NumberFormat
    /// The record separator; RFC 4180 specifies CR LF, and LF is the default here because
    /// the files are read by Unix tools and compared with golden files.
    public var lineEnding: String

    public init(numberFormat: NumberFormat = .standard, lineEnding: String = "\n") {
        self.numberFormat = numberFormat
        self.lineEnding = lineEnding
    }

    /// Returns a header record and one record per row, each ended by `lineEnding`.
    public func document(header: [String], rows: [[ReportValue]]) -> String {
        var text = record(header.map { ReportValue.string($0) })
        for row in rows {
            text += record(row)
        }
        return text
    }

    /// Returns one record ended by `lineEnding`.
    public func record(_ fields: [ReportValue]) -> String {
        fields.map(field).joined(separator: ",") + lineEnding
    }

    /// Returns one field, quoted where needed.
    public func field(_ value: ReportValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return numberFormat.string(int)
        case .double(let double): return numberFormat.string(double)
        case .string(let string): return Self.quoted(string)
        case .array, .object:
            return Self.quoted(JSONWriter(layout: .compact, numberFormat: numberFormat).string(value))
        }
    }

    /// `text` as a CSV field: unchanged unless it contains a comma, quote, CR or LF.
    public static func quoted(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        }
        guard needsQuotes else { return text }
        var result = "\""
        for character in text {
            result += character == "\"" ? "\"\"" : String(character)
        }
        return result + "\""
    }
}
