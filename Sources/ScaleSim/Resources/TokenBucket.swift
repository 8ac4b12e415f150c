/// A token-bucket rate limiter: tokens refill at a steady rate up to a burst capacity, and each
/// request takes tokens or is rejected.
///
/// The bucket starts full. Refill is computed from the integer nanoseconds elapsed since the
/// last update, so the level depends only on the times of the calls, never on a clock kept in
/// `Double`. Over any interval of length T that starts with a full bucket, at most
/// `burst + ratePerSecond * T` tokens are admitted.
public struct TokenBucket: Sendable {
    /// Tokens added per second of simulated time.
    public let ratePerSecond: Double
    /// The maximum number of tokens in the bucket, and so the largest burst it admits at once.
    public let burst: Double

    @usableFromInline var storedTokens: Double
    @usableFromInline var lastUpdate: SimTime
    @usableFromInline var admittedCount: Int = 0
    @usableFromInline var rejectedCount: Int = 0
    @usableFromInline var admittedTokenTotal: Double = 0

    /// Creates a full bucket.
    ///
    /// - Precondition: `ratePerSecond` is finite and positive, `burst` is finite and at least 1.
    public init(ratePerSecond: Double, burst: Double, at time: SimTime = .zero) {
        precondition(ratePerSecond.isFinite && ratePerSecond > 0, "ratePerSecond must be finite and positive, got \(ratePerSecond)")
        precondition(burst.isFinite && burst >= 1, "burst must be finite and at least 1, got \(burst)")
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.storedTokens = burst
        self.lastUpdate = time
    }

    /// Requests admitted since the last reset.
    public var admitted: Int { admittedCount }
    /// Requests rejected since the last reset.
    public var rejected: Int { rejectedCount }
    /// Tokens taken by admitted requests since the last reset.
    public var admittedTokens: Double { admittedTokenTotal }

    /// Returns the tokens in the bucket at `now`.
    ///
    /// - Precondition: `now` is not before the last `tryTake`.
    @inlinable
    public func available(at now: SimTime) -> Double {
        precondition(now >= lastUpdate, "bucket read at \(now), before its last update at \(lastUpdate)")
        let elapsed = Double(now.nanoseconds - lastUpdate.nanoseconds)
        return Swift.min(burst, storedTokens + ratePerSecond * elapsed / 1e9)
    }

    /// Takes `tokens` and returns true if the bucket contains that many at `now`. Otherwise it
    /// takes nothing and returns false. Both outcomes are counted.
    ///
    /// - Precondition: `tokens` is finite and positive; `now` is not before the last `tryTake`.
    @inlinable
    public mutating func tryTake(_ tokens: Double = 1, at now: SimTime) -> Bool {
        precondition(tokens.isFinite && tokens > 0, "tokens must be finite and positive, got \(tokens)")

        let level = available(at: now)
        storedTokens = level
        lastUpdate = now
        guard level >= tokens else {
            rejectedCount += 1
            return false
        }
        storedTokens = level - tokens
        admittedCount += 1
        admittedTokenTotal += tokens
        return true
    }

    /// Returns the shortest wait after `now` at which `tryTake(tokens)` succeeds if nothing else
    /// takes tokens first.
    ///
    /// Callers that wait instead of being rejected use it. It is `.infinity` when `tokens > burst`.
    ///
    /// - Precondition: `tokens` is finite and positive; `now` is not before the last `tryTake`.
    public func timeUntilAvailable(_ tokens: Double = 1, at now: SimTime) -> SimDuration {
        precondition(tokens.isFinite && tokens > 0, "tokens must be finite and positive, got \(tokens)")
        guard tokens <= burst else { return .infinity }
        guard available(at: now) < tokens else { return .zero }

        // The refill needed, counted from the last update because `available` counts from there.
        let elapsedNow = now.nanoseconds - lastUpdate.nanoseconds
        let neededSinceUpdate = ((tokens - storedTokens) / ratePerSecond * 1e9).rounded(.up)
        var wait = Swift.max(1, Int64(neededSinceUpdate) - elapsedNow)

        // Rounding in the division can leave the wait a few nanoseconds off either way. Step
        // until `available` agrees, so the result is exactly the first instant tryTake admits.
        var step: Int64 = 1
        while available(at: now + SimDuration(nanoseconds: wait)) < tokens {
            wait += step
            step *= 2
        }
        while wait > 1, available(at: now + SimDuration(nanoseconds: wait - 1)) >= tokens {
            wait -= 1
        }
        return SimDuration(nanoseconds: wait)
    }

    /// Zeroes the counters; the tokens are kept.
    public mutating func resetStatistics() {
        admittedCount = 0
        rejectedCount = 0
        admittedTokenTotal = 0
    }
}
