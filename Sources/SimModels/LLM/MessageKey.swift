/// How a user message becomes a response-cache key: a 64-bit value of its normalized text.
///
/// A templated message (a suggested prompt, a button, a common question) has the key of its
/// template id, so two users who pick the same template send the same key. A free-text message
/// gets a key that no other message has, so it never hits. The top bit distinguishes the two
/// kinds: it is clear for templates and set for free text. Both encodings are exact bit layouts,
/// not hashes, so two different messages never share a key.
public enum MessageKey {
    /// The largest template id plus one: ids take the low 32 bits.
    public static let templateLimit: UInt64 = 1 << 32
    /// The largest scope plus one: scopes take bits 32 to 62.
    public static let scopeLimit: UInt64 = 1 << 31
    /// The largest session index plus one: session indices take bits 20 to 62.
    public static let sessionLimit: UInt64 = 1 << 43
    /// The largest turn index plus one: turn indices take the low 20 bits.
    public static let turnLimit: UInt64 = 1 << 20

    private static let freeTextBit: UInt64 = 1 << 63

    /// Returns the key of template `templateID` within `scope`.
    ///
    /// The scope separates replies that must not be shared. Pass the tenant's or agent's
    /// index when the same template gets different replies from different agents, or 0 for
    /// one shared cache of all templates.
    ///
    /// - Precondition: `0 <= templateID < templateLimit` and `scope < scopeLimit`.
    public static func template(_ templateID: Int, scope: UInt64 = 0) -> UInt64 {
        precondition(templateID >= 0 && UInt64(templateID) < templateLimit, "templateID must be in 0..<\(templateLimit), got \(templateID)")
        precondition(scope < scopeLimit, "scope must be below \(scopeLimit), got \(scope)")
        return scope << 32 | UInt64(templateID)
    }

    /// Returns the key of free-text turn `turn` of session `session`: unique to that turn.
    ///
    /// - Precondition: `session < sessionLimit` and `0 <= turn < turnLimit`.
    public static func freeText(session: UInt64, turn: Int) -> UInt64 {
        precondition(session < sessionLimit, "session must be below \(sessionLimit), got \(session)")
        precondition(turn >= 0 && UInt64(turn) < turnLimit, "turn must be in 0..<\(turnLimit), got \(turn)")
        return freeTextBit | session << 20 | UInt64(turn)
    }

    /// Returns true when `key` is a free-text key, which never repeats.
    public static func isFreeText(_ key: UInt64) -> Bool {
        key & freeTextBit != 0
    }
}
