import ScaleSim

/// The memory accounting of one Redis server with maxmemory and an eviction policy.
///
/// It stores three kinds of key: the job queue (one list key of `jobBytes` per queued job, no
/// TTL), response-cache entries and per-tenant counters (both with a TTL). The engine reports
/// every write, read and deletion with the current time; the value stores each key's size and
/// last access and decides what a write that would pass maxmemory does:
///
/// - noeviction: the write is rejected and counted as out of memory.
/// - volatile-lru: keys with a TTL are evicted, least recently used first, until the write
///   fits; the write is rejected when none is left.
/// - allkeys-lru: any key may go, least recently used first. The queue key goes when it was
///   touched longer ago than every other key, and every job in it is lost.
///
/// Eviction is exact LRU over all keys. Real Redis approximates LRU by sampling
/// `maxmemory-samples` keys (5 by default) and evicting the oldest of the sample, so it
/// sometimes evicts a key that is not the oldest. Real Redis also evicts before running a
/// command only once memory is already above maxmemory, so one write may pass the limit. This
/// model evicts so that the write itself fits, which makes the limit a hard one.
///
/// Expiry belongs to the caller: when the engine finds a cache entry or counter past its TTL,
/// it calls `remove`, as Redis deletes an expired key when a command looks it up.
///
/// - Complexity: each call is O(1) amortized plus O(1) per key it evicts.
public struct RedisMemory: Sendable {
    /// maxmemory, in bytes.
    public let maxMemoryBytes: Int
    public let policy: EvictionPolicy
    /// Bytes one queued job takes in the queue list.
    public let jobBytes: Int

    private var slots: [RedisKey: Int] = [:]
    private var order = RedisLRUList()
    private var usedBytesByKind = [Int](repeating: 0, count: RedisKeyKind.allCases.count)
    private var keyCountByKind = [Int](repeating: 0, count: RedisKeyKind.allCases.count)
    private var evictionsByKind = [Int](repeating: 0, count: RedisKeyKind.allCases.count)
    private var latestAccess = SimTime.zero

    /// Jobs in the queue list now.
    public private(set) var queuedJobs = 0
    /// Writes rejected because they did not fit.
    public private(set) var outOfMemoryCount = 0
    /// Jobs lost with evicted queue keys, over the whole run.
    public private(set) var lostJobs = 0
    /// The largest memory in use after any call, in bytes.
    public private(set) var peakUsedBytes = 0

    /// The queue list's key; there is one queue.
    private static let queueKey = RedisKey(kind: .queue, id: 0)

    /// Creates an empty server.
    ///
    /// - Precondition: `maxMemoryBytes > 0` and `jobBytes > 0`.
    public init(maxMemoryBytes: Int, policy: EvictionPolicy, jobBytes: Int) {
        precondition(maxMemoryBytes > 0, "maxMemoryBytes must be positive, got \(maxMemoryBytes)")
        precondition(jobBytes > 0, "jobBytes must be positive, got \(jobBytes)")
        self.maxMemoryBytes = maxMemoryBytes
        self.policy = policy
        self.jobBytes = jobBytes
    }

    /// Creates an empty server from the model's Redis parameters.
    public init(parameters: RedisParameters) {
        self.init(maxMemoryBytes: parameters.maxMemoryBytes, policy: parameters.evictionPolicy,
                  jobBytes: parameters.jobBytes)
    }

    // MARK: Reading

    /// Bytes in use by every key.
    public var usedBytes: Int { usedBytesByKind.reduce(0, +) }

    /// Bytes in use by keys of `kind`.
    public func usedBytes(of kind: RedisKeyKind) -> Int { usedBytesByKind[kind.index] }

    /// Keys of `kind` held now.
    public func keyCount(of kind: RedisKeyKind) -> Int { keyCountByKind[kind.index] }

    /// Keys of `kind` evicted over the whole run.
    public func evictions(of kind: RedisKeyKind) -> Int { evictionsByKind[kind.index] }

