extension EventList {
    /// Checks the heap order and the slot table; traps with the offending values on a breach.
    ///
    /// Tests call it after every mutation. It is O(n), so the hot path never does.
    public func checkInvariants() {
        for index in heap.indices {
            let entry = heap[index]
            precondition(positions[Int(entry.slot)] == Int32(index),
                         "slot \(entry.slot) records position \(positions[Int(entry.slot)]), entry sits at \(index)")
            if index > 0 {
                let parent = heap[(index - 1) / 2]
                precondition(!entry.precedes(parent),
                             "heap order broken at \(index): (\(entry.time), \(entry.sequence)) precedes parent (\(parent.time), \(parent.sequence))")
            }
        }
        let occupied = positions.filter { $0 >= 0 }.count
        precondition(occupied == heap.count, "\(occupied) occupied slots for \(heap.count) pending events")
    }
}
