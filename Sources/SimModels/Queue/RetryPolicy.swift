import ScaleSim

/// The delays before a failed job's retries, from the queue's attempts and backoff.
///
/// Exponential backoff uses "full jitter" ("Exponential Backoff And Jitter", AWS Architecture
/// Blog, 2015): the delay after attempt n is uniform in
/// [0, min(cap, base * 2^(n-1))), which spreads the retries of jobs that failed together.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts per job, the first included.
    public let maxAttempts: Int
    public let backoff: BackoffPolicy

    /// Creates a policy.
    ///
    /// - Precondition: `maxAttempts >= 1`; an exponential backoff has `base > 0` and `cap >= base`.
    public init(maxAttempts: Int, backoff: BackoffPolicy) {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1, got \(maxAttempts)")
        if case .exponential(let base, let cap) = backoff {
            precondition(base > .zero, "backoff base must be positive, got \(base)")
            precondition(cap >= base, "backoff cap \(cap) must not be below its base \(base)")
        }
        self.maxAttempts = maxAttempts
        self.backoff = backoff
    }

    /// Creates the policy of a queue.
    public init(spec: QueueSpec) {
        self.init(maxAttempts: spec.maxAttempts, backoff: spec.backoff)
    }

    /// Returns the upper bound of the delay after `attempt` fails, or nil when no attempt is left.
    ///
    /// It is zero for immediate retries and min(cap, base * 2^(attempt-1)) for exponential ones.
    ///
    /// - Precondition: `attempt >= 1`.
    public func maxDelay(afterAttempt attempt: Int) -> SimDuration? {
        precondition(attempt >= 1, "attempts are numbered from 1, got \(attempt)")
        guard attempt < maxAttempts else { return nil }

        switch backoff {
        case .immediate:
            return .zero
        case .exponential(let base, let cap):
            // base * 2^(attempt-1) without overflow: past the cap, the cap is the bound.
            let doublings = attempt - 1
            guard doublings < 62, base.nanoseconds <= cap.nanoseconds >> Int64(doublings) else { return cap }
            return SimDuration(nanoseconds: base.nanoseconds << Int64(doublings))
        }
    }

    /// Draws the delay before the retry that follows failed attempt `attempt`, or returns nil
    /// when attempts are exhausted.
    ///
    /// An immediate policy and an exhausted job draw nothing; an exponential delay takes one
    /// draw from `rng`.
    ///
    /// - Precondition: `attempt >= 1`.
    public func delay(afterAttempt attempt: Int, rng: inout Xoshiro256StarStar) -> SimDuration? {
        guard let bound = maxDelay(afterAttempt: attempt) else { return nil }
        guard bound > .zero else { return .zero }

        let fraction = rng.nextUnit()
        return SimDuration(nanoseconds: Int64(fraction * Double(bound.nanoseconds)))
    }
}
