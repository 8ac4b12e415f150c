import ScaleSim

/// The result of one LLM request, with the delay after which the client receives it.
public enum LLMOutcome: Sendable, Equatable {
    /// The reply arrived `latency` after submission: time to first token plus generation.
    case completed(latency: SimDuration)
    /// The provider returned 429 at once. The limit admits the request again `retryAfter` after
    /// submission. It is `.infinity` when the request alone exceeds a minute's token quota, so
    /// no retry can succeed.
    case rateLimited(retryAfter: SimDuration)
    /// The request failed `after` submission: an outage or brown-out error after the provider's
    /// failure latency, or a client timeout after the timeout.
    case failed(after: SimDuration)
}
