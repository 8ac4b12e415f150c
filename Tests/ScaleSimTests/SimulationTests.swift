import XCTest
import ScaleSim

/// A model that records when each event fired and reschedules some of them.
private struct RecordingModel: SimulationModel {
    enum Event { case tick(Int), stop }

    var fired: [(time: SimTime, value: Int)] = []
    var lastTime = SimTime.zero
    var wentBackwards = false

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        if scheduler.now < lastTime { wentBackwards = true }
        lastTime = scheduler.now
        switch event {
        case .tick(let value):
            fired.append((scheduler.now, value))
            if value < 100 {
                scheduler.schedule(.tick(value + 1), after: .milliseconds(Double(value % 7)))
            }
        case .stop:
            scheduler.stop()
        }
    }
}

final class SimulationTests: XCTestCase {
    func testClockNeverGoesBackwards() {
        var simulation = Simulation(model: RecordingModel())
        simulation.schedule(.tick(0), at: .zero)
        simulation.schedule(.tick(50), at: .seconds(0.001))
        simulation.run(until: .seconds(10))
        XCTAssertFalse(simulation.model.wentBackwards)
        XCTAssertEqual(simulation.now, .seconds(10))
    }

    func testRunStopsAtEndTime() {
        var simulation = Simulation(model: RecordingModel())
        simulation.schedule(.tick(0), at: .zero)
        let handled = simulation.run(until: .seconds(0.020))
        XCTAssertEqual(handled, simulation.model.fired.count)
        XCTAssertTrue(simulation.model.fired.allSatisfy { $0.time <= .seconds(0.020) })
        XCTAssertEqual(simulation.now, .seconds(Double(20) / 1000))
    }

    func testStopEndsRunEarly() {
        var simulation = Simulation(model: RecordingModel())
        simulation.schedule(.tick(0), at: .zero)
        simulation.schedule(.stop, at: .seconds(0.005))
        simulation.run(until: .seconds(10))
        XCTAssertTrue(simulation.scheduler.wasStopped)
        XCTAssertEqual(simulation.now, .seconds(Double(5) / 1000))
    }

    func testScheduleAfterClampsNegativeDelay() {
        var scheduler = Scheduler<Int>()
        scheduler.schedule(1, after: SimDuration(nanoseconds: -5))
        XCTAssertEqual(scheduler.pendingCount, 1)
    }
}

final class SimTimeTests: XCTestCase {
    /// Integer nanoseconds do not drift: a million 0.1 s steps are exactly 100,000 s.
    func testRepeatedAdditionIsExact() {
        var time = SimTime.zero
        let step = SimDuration.seconds(0.1)
        for _ in 0..<1_000_000 {
            time += step
        }
        XCTAssertEqual(time.nanoseconds, 100_000_000_000_000)
    }

    func testSecondsRoundToNearestNanosecond() {
        XCTAssertEqual(SimDuration.seconds(1.5e-9).nanoseconds, 2)
        XCTAssertEqual(SimDuration.seconds(0.4e-9).nanoseconds, 0)
        XCTAssertEqual(SimDuration.milliseconds(2.5).nanoseconds, 2_500_000)
    }

    func testNegativeAndNaNBecomeZero() {
        XCTAssertEqual(SimDuration.seconds(-3), .zero)
        XCTAssertEqual(SimDuration.seconds(.nan), .zero)
        XCTAssertEqual(SimDuration.seconds(.infinity), .infinity)
    }

    func testArithmetic() {
        let start = SimTime.seconds(2)
        let later = start + .milliseconds(500)
        XCTAssertEqual((later - start).nanoseconds, 500_000_000)
        XCTAssertEqual(later.seconds, 2.5)
    }
}
