import XCTest
import ScaleSim

final class ConnectionPoolTests: XCTestCase {
    private func at(_ seconds: Double) -> SimTime { .seconds(seconds) }

    private func ticket(_ acquisition: PoolAcquisition, file: StaticString = #filePath, line: UInt = #line) -> PoolTicket? {
        guard case .queued(let ticket) = acquisition else {
            XCTFail("expected .queued, got \(acquisition)", file: file, line: line)
            return nil
        }
        return ticket
    }

    func testGrantUntilFull() {
        var pool = ConnectionPool<String>(capacity: 2)
        XCTAssertEqual(pool.acquire("a", at: at(0)), .granted)
        pool.checkInvariants()
        XCTAssertEqual(pool.acquire("b", at: at(0)), .granted)
        pool.checkInvariants()

        let third = pool.acquire("c", at: at(1))
        pool.checkInvariants()
        XCTAssertNotNil(ticket(third))
        XCTAssertEqual(pool.inUse, 2)
        XCTAssertEqual(pool.waiting, 1)
        XCTAssertEqual(pool.grantsImmediate, 2)
        XCTAssertEqual(pool.acquisitions, 3)
    }

    func testReleaseHandsOverFIFO() {
        var pool = ConnectionPool<String>(capacity: 1)
        _ = pool.acquire("a", at: at(0))
        pool.checkInvariants()
        let ticketB = ticket(pool.acquire("b", at: at(1)))
        pool.checkInvariants()
        let ticketC = ticket(pool.acquire("c", at: at(2)))
        pool.checkInvariants()

        let first = pool.release(at: at(3))
        pool.checkInvariants()
        XCTAssertEqual(first?.waiter, "b")
        XCTAssertEqual(first?.ticket, ticketB)
        XCTAssertEqual(first?.waitingSince, at(1))
        XCTAssertEqual(pool.inUse, 1)

        let second = pool.release(at: at(4))
        pool.checkInvariants()
        XCTAssertEqual(second?.waiter, "c")
        XCTAssertEqual(second?.ticket, ticketC)

        XCTAssertNil(pool.release(at: at(5)))
        pool.checkInvariants()
        XCTAssertEqual(pool.inUse, 0)
        XCTAssertEqual(pool.grantsAfterWait, 2)
        XCTAssertEqual(pool.releases, 3)
    }

    func testTimeoutAbandons() {
        var pool = ConnectionPool<String>(capacity: 1)
        _ = pool.acquire("a", at: at(0))
        pool.checkInvariants()
        guard let ticketB = ticket(pool.acquire("b", at: at(1))) else { return }
        pool.checkInvariants()

        XCTAssertEqual(pool.abandon(ticketB, at: at(2)), "b")
        pool.checkInvariants()
        XCTAssertEqual(pool.waiting, 0)
        XCTAssertEqual(pool.timeouts, 1)
        XCTAssertNil(pool.abandon(ticketB, at: at(3)))
        pool.checkInvariants()
        XCTAssertEqual(pool.timeouts, 1)
        XCTAssertNil(pool.release(at: at(4)))
        pool.checkInvariants()
        XCTAssertEqual(pool.inUse, 0)
    }

    func testAbandonedWaiterSkipped() {
        // The middle waiter of three abandons: the release after the first grant skips it.
        var pool = ConnectionPool<String>(capacity: 1)
        _ = pool.acquire("a", at: at(0))
        pool.checkInvariants()
        let tickets = ["b", "c", "d"].enumerated().compactMap { offset, name -> PoolTicket? in
            let acquisition = pool.acquire(name, at: at(Double(offset + 1)))
            pool.checkInvariants()
            return ticket(acquisition)
        }
        XCTAssertEqual(tickets.count, 3)
        guard tickets.count == 3 else { return }

        XCTAssertEqual(pool.abandon(tickets[1], at: at(5)), "c")
        pool.checkInvariants()
        XCTAssertEqual(pool.waiting, 2)
        XCTAssertEqual(pool.release(at: at(6))?.waiter, "b")
        pool.checkInvariants()
        XCTAssertEqual(pool.waiting, 1)
        let next = pool.release(at: at(7))
        pool.checkInvariants()
        XCTAssertEqual(next?.waiter, "d")
        XCTAssertEqual(next?.ticket, tickets[2])
        XCTAssertEqual(pool.waiting, 0)
    }

    func testGrantedWaiterTimeoutIgnored() {
        var pool = ConnectionPool<String>(capacity: 1)
        _ = pool.acquire("a", at: at(0))
        pool.checkInvariants()
        guard let ticketB = ticket(pool.acquire("b", at: at(1))) else { return }
        pool.checkInvariants()
        XCTAssertEqual(pool.release(at: at(2))?.waiter, "b")
        pool.checkInvariants()

        XCTAssertNil(pool.abandon(ticketB, at: at(3)))
        pool.checkInvariants()
        XCTAssertEqual(pool.timeouts, 0)
        XCTAssertEqual(pool.inUse, 1)
    }

    func testWaitersCapRejects() {
        var pool = ConnectionPool<Int>(capacity: 1, maxWaiters: 2)
        var outcomes: [PoolAcquisition] = []
        for id in 0..<5 {
            outcomes.append(pool.acquire(id, at: at(0)))
            pool.checkInvariants()
        }

        XCTAssertEqual(outcomes[0], .granted)
        XCTAssertNotNil(ticket(outcomes[1]))
        XCTAssertNotNil(ticket(outcomes[2]))
        XCTAssertEqual(outcomes[3], .rejected)
        XCTAssertEqual(outcomes[4], .rejected)
        XCTAssertEqual(pool.rejections, 2)
        XCTAssertEqual(pool.waiting, 2)

        // An abandonment frees a waiting place.
        guard let firstWaiter = ticket(outcomes[1]) else { return }
        XCTAssertEqual(pool.abandon(firstWaiter, at: at(1)), 1)
        pool.checkInvariants()
        XCTAssertNotNil(ticket(pool.acquire(5, at: at(1))))
        pool.checkInvariants()
    }

