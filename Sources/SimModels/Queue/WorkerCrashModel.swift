import ScaleSim

/// The fate of a job whose worker is drawn to crash.
public enum CrashOutcome: Equatable, Sendable {
    /// The worker finished the job.
    case none
    /// The worker took the job with a plain pop (RPOP), so the job died with it.
    case lost
    /// The job stays in a reliable queue's processing list and the reaper requeues it after
    /// this delay, counted from the crash.
    case requeue(after: SimDuration)
}

/// Worker crashes while a job is held: OOM kills and deploy restarts.
public struct WorkerCrashModel: Sendable, Equatable {
    /// Probability that a worker crashes during one job.
    public let crashProbabilityPerJob: Double
    /// Whether workers take jobs with a reliable pop (LMOVE to a processing list).
    public let reliablePop: Bool
    /// The reaper's delay before it requeues a crashed worker's job.
    public let visibilityTimeout: SimDuration

    /// Creates a model.
    ///
    /// - Precondition: `crashProbabilityPerJob` is in [0, 1].
    public init(crashProbabilityPerJob: Double, reliablePop: Bool, visibilityTimeout: SimDuration) {
        precondition((0...1).contains(crashProbabilityPerJob),
                     "crashProbabilityPerJob must be in [0, 1], got \(crashProbabilityPerJob)")
        self.crashProbabilityPerJob = crashProbabilityPerJob
        self.reliablePop = reliablePop
        self.visibilityTimeout = visibilityTimeout
    }

    /// Creates the model of a queue from its spec and the queue parameters.
    public init(spec: QueueSpec, parameters: QueueParameters) {
        self.init(crashProbabilityPerJob: parameters.crashProbabilityPerJob, reliablePop: spec.reliablePop,
                  visibilityTimeout: parameters.visibilityTimeout)
    }

    /// Draws whether the worker holding one job crashes, and what becomes of the job.
    ///
    /// It takes exactly one draw from `rng` per call, crash or not, so the stream stays
    /// aligned across architectures that differ only in `reliablePop`.
    public func draw(using rng: inout Xoshiro256StarStar) -> CrashOutcome {
        let crashes = rng.nextUnit() < crashProbabilityPerJob
        guard crashes else { return .none }
        return reliablePop ? .requeue(after: visibilityTimeout) : .lost
    }
}
