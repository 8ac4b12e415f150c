/// A writer of deterministic JSON text.
///
/// Object keys are sorted by their UTF-8 bytes (code unit order), not by `String`'s `<`,
/// which compares Unicode canonical equivalents and could differ from other tools' byte
/// sort. Numbers follow `NumberFormat`, with NaN and infinities written as `null`.
/// Strings escape `"`, `\` and the control characters U+0000 to U+001F; all other characters,
/// including non-ASCII ones, are written as UTF-8.
public struct JSONWriter: Sendable {
    /// The layout of the text: indented or on one line.
    public enum Layout: Sendable {
        /// One member or element per line, indented by two spaces per level.
        case pretty
        /// No whitespace at all.
        case compact
    }

    public var layout: Layout
    public var numberFormat: NumberFormat

    public init(layout: Layout = .pretty, numberFormat: NumberFormat = .standard) {
        self.layout = layout
        self.numberFormat = numberFormat
    }

    /// Returns the JSON text of `value`, without a trailing newline.
    public func string(_ value: ReportValue) -> String {
        var text = ""
        write(value, indent: 0, to: &text)
        return text
    }

    private func write(_ value: ReportValue, indent: Int, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let bool): text += bool ? "true" : "false"
        case .int(let int): text += numberFormat.string(int)
        case .double(let double): text += numberFormat.jsonLiteral(double)
        case .string(let string): text += Self.quoted(string)
        case .array(let elements):
            writeContainer(open: "[", close: "]", items: elements, indent: indent, to: &text) { element, text in
                write(element, indent: indent + 1, to: &text)
            }
        case .object(let members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            writeContainer(open: "{", close: "}", items: keys, indent: indent, to: &text) { key, text in
                text += Self.quoted(key)
                text += layout == .pretty ? ": " : ":"
                write(members[key] ?? .null, indent: indent + 1, to: &text)
            }
        }
    }

    private func writeContainer<Item>(open: String, close: String, items: [Item], indent: Int,
                                      to text: inout String, writeItem: (Item, inout String) -> Void) {
        text += open
        guard !items.isEmpty else {
            text += close
            return
        }
        let isPretty = layout == .pretty
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            if isPretty { text += "\n" + String(repeating: "  ", count: indent + 1) }
            writeItem(item, &text)
        }
        if isPretty { text += "\n" + String(repeating: "  ", count: indent) }
        text += close
    }

    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}":
                result += "\\u" + JSONCursor.hex(scalar.value, width: 4).lowercased()
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
