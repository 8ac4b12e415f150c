/// The conservation ledger of queued jobs: every job enqueued is, at any instant, completed,
/// failed, lost, or still somewhere in the system.
///
/// The engine records each move of a job. A move out of a state that has no job traps, because
/// it means the engine lost track of a job. `checkBalance()` verifies the conservation law:
///
///     enqueued = completed + failed + lost + inQueue + inFlight + waitingForRetry
///                + awaitingRequeue
///
/// A retried job is enqueued once: its retry moves it back to the queue without a new
/// `enqueued`. `awaitingRequeue` counts jobs of crashed workers that sit in a reliable queue's
/// processing list until the reaper requeues them.
public struct JobLedger: Sendable, Equatable {
    /// The cause of a lost job.
    public enum LossCause: String, Sendable, CaseIterable {
        /// A worker crashed holding a job it took with a plain pop.
        case workerCrash = "worker_crash"
        /// Redis evicted the queue key holding the job.
        case redisEviction = "redis_eviction"
    }

    /// Jobs accepted into the queue, retries not included.
    public private(set) var enqueued = 0
    public private(set) var completed = 0
    /// Jobs whose last attempt failed.
    public private(set) var failed = 0
    /// Jobs lost by worker crashes after a plain pop.
    public private(set) var lostToWorkerCrash = 0
    /// Jobs lost with an evicted queue key.
    public private(set) var lostToRedisEviction = 0
    /// Retries scheduled, so a job retried twice counts twice.
    public private(set) var retried = 0
    /// Crashed workers' jobs requeued by the reaper.
    public private(set) var requeued = 0
    public private(set) var inQueue = 0
    /// Jobs a live worker holds.
    public private(set) var inFlight = 0
    /// Failed jobs waiting for their backoff delay before they return to the queue.
    public private(set) var waitingForRetry = 0
    /// Crashed workers' jobs in a reliable queue's processing list, waiting for the reaper.
    public private(set) var awaitingRequeue = 0

    /// Creates an empty ledger.
    public init() {}

    /// Creates a ledger with the given counts, to restore a snapshot.
    public init(enqueued: Int, completed: Int, failed: Int, lostToWorkerCrash: Int, lostToRedisEviction: Int,
                inQueue: Int, inFlight: Int, waitingForRetry: Int, awaitingRequeue: Int) {
        self.enqueued = enqueued
        self.completed = completed
        self.failed = failed
        self.lostToWorkerCrash = lostToWorkerCrash
        self.lostToRedisEviction = lostToRedisEviction
        self.inQueue = inQueue
        self.inFlight = inFlight
        self.waitingForRetry = waitingForRetry
        self.awaitingRequeue = awaitingRequeue
    }

    /// Jobs lost, all causes.
    public var lost: Int { lostToWorkerCrash + lostToRedisEviction }

    /// Returns the jobs lost to `cause`.
    public func lost(to cause: LossCause) -> Int {
        switch cause {
        case .workerCrash: return lostToWorkerCrash
        case .redisEviction: return lostToRedisEviction
        }
    }

    // MARK: Moves

    /// Records a new job pushed onto the queue.
    public mutating func enqueue() {
        enqueued += 1
        inQueue += 1
    }

    /// Records a worker taking a job from the queue.
    public mutating func take() {
        move(from: \.inQueue, "in queue", to: \.inFlight)
    }

    /// Records a job that finished.
    public mutating func complete() {
        move(from: \.inFlight, "in flight", to: \.completed)
    }

    /// Records a failed attempt that will be retried after a delay.
    public mutating func scheduleRetry() {
        move(from: \.inFlight, "in flight", to: \.waitingForRetry)
        retried += 1
    }

    /// Records an immediate retry: the worker keeps the job and calls again at once, so the job
    /// stays in flight and only `retried` grows.
    public mutating func retryInPlace() {
        precondition(inFlight > 0, "job ledger: no job in flight to retry")
        retried += 1
    }

    /// Records a retry whose delay ended: the job is back in the queue.
    public mutating func retryDue() {
        move(from: \.waitingForRetry, "waiting for retry", to: \.inQueue)
    }

    /// Records a failed last attempt.
    public mutating func fail() {
        move(from: \.inFlight, "in flight", to: \.failed)
    }

    /// Records a worker crash while it held a job, with the outcome `WorkerCrashModel` drew.
    ///
    /// - Precondition: `outcome` is not `.none`.
    public mutating func crash(_ outcome: CrashOutcome) {
        switch outcome {
        case .none:
            preconditionFailure("crash recorded with outcome .none")
        case .lost:
            move(from: \.inFlight, "in flight", to: \.lostToWorkerCrash)
        case .requeue:
            move(from: \.inFlight, "in flight", to: \.awaitingRequeue)
        }
    }

    /// Records the reaper moving a crashed worker's job back to the queue.
    public mutating func requeueAfterCrash() {
        move(from: \.awaitingRequeue, "awaiting requeue", to: \.inQueue)
        requeued += 1
    }

    /// Records `count` queued jobs lost with an evicted queue key.
    ///
    /// - Precondition: `0 <= count <= inQueue`.
    public mutating func loseQueuedToEviction(_ count: Int) {
        precondition(count >= 0, "lost job count must not be negative, got \(count)")
        precondition(count <= inQueue, "\(count) jobs lost to eviction but only \(inQueue) in queue")
        inQueue -= count
        lostToRedisEviction += count
    }

    private mutating func move(from source: WritableKeyPath<JobLedger, Int>, _ sourceName: String,
                               to target: WritableKeyPath<JobLedger, Int>) {
        precondition(self[keyPath: source] > 0, "job ledger: no job \(sourceName) to move")
        self[keyPath: source] -= 1
        self[keyPath: target] += 1
    }

    // MARK: Balance

    /// Checks the conservation law and that no count is negative.
    ///
    /// - Throws: `JobLedgerImbalance`, whose message lists every term.
    public func checkBalance() throws {
        let accounted = completed + failed + lost + inQueue + inFlight + waitingForRetry + awaitingRequeue
        let counts = [enqueued, completed, failed, lostToWorkerCrash, lostToRedisEviction, inQueue, inFlight,
                      waitingForRetry, awaitingRequeue]
        guard accounted != enqueued || counts.contains(where: { $0 < 0 }) else { return }
        throw JobLedgerImbalance(ledger: self)
    }
}

/// A breach of the job ledger's conservation law.
public struct JobLedgerImbalance: Error, CustomStringConvertible, Equatable {
    public let ledger: JobLedger

    public var description: String {
        let l = ledger
        let accounted = l.completed + l.failed + l.lost + l.inQueue + l.inFlight + l.waitingForRetry + l.awaitingRequeue
        return "job ledger out of balance: enqueued \(l.enqueued) != \(accounted) accounted for "
            + "(completed \(l.completed) + failed \(l.failed) + lost to crash \(l.lostToWorkerCrash) "
            + "+ lost to eviction \(l.lostToRedisEviction) + in queue \(l.inQueue) + in flight \(l.inFlight) "
            + "+ waiting for retry \(l.waitingForRetry) + awaiting requeue \(l.awaitingRequeue)); "
            + "a move was recorded twice or not at all"
    }
}
