/// The kinds of key the platform keeps in Redis.
public enum RedisKeyKind: String, Sendable, CaseIterable {
    /// The job queue: one list key, `jobBytes` per queued job, with no TTL.
    case queue
    /// One response-cache entry, with a TTL.
    case cacheEntry = "cache_entry"
    /// One per-tenant counter (a limit slot or a rate window), tiny and with a TTL.
    case counter

    /// Whether keys of this kind carry a TTL, which makes them candidates under volatile-lru.
    public var hasTTL: Bool { self != .queue }
}

/// The keys Redis evicted to make room for one write.
public struct RedisEviction: Equatable, Sendable {
    /// Evicted response-cache keys, least recently used first.
    public var cacheKeys: [UInt64] = []
    /// Evicted tenant counter keys, least recently used first.
    public var counterKeys: [UInt64] = []
    /// Jobs lost with an evicted queue key; 0 when the queue key stayed.
    public var lostJobs: Int = 0
    /// Bytes freed by all the evictions.
    public var freedBytes: Int = 0

    public init(cacheKeys: [UInt64] = [], counterKeys: [UInt64] = [], lostJobs: Int = 0, freedBytes: Int = 0) {
        self.cacheKeys = cacheKeys
        self.counterKeys = counterKeys
        self.lostJobs = lostJobs
        self.freedBytes = freedBytes
    }

    /// Whether nothing was evicted.
    public var isEmpty: Bool { cacheKeys.isEmpty && counterKeys.isEmpty && lostJobs == 0 && freedBytes == 0 }
}

/// The outcome of a write to `RedisMemory`.
public enum RedisWriteResult: Equatable, Sendable {
    /// The write fitted under maxmemory.
    case stored
    /// The write fitted after the eviction of other keys. The engine drops the evicted cache
    /// entries and counters from its own indexes and marks the lost jobs.
    case storedAfterEvicting(RedisEviction)
    /// The write was rejected (an OOM error to the client). Under an LRU policy the keys evicted
    /// before Redis ran out of candidates stay evicted, so the eviction may be non-empty.
    case outOfMemory(RedisEviction)

    /// Whether the write was stored.
    public var isStored: Bool {
        if case .outOfMemory = self { return false }
        return true
    }

    /// The keys evicted by this write, stored or not.
    public var eviction: RedisEviction {
        switch self {
        case .stored: return RedisEviction()
        case .storedAfterEvicting(let eviction), .outOfMemory(let eviction): return eviction
        }
    }
}