    func testSetCapacity() {
        var pool = ConnectionPool<Int>(capacity: 1)
        for id in 0..<4 {
            _ = pool.acquire(id, at: at(0))
            pool.checkInvariants()
        }

        let granted = pool.setCapacity(3, at: at(1))
        pool.checkInvariants()
        XCTAssertEqual(granted.map(\.waiter), [1, 2])
        XCTAssertEqual(pool.inUse, 3)
        XCTAssertEqual(pool.waiting, 1)

        XCTAssertTrue(pool.setCapacity(1, at: at(2)).isEmpty)
        pool.checkInvariants()
        XCTAssertNil(pool.release(at: at(3)))
        pool.checkInvariants()
        XCTAssertNil(pool.release(at: at(4)))
        pool.checkInvariants()
        XCTAssertEqual(pool.release(at: at(5))?.waiter, 3)
        pool.checkInvariants()
        XCTAssertEqual(pool.inUse, 1)
    }

    func testStatisticsOnHandSchedule() {
        // Capacity 2. In use: 1 on [0,1), 2 on [1,4), 1 on [4,6): 9 unit-seconds of 12.
        // Waiting: 1 on [2,3), 0 after its timeout at 3 s: 1 waiter-second.
        var pool = ConnectionPool<Int>(capacity: 2)
        _ = pool.acquire(0, at: at(0))
        pool.checkInvariants()
        _ = pool.acquire(1, at: at(1))
        pool.checkInvariants()
        let waiter = ticket(pool.acquire(2, at: at(2)))
        pool.checkInvariants()
        if let waiter {
            XCTAssertEqual(pool.abandon(waiter, at: at(3)), 2)
        }
        pool.checkInvariants()
        XCTAssertNil(pool.release(at: at(4)))
        pool.checkInvariants()

        XCTAssertEqual(pool.utilization(at: at(6)), 0.75)
        XCTAssertEqual(pool.meanInUse(at: at(6)), 1.5)
        XCTAssertEqual(pool.meanWaiting(at: at(6)), 1.0 / 6.0)
        XCTAssertEqual(pool.maxWaiting, 1)

        pool.resetStatistics(at: at(6))
        pool.checkInvariants()
        XCTAssertEqual(pool.acquisitions, 0)
        XCTAssertEqual(pool.maxWaiting, 0)
        XCTAssertEqual(pool.utilization(at: at(8)), 0.5)
    }

    func testTombstonesStayBounded() {
        // Many waiters time out behind a long holder. The live count stays right, and the FIFO
        // drops abandoned waiters once they reach the front.
        var pool = ConnectionPool<Int>(capacity: 1)
        _ = pool.acquire(-1, at: at(0))
        var tickets: [PoolTicket] = []
        for id in 0..<1_000 {
            if let queued = ticket(pool.acquire(id, at: at(Double(id)))) {
                tickets.append(queued)
            }
            if id >= 3 {
                XCTAssertEqual(pool.abandon(tickets[id - 3], at: at(Double(id))), id - 3)
            }
            pool.checkInvariants()
            XCTAssertLessThanOrEqual(pool.waiting, 3)
        }
        XCTAssertEqual(pool.timeouts, 997)
        XCTAssertEqual(pool.release(at: at(2_000))?.waiter, 997)
        pool.checkInvariants()
    }

    func testDocumentedModel() {
        // The example of docs/kernel.md: two connections, 1 s queries, a 2 s timeout. Five
        // requests at 0 s: two run at once, and two wait and get a connection at 1 s. The fifth
        // would get one at 2 s, the instant its timeout fires. The timeout was scheduled first,
        // so it fires first and the waiter abandons.
        var simulation = Simulation(model: PoolExampleModel())
        for id in 0..<5 {
            simulation.schedule(.request(id), at: .zero)
        }
        simulation.run(until: .seconds(10))
        let model = simulation.model
        model.pool.checkInvariants()

        XCTAssertEqual(model.pool.grantsImmediate, 2)
        XCTAssertEqual(model.pool.grantsAfterWait, 2)
        XCTAssertEqual(model.timedOut, 1)
        XCTAssertEqual(model.rejected, 0)
        XCTAssertEqual(model.pool.inUse, 0)
        XCTAssertEqual(model.pool.releases, 4)
    }
}

/// The pool example of docs/kernel.md.
private struct PoolExampleModel: SimulationModel {
    enum Event { case request(Int), queryDone(Int), timeout(PoolTicket) }

    var pool = ConnectionPool<Int>(capacity: 2)
    let queryTime = SimDuration.seconds(1)
    var rejected = 0
    var timedOut = 0

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .request(let id):
            switch pool.acquire(id, at: scheduler.now) {
            case .granted: scheduler.schedule(.queryDone(id), after: queryTime)
            case .queued(let ticket): scheduler.schedule(.timeout(ticket), after: .seconds(2))
            case .rejected: rejected += 1
            }
        case .queryDone:
            if let next = pool.release(at: scheduler.now) { scheduler.schedule(.queryDone(next.waiter), after: queryTime) }
        case .timeout(let ticket):
            if pool.abandon(ticket, at: scheduler.now) != nil { timedOut += 1 }
        }
    }
}
