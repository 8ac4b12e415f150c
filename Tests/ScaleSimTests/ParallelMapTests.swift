import XCTest
import ScaleSim

final class ParallelMapTests: XCTestCase {
    func testResultsInCaseOrderForAnyThreadCount() {
        let serial = parallelMap(count: 37, jobs: 1) { index -> UInt64 in
            var rng = RandomStreams(seed: 5).stream("case", index: UInt64(index))
            return rng.next()
        }
        for jobs in [2, 3, 8] {
            let parallel = parallelMap(count: 37, jobs: jobs) { index -> UInt64 in
                var rng = RandomStreams(seed: 5).stream("case", index: UInt64(index))
                return rng.next()
            }
            XCTAssertEqual(parallel, serial)
        }
    }

    func testEmpty() {
        XCTAssertEqual(parallelMap(count: 0, jobs: 4) { $0 }, [])
    }
}