    /// Returns whether the key is held. The queue key is held while it has jobs (`key` is ignored).
    public func contains(_ kind: RedisKeyKind, key: UInt64) -> Bool {
        slots[Self.redisKey(kind, key)] != nil
    }

    /// Returns the size of the key in bytes, or nil when it is not held.
    public func bytes(of kind: RedisKeyKind, key: UInt64) -> Int? {
        slots[Self.redisKey(kind, key)].map { order.nodes[$0].bytes }
    }

    /// Returns the time of the key's last write or read, or nil when it is not held.
    public func lastAccess(of kind: RedisKeyKind, key: UInt64) -> SimTime? {
        slots[Self.redisKey(kind, key)].map { order.nodes[$0].lastAccess }
    }

    // MARK: Cache entries and counters

    /// Sets a cache entry or counter to `bytes` (a SET: a held key is replaced) and makes it the
    /// most recently used key.
    ///
    /// - Precondition: `kind` is not `.queue` (use `pushJobs`), `bytes >= 0`, and `now` is not
    ///   before the previous call's time.
    public mutating func write(_ kind: RedisKeyKind, key: UInt64, bytes: Int, at now: SimTime) -> RedisWriteResult {
        precondition(kind != .queue, "the queue key changes through pushJobs and popJob")
        precondition(bytes >= 0, "bytes must not be negative, got \(bytes)")
        return store(RedisKey(kind: kind, id: key), at: now) { _ in bytes }
    }

    /// Records a read of the key, which makes it the most recently used, and returns whether it
    /// is held (a cache hit).
    ///
    /// - Precondition: `now` is not before the previous call's time.
    @discardableResult
    public mutating func touch(_ kind: RedisKeyKind, key: UInt64, at now: SimTime) -> Bool {
        advance(to: now)
        guard let slot = slots[Self.redisKey(kind, key)] else { return false }
        order.touch(slot, at: now)
        return true
    }

    /// Deletes a cache entry or counter (a DEL, or an expiry found on lookup) and returns the
    /// bytes freed, 0 when the key was not held.
    ///
    /// - Precondition: `kind` is not `.queue` (use `popJob`).
    @discardableResult
    public mutating func remove(_ kind: RedisKeyKind, key: UInt64) -> Int {
        precondition(kind != .queue, "the queue key changes through pushJobs and popJob")
        guard let slot = slots[RedisKey(kind: kind, id: key)] else { return 0 }
        return delete(slot)
    }

    // MARK: The queue

    /// Pushes `count` jobs onto the queue list (an LPUSH), which touches the queue key.
    ///
    /// Eviction runs before the push, as Redis evicts before it runs a command. So under
    /// allkeys-lru the push that finds memory full can evict an idle queue key. Its jobs are
    /// then lost and the push starts a new list. On rejection no job is added.
    ///
    /// - Precondition: `count > 0`, and `now` is not before the previous call's time.
    public mutating func pushJobs(_ count: Int = 1, at now: SimTime) -> RedisWriteResult {
        precondition(count > 0, "count must be positive, got \(count)")
        let bytesPerJob = jobBytes
        let result = store(Self.queueKey, at: now) { queued in (queued + count) * bytesPerJob }
        if result.isStored {
            queuedJobs += count
        }
        return result
    }

    /// Pops one job from the queue list (an RPOP), which touches the queue key, and returns
    /// false when the list is empty. Redis deletes a list when its last element goes.
    ///
    /// Popping frees memory, so it succeeds under every policy.
    ///
    /// NOTE: a reliable pop (LMOVE) keeps the job in a processing list until the worker acks it;
    /// that list's bytes are not counted here, so memory is understated by the jobs in flight.
    ///
    /// - Precondition: `now` is not before the previous call's time.
    public mutating func popJob(at now: SimTime) -> Bool {
        advance(to: now)
        guard queuedJobs > 0, let slot = slots[Self.queueKey] else { return false }

        queuedJobs -= 1
        if queuedJobs == 0 {
            delete(slot)
        } else {
            resize(slot, to: queuedJobs * jobBytes)
            order.touch(slot, at: now)
        }
        return true
    }

