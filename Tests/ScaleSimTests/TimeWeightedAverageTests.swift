import ScaleSim
import XCTest

final class TimeWeightedAverageTests: XCTestCase {
    // Value 2 for 1 s, then 5 for 3 s: (2 * 1 + 5 * 3) / 4 = 4.25.
    func testAverageOfSteps() {
        var queue = TimeWeightedAverage(value: 2, at: .zero)
        queue.record(5, at: .seconds(1))
        XCTAssertEqual(queue.average(at: .seconds(4)), 4.25)
        XCTAssertEqual(queue.maximum, 5)
        XCTAssertEqual(queue.value, 5)
    }

    func testAddChangesByDelta() {
        var busy = TimeWeightedAverage()
        busy.add(1, at: .seconds(1))
        busy.add(1, at: .seconds(2))
        busy.add(-2, at: .seconds(3))
        // 0 for 1 s, 1 for 1 s, 2 for 1 s, 0 for 1 s.
        XCTAssertEqual(busy.average(at: .seconds(4)), 0.75)
        XCTAssertEqual(busy.value, 0)
    }

    func testNoElapsedTimeGivesCurrentValue() {
        let level = TimeWeightedAverage(value: 3, at: .seconds(10))
        XCTAssertEqual(level.average(at: .seconds(10)), 3)
    }

    // Warm-up truncation: reset at the warm-up instant keeps the value but drops the history.
    func testResetDropsWarmup() {
        var queue = TimeWeightedAverage(value: 100, at: .zero)
        queue.record(4, at: .seconds(9))
        queue.reset(at: .seconds(10))
        queue.record(8, at: .seconds(12))
        // 4 for 2 s, then 8 for 2 s.
        XCTAssertEqual(queue.average(at: .seconds(14)), 6)
        XCTAssertEqual(queue.maximum, 8)
    }

    // 10^6 changes of one nanosecond each: integer time keeps the integral exact.
    func testManySmallStepsStayExact() {
        var level = TimeWeightedAverage()
        var time = SimTime.zero
        for step in 0..<1_000_000 {
            level.record(Double(step % 2), at: time)
            time += SimDuration(nanoseconds: 1)
        }
        XCTAssertEqual(level.average(at: time), 0.5)
    }
}
