import ScaleSim

extension PlatformSetup {
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
            return MessageKey.freeText(session: UInt64(UInt32(bitPattern: session)), turn: Int(turn))
        }
        let agents = UInt64(SessionState.maximumAgents)
        let scope = UInt64(UInt32(bitPattern: sessionState.tenant)) * agents + UInt64(UInt32(bitPattern: sessionState.agent))
        return MessageKey.template(template, scope: scope % MessageKey.scopeLimit)
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
        return SyntheticPromptPrefix.hashes(tenant: Int(session.tenant), agent: Int(session.agent),
                                            conversation: UInt64(UInt32(bitPattern: request.session)),
                                            inputTokens: Int(request.inputTokens), systemPromptBlocks: systemPromptBlocks)
    }
}
