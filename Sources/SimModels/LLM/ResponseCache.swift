import ScaleSim

/// An exact-match cache of LLM responses with a time to live and a memory budget.
///
/// Keys are `MessageKey` values of normalized messages. An entry is a hit while it is present
/// and younger than the TTL; a hit does not extend its life, as a Redis GET leaves a key's TTL
/// alone. When a store would exceed the budget, the least recently used entries are evicted.
/// Expired entries are removed when a lookup finds them, and also as time passes, oldest
/// first, so `memoryBytes` counts live entries only. The hit ratio comes only from repeated
/// keys in the workload; the cache has no hit-rate parameter.
///
/// The recency list is doubly linked through arrays of slot indices, and a dictionary maps a
/// key to its slot. The dictionary serves lookups only and is never iterated, so its order
/// cannot reach any result.
///
/// - Complexity: `lookup` and `store` are O(1) amortized, evictions and expirations included.
///   Besides the entries, the cache keeps one small record per store made within the last TTL.
public struct ResponseCache: Sendable {
    /// How long an entry serves hits after it is stored.
    public let ttl: SimDuration
    /// The bytes entries may occupy in total.
    public let memoryBudgetBytes: Int

    private var slotByKey: [UInt64: Int] = [:]
    private var keys: [UInt64] = []
    private var sizes: [Int] = []
    private var storedAt: [SimTime] = []
    /// Neighbours in recency order; -1 ends the list. `newest` is the most recently used slot.
    private var newer: [Int] = []
    private var older: [Int] = []
    private var newest = -1
    private var oldest = -1
    private var freeSlots: [Int] = []
    /// Stores in time order, for removing expired entries. A record is stale when its slot now
    /// contains another key or a later store of the same key.
    private var storeOrder = RingBuffer<StoreRecord>()

    /// Bytes of the entries present.
    public private(set) var memoryBytes = 0
    public private(set) var hits = 0
    public private(set) var misses = 0
    /// Entries removed to make room under the memory budget.
    public private(set) var evictions = 0
    /// Entries removed because their TTL ran out.
    public private(set) var expirations = 0
    /// Responses stored, replacements of a present key included.
    public private(set) var stores = 0
    /// Responses not stored because one alone exceeds the memory budget.
    public private(set) var rejectedStores = 0

    /// Creates an empty cache.
    ///
    /// - Precondition: `ttl` is positive and `memoryBudgetBytes` is >= 0.
    public init(ttl: SimDuration, memoryBudgetBytes: Int) {
        precondition(ttl > .zero, "ttl must be positive, got \(ttl)")
        precondition(memoryBudgetBytes >= 0, "memoryBudgetBytes must not be negative, got \(memoryBudgetBytes)")
        self.ttl = ttl
        self.memoryBudgetBytes = memoryBudgetBytes
    }

    /// Creates an empty cache with the TTL and memory of an architecture's spec.
    public init(spec: ResponseCacheSpec) {
        self.init(ttl: spec.ttl, memoryBudgetBytes: spec.memoryBytes)
    }

    /// The number of entries present.
    public var entries: Int { slotByKey.count }

    /// Hits over lookups; 0 before the first lookup.
    public var hitRatio: Double {
        let lookups = hits + misses
        return lookups == 0 ? 0 : Double(hits) / Double(lookups)
    }

    /// Returns true when `key` is present and unexpired at `now`, and marks it most recently used.
    ///
    /// Expired entries, this key's included, are removed first, so an expired key is a miss.
    ///
    /// - Precondition: `now` is not before the previous call.
    public mutating func lookup(_ key: UInt64, at now: SimTime) -> Bool {
        removeExpired(at: now)

        guard let slot = slotByKey[key] else {
            misses += 1
            return false
        }
        unlink(slot)
        pushNewest(slot)
        hits += 1
        return true
    }

    /// Stores a response of `bytes` under `key` at `now`, replacing any entry of that key.
    ///
    /// Least recently used entries are evicted until the new entry fits. A response larger than
    /// the whole budget is not stored, and the key's older entry, if any, is removed.
    ///
    /// - Precondition: `bytes` is >= 0 and `now` is not before the previous call.
    public mutating func store(_ key: UInt64, bytes: Int, at now: SimTime) {
        precondition(bytes >= 0, "bytes must not be negative, got \(bytes)")
        removeExpired(at: now)

        if let slot = slotByKey[key] {
            remove(slot)
        }
        guard bytes <= memoryBudgetBytes else {
            rejectedStores += 1
            return
        }
        while memoryBytes + bytes > memoryBudgetBytes, oldest >= 0 {
            remove(oldest)
            evictions += 1
        }

        let slot = allocateSlot(key: key, bytes: bytes, at: now)
        slotByKey[key] = slot
        pushNewest(slot)
        memoryBytes += bytes
        stores += 1
        storeOrder.append(StoreRecord(key: key, slot: slot, storedAt: now))
    }

    /// Removes the entry of `key` because the server holding the cache evicted it (Redis at
    /// maxmemory); returns whether an entry was removed. Counted as an eviction.
    @discardableResult
    public mutating func evict(_ key: UInt64) -> Bool {
        guard let slot = slotByKey[key] else { return false }
        remove(slot)
        evictions += 1
        return true
    }

    /// Zeroes the counters; the entries are kept.
    public mutating func resetStatistics() {
        hits = 0
        misses = 0
        evictions = 0
        expirations = 0
        stores = 0
        rejectedStores = 0
    }

    /// Removes every entry stored at or before `now - ttl`.
    ///
    /// The TTL is the same for all entries, so entries expire in the order they were stored and
    /// only the front of `storeOrder` needs checking.
    private mutating func removeExpired(at now: SimTime) {
        while let record = storeOrder.first, now - record.storedAt >= ttl {
            _ = storeOrder.popFirst()
            guard let slot = slotByKey[record.key], slot == record.slot, storedAt[slot] == record.storedAt else {
                continue
            }
            remove(slot)
            expirations += 1
        }
    }

    private mutating func allocateSlot(key: UInt64, bytes: Int, at now: SimTime) -> Int {
        if let slot = freeSlots.popLast() {
            keys[slot] = key
            sizes[slot] = bytes
            storedAt[slot] = now
            return slot
        }
        keys.append(key)
        sizes.append(bytes)
        storedAt.append(now)
        newer.append(-1)
        older.append(-1)
        return keys.count - 1
    }

    /// Unlinks `slot`, drops its key and frees its memory and slot.
    private mutating func remove(_ slot: Int) {
        unlink(slot)
        slotByKey[keys[slot]] = nil
        memoryBytes -= sizes[slot]
        freeSlots.append(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let newerSlot = newer[slot]
        let olderSlot = older[slot]
        if newerSlot >= 0 { older[newerSlot] = olderSlot } else { newest = olderSlot }
        if olderSlot >= 0 { newer[olderSlot] = newerSlot } else { oldest = newerSlot }
        newer[slot] = -1
        older[slot] = -1
    }

    private mutating func pushNewest(_ slot: Int) {
        older[slot] = newest
        newer[slot] = -1
        if newest >= 0 { newer[newest] = slot } else { oldest = slot }
        newest = slot
    }
}

/// One store, kept in time order so that expired entries can be found oldest first.
private struct StoreRecord: Sendable {
    var key: UInt64
    var slot: Int
    var storedAt: SimTime
}
