/// The pending events of a run, in a total order: time first, then insertion order.
///
/// A binary min-heap of plain structs, indexed so that any pending event can be removed. Each
/// event takes a slot in a side table that records its heap position. Slots are recycled through
/// a free list, so once the arrays have grown to the peak number of pending events, scheduling and
/// popping allocate nothing.
///
/// - Complexity: `schedule`, `popNext` and `cancel` are O(log n) for n pending events;
///   `peekTime` is O(1).
public struct EventList<Event> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var slot: Int32
        @usableFromInline var event: Event

        @inlinable
        init(time: Int64, sequence: UInt64, slot: Int32, event: Event) {
            self.time = time
            self.sequence = sequence
            self.slot = slot
            self.event = event
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var heap: [Entry] = []
    /// Heap position of the event in each slot. A free slot contains a negative link instead:
    /// `-2 - next` for the next free slot, or -1 at the end of the free list.
    @usableFromInline var positions: [Int32] = []
    @usableFromInline var generations: [UInt32] = []
    /// The first free slot, or -1 when every slot is taken.
    @usableFromInline var firstFreeSlot: Int32 = -1
    @usableFromInline var nextSequence: UInt64 = 0

    public init() {}

    /// The number of pending events.
    @inlinable
    public var count: Int { heap.count }

    @inlinable
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the next event, or nil when none is pending.
    @inlinable
    public var peekTime: SimTime? {
        heap.isEmpty ? nil : SimTime(nanoseconds: heap[0].time)
    }

    /// Adds `event` at `time`; among events at the same time it fires after those added earlier.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: SimTime) -> EventHandle {
        let slot = takeSlot()
        let entry = Entry(time: time.nanoseconds, sequence: nextSequence, slot: slot, event: event)
        nextSequence &+= 1
        heap.append(entry)
        siftUp(entry, into: heap.count - 1)
        return EventHandle(slot: slot, generation: generations[Int(slot)])
    }

    /// Removes and returns the earliest event, or nil when none is pending.
    @inlinable
    public mutating func popNext() -> (time: SimTime, event: Event)? {
        guard !heap.isEmpty else { return nil }
        let first = heap[0]
        removeEntry(at: 0)
        return (SimTime(nanoseconds: first.time), first.event)
    }

    /// Removes and returns the earliest event.
    ///
    /// - Precondition: an event is pending.
    @inlinable
    public mutating func removeNext() -> (time: SimTime, event: Event) {
        guard let next = popNext() else { preconditionFailure("removeNext() on an empty event list") }
        return next
    }

    /// Removes a pending event; returns false when it already fired or was cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot >= 0, slot < positions.count, generations[slot] == handle.generation else { return false }
        let position = Int(positions[slot])
        guard position >= 0 else { return false }
        removeEntry(at: position)
        return true
    }

    /// Returns whether the event behind `handle` is still pending.
    @inlinable
    public func isPending(_ handle: EventHandle) -> Bool {
        let slot = Int(handle.slot)
        guard slot >= 0, slot < positions.count else { return false }
        return generations[slot] == handle.generation && positions[slot] >= 0
    }

    // MARK: - Heap mechanics
    //
    // The loops below run once or more per event, so they work on unsafe buffer pointers: that
    // drops the uniqueness check and bounds check of every array access. Indices stay in range
    // because each one is checked against `heap.count` or comes from `positions`, which the
    // invariants keep in step with the heap.

    @inlinable
    mutating func takeSlot() -> Int32 {
        let slot = firstFreeSlot
        guard slot >= 0 else {
            positions.append(-1)
            generations.append(0)
            return Int32(positions.count - 1)
        }
        firstFreeSlot = -2 - positions[Int(slot)]
        return slot
    }

    @inlinable
    mutating func releaseSlot(_ slot: Int32) {
        positions[Int(slot)] = -2 - firstFreeSlot
        generations[Int(slot)] &+= 1
        firstFreeSlot = slot
    }

    @inlinable
    mutating func removeEntry(at position: Int) {
        releaseSlot(heap[position].slot)
        let last = heap.removeLast()
        guard position < heap.count else { return }
        if position > 0 && last.precedes(heap[(position - 1) / 2]) {
            siftUp(last, into: position)
        } else {
            siftDown(last, into: position)
        }
    }

    /// Moves `moving` up from the hole at `start` until its parent precedes it, then stores it.
    @inlinable
    mutating func siftUp(_ moving: Entry, into start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            positions.withUnsafeMutableBufferPointer { positions in
                var child = start
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard moving.precedes(heap[parent]) else { break }
                    heap[child] = heap[parent]
                    positions[Int(heap[child].slot)] = Int32(child)
                    child = parent
                }
                heap[child] = moving
                positions[Int(moving.slot)] = Int32(child)
            }
        }
    }

    /// Moves `moving` down from the hole at `start` until no child precedes it, then stores it.
    @inlinable
    mutating func siftDown(_ moving: Entry, into start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            positions.withUnsafeMutableBufferPointer { positions in
                let count = heap.count
                var parent = start
                while true {
                    var child = 2 * parent + 1
                    guard child < count else { break }
                    if child + 1 < count && heap[child + 1].precedes(heap[child]) {
                        child += 1
                    }
                    guard heap[child].precedes(moving) else { break }
                    heap[parent] = heap[child]
                    positions[Int(heap[parent].slot)] = Int32(parent)
                    parent = child
                }
                heap[parent] = moving
                positions[Int(moving.slot)] = Int32(parent)
            }
        }
    }
}
