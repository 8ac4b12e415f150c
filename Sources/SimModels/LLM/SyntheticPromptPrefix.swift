import ScaleSim

/// Prefix-block hashes for synthetic chat turns, which have no trace to take them from.
///
/// An agent's prompt is modelled as its fixed system prompt followed by the conversation's
/// history, cut into `PromptPrefixCache.blockTokens`-token blocks. Only whole blocks get a
/// hash, because providers cache whole blocks. The first `systemPromptBlocks` blocks derive
/// from (tenant, agent) alone, so every conversation with that agent shares them. Later blocks
/// derive from the conversation and the block's position, so a conversation's next turn, whose
/// prompt extends the previous one, matches its own history. Each hash is chained with the one
/// before it, so a block matches only after the same prefix, as in the Mooncake trace.
///
/// Hashes are 32 bits, as in that trace: among n distinct blocks about n^2 / 2^33 pairs
/// collide, about one pair per 100,000 blocks, which can add a rare false cached block.
public enum SyntheticPromptPrefix {
    /// Blocks of an agent's system prompt and tool definitions: 2 blocks, 1,024 tokens. An
    /// estimate for a small agent; a prompt with many tool schemas is several times longer.
    public static let defaultSystemPromptBlocks = 2

    /// Returns the prefix-block hashes of a chat turn's prompt of `inputTokens` tokens.
    ///
    /// - Parameters:
    ///   - tenant: the tenant's index.
    ///   - agent: the agent's index within the tenant.
    ///   - conversation: an index unique to the conversation across the run.
    ///   - systemPromptBlocks: leading blocks shared by all conversations with the agent.
    /// - Precondition: `inputTokens >= 0` and `systemPromptBlocks >= 0`.
    public static func hashes(tenant: Int, agent: Int, conversation: UInt64, inputTokens: Int,
                              systemPromptBlocks: Int = defaultSystemPromptBlocks) -> [UInt32] {
        precondition(inputTokens >= 0, "inputTokens must not be negative, got \(inputTokens)")
        precondition(systemPromptBlocks >= 0, "systemPromptBlocks must not be negative, got \(systemPromptBlocks)")

        let blockCount = inputTokens / PromptPrefixCache.blockTokens
        let agentSeed = RandomStreams.mix(UInt64(bitPattern: Int64(tenant)), UInt64(bitPattern: Int64(agent)))
        let conversationSeed = RandomStreams.mix(conversation, 0x636F_6E76_6572_7361)

        var hashes: [UInt32] = []
        hashes.reserveCapacity(blockCount)
        var chain: UInt64 = 0
        for position in 0..<blockCount {
            let content = position < systemPromptBlocks ? agentSeed : conversationSeed
            chain = RandomStreams.mix(chain ^ content, UInt64(position))
            hashes.append(UInt32(truncatingIfNeeded: chain >> 32))
        }
        return hashes
    }
}
