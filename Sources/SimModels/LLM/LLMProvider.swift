import ScaleSim

/// A hosted LLM provider seen from the platform: rate limits, latency, incidents and billing.
///
/// The provider is passive. The engine calls `submit` at the instant a request leaves the
/// platform and schedules the outcome's delay. Admitted requests take quota from two token
/// buckets, requests per minute and input-plus-output tokens per minute. Each bucket refills
/// at its per-minute limit / 60 per second and holds one minute's quota, because providers
/// let a client spend a minute's quota at once.
///
/// Latency is a drawn time to first token plus `outputTokens / tokensPerSecond`. Generation
/// has no jitter of its own: given the token count it is deterministic, and all variance
/// comes from the time to first token.
public struct LLMProvider: Sendable {
    /// The provider's role in the architecture, such as "primary" or "fallback".
    public let name: String
    public let parameters: LLMParameters
    public let prices: LLMPrices

    private var requestLimit: TokenBucket
    private var tokenLimit: TokenBucket

    /// Requests submitted: `completed + rateLimited + failed`.
    public private(set) var requests = 0
    public private(set) var completed = 0
    /// Requests rejected with 429 by either limit.
    public private(set) var rateLimited = 0
    /// Requests that failed: outage, brown-out error or timeout.
    public private(set) var failed = 0
    /// The failed requests that reached the client timeout; included in `failed`.
    public private(set) var timeouts = 0
    /// Tokens of completed requests; failed and rate-limited requests are not billed.
    public private(set) var inputTokensBilled = 0
    /// The part of `inputTokensBilled` billed at the cached price.
    public private(set) var cachedInputTokensBilled = 0
    public private(set) var outputTokensBilled = 0
    /// Dollars billed for completed requests.
    public private(set) var spend = LLMSpend()

    /// Creates a provider whose rate limits are full at `start`.
    ///
    /// - Precondition: `tokensPerSecond`, `requestsPerMinute` and `tokensPerMinute` are finite
    ///   and positive, and each limit allows at least one request or token per minute.
    public init(name: String, parameters: LLMParameters, at start: SimTime = .zero) {
        precondition(parameters.tokensPerSecond.isFinite && parameters.tokensPerSecond > 0,
                     "\(name): tokensPerSecond must be finite and positive, got \(parameters.tokensPerSecond)")
        precondition(parameters.requestsPerMinute.isFinite && parameters.requestsPerMinute >= 1,
                     "\(name): requestsPerMinute must be finite and at least 1, got \(parameters.requestsPerMinute)")
        precondition(parameters.tokensPerMinute.isFinite && parameters.tokensPerMinute >= 1,
                     "\(name): tokensPerMinute must be finite and at least 1, got \(parameters.tokensPerMinute)")

        self.name = name
        self.parameters = parameters
        self.prices = LLMPrices(parameters)
        self.requestLimit = TokenBucket(ratePerSecond: parameters.requestsPerMinute / 60,
                                        burst: parameters.requestsPerMinute, at: start)
        self.tokenLimit = TokenBucket(ratePerSecond: parameters.tokensPerMinute / 60,
                                      burst: parameters.tokensPerMinute, at: start)
    }

    /// Submits one request at `now` and returns its outcome.
    ///
    /// The steps, in order: an outage fails the request after `failureLatency` and takes no
    /// quota. A request over either rate limit gets `.rateLimited` and takes no quota. Otherwise
    /// both limits are charged, and a brown-out error fails the request after `failureLatency`.
    /// A latency beyond `timeout` fails it after `timeout`. Only a completed request is billed,
    /// with `cachedInputTokens` at the cached price.
    ///
    /// Every call draws the time to first token and one uniform from `rng`, whatever the
    /// outcome, so an incident or a limit leaves the stream's later draws unchanged.
    ///
    /// - Precondition: token counts are >= 0, `cachedInputTokens <= inputTokens`, and `now` is
    ///   not before the previous submission.
    public mutating func submit(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int = 0,
                                at now: SimTime, rng: inout Xoshiro256StarStar) -> LLMOutcome {
        precondition(inputTokens >= 0 && outputTokens >= 0, "\(name): token counts must not be negative, got input \(inputTokens), output \(outputTokens)")
        precondition((0...inputTokens).contains(cachedInputTokens), "\(name): cachedInputTokens must be in 0...\(inputTokens), got \(cachedInputTokens)")

        let timeToFirstToken = parameters.timeToFirstToken.sample(using: &rng)
        let errorDraw = rng.nextUnit()
        requests += 1

        let incident = activeIncident(at: now)
        if incident == .outage {
            failed += 1
            return .failed(after: parameters.failureLatency)
        }

        let tokens = Double(inputTokens + outputTokens)
        if let retryAfter = rateLimitWait(tokens: tokens, at: now) {
            rateLimited += 1
            return .rateLimited(retryAfter: retryAfter)
        }
        _ = requestLimit.tryTake(1, at: now)
        if tokens > 0 {
            _ = tokenLimit.tryTake(tokens, at: now)
        }

        var latencySeconds = timeToFirstToken + Double(outputTokens) / parameters.tokensPerSecond
        if case .brownout(let latencyFactor, let errorRate)? = incident {
            if errorDraw < errorRate {
                failed += 1
                return .failed(after: parameters.failureLatency)
            }
            latencySeconds *= latencyFactor
        }

        let latency = SimDuration.seconds(latencySeconds)
        if latency > parameters.timeout {
            failed += 1
            timeouts += 1
            return .failed(after: parameters.timeout)
        }

        completed += 1
        inputTokensBilled += inputTokens
        cachedInputTokensBilled += cachedInputTokens
        outputTokensBilled += outputTokens
        spend.add(prices.bill(inputTokens: inputTokens, cachedInputTokens: cachedInputTokens, outputTokens: outputTokens))
        return .completed(latency: latency)
    }

    /// Zeroes the counters and the spend, as at the end of a warm-up; the limits keep their
    /// levels.
    public mutating func resetStatistics() {
        requests = 0
        completed = 0
        rateLimited = 0
        failed = 0
        timeouts = 0
        inputTokensBilled = 0
        cachedInputTokensBilled = 0
        outputTokensBilled = 0
        spend = LLMSpend()
    }

    /// Returns the incident in force at `now`: an outage if any covers `now`, else the first
    /// brown-out in the list that does, else nil. An incident covers `start..<end`.
    private func activeIncident(at now: SimTime) -> ProviderIncident.Kind? {
        var brownout: ProviderIncident.Kind?
        for incident in parameters.incidents where incident.start <= now && now < incident.end {
            if incident.kind == .outage { return .outage }
            if brownout == nil { brownout = incident.kind }
        }
        return brownout
    }

    /// Returns nil when both limits admit the request at `now`, else the wait until both do
    /// (`.infinity` when `tokens` exceeds a minute's token quota).
    private func rateLimitWait(tokens: Double, at now: SimTime) -> SimDuration? {
        let requestWait = requestLimit.timeUntilAvailable(1, at: now)
        let tokenWait = tokens > 0 ? tokenLimit.timeUntilAvailable(tokens, at: now) : .zero
        guard requestWait > .zero || tokenWait > .zero else { return nil }
        return max(requestWait, tokenWait)
    }
}