    // MARK: Storing and evicting

    /// Evicts under the policy until the key, at the size `newSize(queuedJobsLeft)` returns,
    /// fits, then stores it as the most recently used key.
    ///
    /// The size is recomputed after each eviction because evicting the queue key empties it.
    private mutating func store(_ key: RedisKey, at now: SimTime, newSize: (Int) -> Int) -> RedisWriteResult {
        advance(to: now)

        var eviction = RedisEviction()
        while true {
            let currentSize = slots[key].map { order.nodes[$0].bytes } ?? 0
            let usedAfterWrite = usedBytes - currentSize + newSize(queuedJobs)
            if usedAfterWrite <= maxMemoryBytes { break }

            guard let victim = evictionCandidate() else {
                outOfMemoryCount += 1
                return .outOfMemory(eviction)
            }
            evict(victim, into: &eviction)
        }

        let size = newSize(queuedJobs)
        if let slot = slots[key] {
            resize(slot, to: size)
            order.touch(slot, at: now)
        } else {
            slots[key] = order.append(key, bytes: size, at: now)
            usedBytesByKind[key.kind.index] += size
            keyCountByKind[key.kind.index] += 1
        }
        peakUsedBytes = max(peakUsedBytes, usedBytes)
        return eviction.isEmpty ? .stored : .storedAfterEvicting(eviction)
    }

    /// Returns the least recently used key the policy allows to evict, or nil.
    private func evictionCandidate() -> Int? {
        switch policy {
        case .noEviction:
            return nil
        case .allKeysLRU:
            return order.head == RedisLRUList.none ? nil : order.head
        case .volatileLRU:
            // Only the queue key lacks a TTL, so at most one node is skipped.
            var slot = order.head
            while slot != RedisLRUList.none, !order.nodes[slot].key.kind.hasTTL {
                slot = order.nodes[slot].next
            }
            return slot == RedisLRUList.none ? nil : slot
        }
    }

    private mutating func evict(_ slot: Int, into eviction: inout RedisEviction) {
        let key = order.nodes[slot].key
        switch key.kind {
        case .queue:
            eviction.lostJobs += queuedJobs
            lostJobs += queuedJobs
            queuedJobs = 0
        case .cacheEntry:
            eviction.cacheKeys.append(key.id)
        case .counter:
            eviction.counterKeys.append(key.id)
        }
        eviction.freedBytes += delete(slot)
        evictionsByKind[key.kind.index] += 1
    }

    @discardableResult
    private mutating func delete(_ slot: Int) -> Int {
        let node = order.remove(slot)
        slots[node.key] = nil
        usedBytesByKind[node.key.kind.index] -= node.bytes
        keyCountByKind[node.key.kind.index] -= 1
        return node.bytes
    }

    private mutating func resize(_ slot: Int, to bytes: Int) {
        let kind = order.nodes[slot].key.kind
        usedBytesByKind[kind.index] += bytes - order.nodes[slot].bytes
        order.setBytes(bytes, of: slot)
    }

    /// Keeps calls in time order, which keeps the list in order of last access.
    private mutating func advance(to now: SimTime) {
        precondition(now >= latestAccess, "Redis accessed at \(now), before its previous access at \(latestAccess)")
        latestAccess = now
    }

    private static func redisKey(_ kind: RedisKeyKind, _ id: UInt64) -> RedisKey {
        kind == .queue ? queueKey : RedisKey(kind: kind, id: id)
    }
}

extension RedisKeyKind {
    /// The position in `allCases`, for per-kind arrays.
    var index: Int {
        switch self {
        case .queue: return 0
        case .cacheEntry: return 1
        case .counter: return 2
        }
    }
}
