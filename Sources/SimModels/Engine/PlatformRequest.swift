import ScaleSim

/// One request in flight, kept in the engine's slab and named by its index in events.
///
/// A request moves through numbered steps (`step`); each handler does the step's work and
/// either continues at once or schedules the event that resumes it. The time since
/// `segmentStart` is charged to a layer whenever a step ends.
struct PlatformRequest {
    var kind: RequestKind
    var tenant: Int32
    /// Index of the session in the session table, or -1.
    var session: Int32
    var arrival: SimTime
    var segmentStart: SimTime
    var step: UInt8 = 0
    /// The layer that the wait in progress is charged to when the request resumes.
    var pendingLayer: Layer = .appCPU
    /// LLM attempts made so far (queue mode retries included).
    var attempt: UInt8 = 0
    var holdsAppSlot = false
    var holdsConnection = false
    var holdsTenantSlot = false
    var holdsRuntimeWorker = false
    /// Whether the request is a queued job (it passed `enqueue`), for the job ledger.
    var isJob = false
    /// Whether a crashed worker's job waits for the reaper (rather than a retry delay).
    var isAwaitingRequeue = false
    /// Whether this request is measured (it arrived after warm-up).
    var isMeasured: Bool
    /// Statements left in the current database call and the server time of each.
    var statementsLeft: Int32 = 0
    var firstStatementSeconds: Double = 0
    var followingStatementSeconds: Double = 0
    var isFirstStatement = true
    /// Database server of the current call: -1 for the primary, else a replica index.
    var databaseTarget: Int32 = -1
    var databaseIsWrite = false
    /// Whether the current database call reads or writes the messages table, which a
    /// migration may lock.
    var databaseTouchesMessages = false
    /// Whether the request gives up at the end of its current table-lock wait.
    var isLockWaitTimingOut = false
    /// A failure the current database call ends in once its statements have run (an insert
    /// that finds no partition), or nil.
    var failureAfterDatabase: FailureCause?
    /// The CPU burst in progress, seconds.
    var cpuSeconds: Double = 0
    /// LLM call inputs.
    var inputTokens: Int32 = 0
    var outputTokens: Int32 = 0
    var messageKey: UInt64 = 0
    var cacheHit = false
    /// The turn of the session this request belongs to (chat only).
    var turn: Int32 = 0
    /// For the queue: when the job entered the queue, to measure its wait.
    var enqueuedAt: SimTime = .zero
    /// Index into the trace when the workload replays one, or -1.
    var traceRecord: Int32 = -1
    /// The handle of a pending timeout (pool or app admission), to cancel on grant.
    var timeoutHandle: EventHandle?

    init(kind: RequestKind, tenant: Int32, session: Int32, arrival: SimTime, isMeasured: Bool) {
        self.kind = kind
        self.tenant = tenant
        self.session = session
        self.arrival = arrival
        self.segmentStart = arrival
        self.isMeasured = isMeasured
    }
}

/// A slab of requests with a free list, so finished requests' slots are reused.
struct RequestSlab {
    private(set) var requests: [PlatformRequest] = []
    /// Whether each slot contains a live request, so that the end of a run can count them.
    private(set) var isOccupied: [Bool] = []
    private var free: [Int32] = []
    private(set) var live = 0

    mutating func insert(_ request: PlatformRequest) -> Int32 {
        live += 1
        if let index = free.popLast() {
            requests[Int(index)] = request
            isOccupied[Int(index)] = true
            return index
        }
        requests.append(request)
        isOccupied.append(true)
        return Int32(requests.count - 1)
    }

    mutating func remove(_ index: Int32) {
        precondition(isOccupied[Int(index)], "request \(index) removed twice")
        live -= 1
        isOccupied[Int(index)] = false
        free.append(index)
    }

    subscript(index: Int32) -> PlatformRequest {
        get { requests[Int(index)] }
        _modify { yield &requests[Int(index)] }
    }
}

/// A conversation: the draws that make its turns the same under every architecture.
struct SessionState {
    /// Agents per tenant that message keys distinguish; plans configure at most a few dozen.
    static let maximumAgents = 64

    var tenant: Int32
    var agent: Int32
    var turnsLeft: Int32
    var turnsDone: Int32 = 0
    /// The session's own stream: turn count, messages, tokens, think times.
    var rng: Xoshiro256StarStar
    /// Log position of the user's last write, for stale-read detection; -1 before any write.
    var lastWritePosition: Int64 = -1
    /// Whether the session is one of the closed-loop clients of `ClosedLoopSpec` instead of an
    /// open session.
    var isClosedLoopClient = false
}
