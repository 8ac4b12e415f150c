import ScaleSim

/// A key of `RedisMemory`: its kind and its number within the kind, so that a cache key and a
/// counter key with the same number are different keys.
struct RedisKey: Hashable, Sendable {
    var kind: RedisKeyKind
    var id: UInt64
}

/// The keys of one Redis server in order of last access, least recent first: a doubly linked
/// list threaded through an array, so that a touch, an insertion and a removal are O(1).
///
/// Slots of removed nodes are reused, lowest freed last, so the layout depends only on the
/// sequence of calls.
struct RedisLRUList: Sendable {
    struct Node: Sendable {
        var key: RedisKey
        var bytes: Int
        var lastAccess: SimTime
        var previous: Int
        var next: Int
    }

    static let none = -1

    private(set) var nodes: [Node] = []
    private var freeSlots: [Int] = []
    /// The least recently used node, or `none`.
    private(set) var head = RedisLRUList.none
    /// The most recently used node, or `none`.
    private(set) var tail = RedisLRUList.none

    /// Appends a new most recently used node and returns its slot.
    mutating func append(_ key: RedisKey, bytes: Int, at now: SimTime) -> Int {
        let node = Node(key: key, bytes: bytes, lastAccess: now, previous: tail, next: Self.none)
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            nodes[slot] = node
        } else {
            slot = nodes.count
            nodes.append(node)
        }
        link(slot)
        return slot
    }

    /// Makes `slot` the most recently used node, accessed at `now`.
    mutating func touch(_ slot: Int, at now: SimTime) {
        nodes[slot].lastAccess = now
        guard slot != tail else { return }
        unlink(slot)
        nodes[slot].previous = tail
        nodes[slot].next = Self.none
        link(slot)
    }

    /// Removes `slot` and returns its node.
    @discardableResult
    mutating func remove(_ slot: Int) -> Node {
        let node = nodes[slot]
        unlink(slot)
        freeSlots.append(slot)
        return node
    }

    mutating func setBytes(_ bytes: Int, of slot: Int) {
        nodes[slot].bytes = bytes
    }

    /// Links `slot`, whose `previous` is the current tail, at the tail.
    private mutating func link(_ slot: Int) {
        if tail == Self.none {
            head = slot
        } else {
            nodes[tail].next = slot
        }
        tail = slot
    }

    private mutating func unlink(_ slot: Int) {
        let previous = nodes[slot].previous
        let next = nodes[slot].next
        if previous == Self.none {
            head = next
        } else {
            nodes[previous].next = next
        }
        if next == Self.none {
            tail = previous
        } else {
            nodes[next].previous = previous
        }
    }
}
