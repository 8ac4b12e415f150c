import Dispatch

/// Runs independent cases on up to `jobs` threads and returns their results in case order.
///
/// Each case must depend only on its index (its own seed and streams), so the result is the same
/// for any `jobs`: threads change when a case runs, never what it computes or where it lands.
public func parallelMap<Result>(count: Int, jobs: Int, _ body: (Int) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    let threads = max(1, min(jobs, count))
    if threads == 1 {
        return (0..<count).map(body)
    }
    var slots = [Result?](repeating: nil, count: count)
    slots.withUnsafeMutableBufferPointer { buffer in
        let base = buffer
        // Work is handed out in strides so that each thread takes cases index, index + threads, ...
        // Every slot is written by exactly one thread, so no lock is needed.
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var index = thread
            while index < count {
                base[index] = body(index)
                index += threads
            }
        }
    }
    return slots.map { $0! }
}
