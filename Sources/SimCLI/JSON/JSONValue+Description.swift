extension JSONValue {
    /// Renders the value as compact JSON for a diagnostic, with numbers exactly as written and the text
    /// cut to `maxLength` characters with a trailing `…`.
    public func compactDescription(maxLength: Int = 40) -> String {
        var text = ""
        appendCompact(to: &text, limit: maxLength + 1)
        guard text.count > maxLength else { return text }
        return String(text.prefix(max(0, maxLength - 1))) + "…"
    }

    /// Appends compact JSON, stopping early once `text` is longer than `limit` characters.
    private func appendCompact(to text: inout String, limit: Int) {
        guard text.count <= limit else { return }
        switch kind {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let number): text += number.literal
        case .string(let string): text += JSONWriter.quoted(string)
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                element.appendCompact(to: &text, limit: limit)
                if text.count > limit { return }
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                text += JSONWriter.quoted(member.key) + ":"
                member.value.appendCompact(to: &text, limit: limit)
                if text.count > limit { return }
            }
            text += "}"
        }
    }
}
