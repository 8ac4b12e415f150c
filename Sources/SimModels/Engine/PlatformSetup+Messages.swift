import ScaleSim

extension PlatformSetup {
    /// Tokens per prefix block, as in the Mooncake trace's hash ids.
    static let prefixBlockTokens = 512

    /// The response-cache key of a chat turn's message.
    ///
    /// A templated message ("summarize this ticket", a suggested prompt) is one of the
    /// workload's templates, chosen by Zipf popularity; its key combines the tenant, the agent
    /// and the template, because an agent's answer depends on its own prompt and tools. A
    /// free-text message gets a key that never repeats. So the hit ratio follows from how often
    /// messages repeat, never from a hit-rate setting.
    func messageKey(session: Int32, turn: Int32, sessionState: SessionState, workload: WorkloadSpec,
                    rng: inout Xoshiro256StarStar) -> UInt64 {
        let isFreeText = rng.nextUnit() < workload.freeTextShare
        let template = templates.sample(using: &rng)
        if isFreeText {
            return (1 << 63) | (UInt64(UInt32(bitPattern: session)) << 24) | UInt64(UInt32(bitPattern: turn) & 0xFF_FFFF)
        }
        var key = RandomStreams.mix(UInt64(UInt32(bitPattern: sessionState.tenant)), UInt64(UInt32(bitPattern: sessionState.agent)))
        key = RandomStreams.mix(key, UInt64(template))
        return key & ~(1 << 63)
    }

    /// Prefix-block hashes of a chat turn's prompt, for provider-side prompt caching.
    ///
    /// A replayed trace brings its own. Otherwise the prompt starts with the agent's system
    /// prompt and tools (the same blocks for every conversation of that agent), followed by the
    /// conversation's history, shared with the same conversation's previous turn.
    func prefixHashes(for request: PlatformRequest, sessions: [SessionState]) -> [UInt32] {
        if request.traceRecord >= 0, let trace = traceRecords {
            return trace[Int(request.traceRecord)].prefixHashes
        }
        guard request.session >= 0 else { return [] }
        let session = sessions[Int(request.session)]
        let blocks = max(1, Int(request.inputTokens) / PlatformSetup.prefixBlockTokens)
        let systemBlocks = min(blocks, systemPromptBlocks)
        var hashes: [UInt32] = []
        hashes.reserveCapacity(blocks)
        let agentSeed = RandomStreams.mix(UInt64(UInt32(bitPattern: session.tenant)), UInt64(UInt32(bitPattern: session.agent)))
        for block in 0..<systemBlocks {
            hashes.append(UInt32(truncatingIfNeeded: RandomStreams.mix(agentSeed, UInt64(block))))
        }
        let conversationSeed = RandomStreams.mix(agentSeed ^ 0xC0FFEE, UInt64(UInt32(bitPattern: request.session)))
        for block in systemBlocks..<blocks {
            hashes.append(UInt32(truncatingIfNeeded: RandomStreams.mix(conversationSeed, UInt64(block))))
        }
        return hashes
    }
}
