import ScaleSim

extension PlatformModel {
    /// Sends the chat turn's LLM call to `provider` (0 primary, 1 fallback).
    mutating func callLLM(_ id: Int32, provider: Int, scheduler: inout Scheduler<Event>) -> StepResult {
        let request = requests[id]
        let now = scheduler.now
        var cached = 0
        if promptCache != nil, provider == 0 {
            let hashes = setup.prefixHashes(for: request, sessions: sessions)
            cached = promptCache?.cachedInputTokens(inputTokens: Int(request.inputTokens), prefixHashes: hashes, at: now) ?? 0
        }
        requests[id].attempt &+= 1
        if request.isMeasured { metrics.llmAttempts += 1 }
        if now >= warmupEnd, llm[provider].parameters.incidents.contains(where: { $0.start <= now && now < $0.end }) {
            metrics.llmRequestsDuringIncidents += 1
        }
        let outcome = llm[provider].submit(inputTokens: Int(request.inputTokens), outputTokens: Int(request.outputTokens),
                                           cachedInputTokens: cached, at: now, rng: &llmStreams[provider])
        requests[id].pendingLayer = .llm
        let wait: SimDuration
        switch outcome {
        case .completed(let latency): wait = latency
        case .rateLimited: wait = .zero
        case .failed(let after): wait = after
        }
        scheduler.schedule(.llmDone(request: id, outcome: outcome, provider: Int32(provider)), after: wait)
        return .wait
    }

    /// The LLM answered: go on, try the fallback, retry as the queue's policy allows, or fail.
    mutating func handleLLMDone(_ id: Int32, outcome: LLMOutcome, provider: Int32, scheduler: inout Scheduler<Event>) {
        let cause: FailureCause
        switch outcome {
        case .completed:
            resume(id, charging: .llm, scheduler: &scheduler)
            return
        case .rateLimited: cause = .llmRateLimited
        case .failed: cause = .llmFailed
        }
        charge(id, .llm, now: scheduler.now)

        // NOTE: the fallback's attempt counts against the queue's maxAttempts, so with a
        // fallback a job gets half as many rounds of retries.
        if provider == 0 && llm.count > 1 {
            _ = callLLM(id, provider: 1, scheduler: &scheduler)
            return
        }
        guard let policy = retryPolicy, requests[id].holdsRuntimeWorker else {
            fail(id, cause, scheduler: &scheduler)
            return
        }
        guard let wait = policy.delay(afterAttempt: Int(requests[id].attempt), rng: &retryStream) else {
            fail(id, cause, scheduler: &scheduler)
            return
        }
        if wait == .zero {
            // An immediate retry: the worker keeps the job and calls again at once.
            jobLedger.retryInPlace()
            _ = callLLM(id, provider: 0, scheduler: &scheduler)
            return
        }
        // A delayed retry frees the worker; the job re-enters the queue after the delay.
        jobLedger.scheduleRetry()
        freeRuntimeWorker(id, scheduler: &scheduler)
        requests[id].pendingLayer = .queueWait
        scheduler.schedule(.jobRequeue(request: id), after: wait)
    }
}
