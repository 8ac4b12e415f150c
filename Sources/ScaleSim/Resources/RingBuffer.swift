/// A first-in, first-out deque on a circular array whose capacity is a power of two.
///
/// The storage doubles when full and never shrinks, so once it has grown to the peak length,
/// `append` and `popFirst` allocate nothing. Removed slots are cleared at once, so the buffer
/// keeps no reference to an element it no longer contains.
///
/// - Complexity: `append` is amortized O(1); `popFirst`, `removeFirst`, `first` and the
///   subscript are O(1).
public struct RingBuffer<Element> {
    @usableFromInline var storage: ContiguousArray<Element?>
    /// Index in `storage` of the front element; 0 when the storage is empty.
    @usableFromInline var head: Int = 0
    @usableFromInline var storedCount: Int = 0

    public init() {
        storage = []
    }

    /// Creates an empty buffer with room for at least `minimumCapacity` elements.
    public init(minimumCapacity: Int) {
        precondition(minimumCapacity >= 0, "minimumCapacity must not be negative, got \(minimumCapacity)")
        storage = []
        if minimumCapacity > 0 {
            resize(to: RingBuffer.powerOfTwo(atLeast: minimumCapacity))
        }
    }

    /// The number of elements.
    @inlinable
    public var count: Int { storedCount }

    @inlinable
    public var isEmpty: Bool { storedCount == 0 }

    /// The number of elements the buffer can hold before it grows.
    @inlinable
    public var capacity: Int { storage.count }

    /// The front element, or nil when the buffer is empty.
    @inlinable
    public var first: Element? {
        storedCount == 0 ? nil : storage[head]
    }

    /// Accesses the element `offset` places behind the front; offset 0 is `first`.
    ///
    /// - Precondition: `0 <= offset < count`.
    @inlinable
    public subscript(offset: Int) -> Element {
        get {
            precondition(offset >= 0 && offset < storedCount, "offset \(offset) outside 0..<\(storedCount)")
            guard let element = storage[(head + offset) & (storage.count - 1)] else {
                preconditionFailure("ring buffer slot \(offset) is empty while count is \(storedCount)")
            }
            return element
        }
        set {
            precondition(offset >= 0 && offset < storedCount, "offset \(offset) outside 0..<\(storedCount)")
            storage[(head + offset) & (storage.count - 1)] = newValue
        }
    }

    /// Adds `element` at the back.
    @inlinable
    public mutating func append(_ element: Element) {
        if storedCount == storage.count {
            resize(to: Swift.max(8, storage.count * 2))
        }
        storage[(head + storedCount) & (storage.count - 1)] = element
        storedCount += 1
    }

    /// Removes and returns the front element, or nil when the buffer is empty.
    @inlinable
    public mutating func popFirst() -> Element? {
        guard storedCount > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) & (storage.count - 1)
        storedCount -= 1
        return element
    }

    /// Removes and returns the front element.
    ///
    /// - Precondition: the buffer is not empty.
    @inlinable
    @discardableResult
    public mutating func removeFirst() -> Element {
        guard let element = popFirst() else { preconditionFailure("removeFirst() on an empty ring buffer") }
        return element
    }

    /// Removes every element and keeps the storage for reuse.
    public mutating func removeAll() {
        while popFirst() != nil {}
        head = 0
    }

    /// Moves the elements, front first, into new storage of `newCapacity` slots.
    @usableFromInline
    mutating func resize(to newCapacity: Int) {
        var newStorage = ContiguousArray<Element?>(repeating: nil, count: newCapacity)
        for offset in 0..<storedCount {
            newStorage[offset] = storage[(head + offset) & (storage.count - 1)]
        }
        storage = newStorage
        head = 0
    }

    static func powerOfTwo(atLeast minimum: Int) -> Int {
        var capacity = 8
        while capacity < minimum { capacity *= 2 }
        return capacity
    }
}

extension RingBuffer: Sequence {
    /// Iterates the elements from front to back.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let buffer: RingBuffer
        @usableFromInline var offset = 0

        @inlinable
        init(buffer: RingBuffer) {
            self.buffer = buffer
        }

        @inlinable
        public mutating func next() -> Element? {
            guard offset < buffer.storedCount else { return nil }
            defer { offset += 1 }
            return buffer[offset]
        }
    }

    @inlinable
    public func makeIterator() -> Iterator {
        Iterator(buffer: self)
    }

    @inlinable
    public var underestimatedCount: Int { storedCount }
}

extension RingBuffer: Sendable where Element: Sendable {}

extension RingBuffer {
    /// Checks the capacity, the head and which slots are occupied; traps with the offending values.
    ///
    /// Tests call it after every mutation. It is O(capacity), so the hot path never does.
    public func checkInvariants() {
        let capacity = storage.count
        precondition(capacity == 0 || capacity & (capacity - 1) == 0, "capacity \(capacity) is not a power of two")
        precondition(storedCount >= 0 && storedCount <= capacity, "count \(storedCount) outside 0...\(capacity)")
        precondition(head >= 0 && (head < capacity || (capacity == 0 && head == 0)),
                     "head \(head) outside the storage of \(capacity) slots")
        for index in 0..<capacity {
            let offset = (index - head + capacity) & (capacity - 1)
            let isLive = offset < storedCount
            precondition(isLive == (storage[index] != nil),
                         "slot \(index) is \(storage[index] == nil ? "empty" : "occupied") at offset \(offset) with count \(storedCount)")
        }
    }
}
