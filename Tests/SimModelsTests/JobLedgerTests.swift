import ScaleSim
import SimModels
import XCTest

final class JobLedgerTests: XCTestCase {
    func testEmptyLedgerBalances() {
        XCTAssertNoThrow(try JobLedger().checkBalance())
    }

    func testJobLifecycleBalances() throws {
        var ledger = JobLedger()
        for _ in 0..<5 { ledger.enqueue() }
        for _ in 0..<4 { ledger.take() }
        ledger.complete()
        ledger.scheduleRetry()
        ledger.fail()
        ledger.crash(.lost)

        XCTAssertEqual(ledger.enqueued, 5)
        XCTAssertEqual(ledger.completed, 1)
        XCTAssertEqual(ledger.failed, 1)
        XCTAssertEqual(ledger.lost(to: .workerCrash), 1)
        XCTAssertEqual(ledger.waitingForRetry, 1)
        XCTAssertEqual(ledger.inQueue, 1)
        XCTAssertEqual(ledger.retried, 1)
        XCTAssertNoThrow(try ledger.checkBalance())
    }

    func testRetryReturnsJobToQueue() {
        var ledger = JobLedger()
        ledger.enqueue()
        ledger.take()
        ledger.scheduleRetry()

        ledger.retryDue()

        XCTAssertEqual(ledger.inQueue, 1)
        XCTAssertEqual(ledger.enqueued, 1)
        XCTAssertNoThrow(try ledger.checkBalance())
    }

    func testImmediateRetryStaysInFlight() {
        var ledger = JobLedger()
        ledger.enqueue()
        ledger.take()

        ledger.retryInPlace()

        XCTAssertEqual(ledger.inFlight, 1)
        XCTAssertEqual(ledger.retried, 1)
        XCTAssertNoThrow(try ledger.checkBalance())
    }

    func testReliableCrashRequeues() {
        var ledger = JobLedger()
        ledger.enqueue()
        ledger.take()

        ledger.crash(.requeue(after: .seconds(60)))
        XCTAssertEqual(ledger.awaitingRequeue, 1)
        XCTAssertNoThrow(try ledger.checkBalance())

        ledger.requeueAfterCrash()
        XCTAssertEqual(ledger.inQueue, 1)
        XCTAssertEqual(ledger.requeued, 1)
        XCTAssertEqual(ledger.lost, 0)
    }

    func testEvictionLosesQueuedJobs() {
        var ledger = JobLedger()
        for _ in 0..<6 { ledger.enqueue() }
        ledger.take()

        ledger.loseQueuedToEviction(5)

        XCTAssertEqual(ledger.lost(to: .redisEviction), 5)
        XCTAssertEqual(ledger.inQueue, 0)
        XCTAssertEqual(ledger.inFlight, 1)
        XCTAssertNoThrow(try ledger.checkBalance())
    }

    func testImbalanceIsReported() {
        let ledger = JobLedger(enqueued: 10, completed: 5, failed: 1, lostToWorkerCrash: 0, lostToRedisEviction: 0,
                               inQueue: 2, inFlight: 1, waitingForRetry: 0, awaitingRequeue: 0)

        XCTAssertThrowsError(try ledger.checkBalance()) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("enqueued 10 != 9"), message)
        }
    }

    func testRandomMovesStayBalanced() throws {
        // Any sequence of legal moves, driven by the crash model, keeps the ledger balanced.
        var rng = Xoshiro256StarStar(seed: 3)
        let crashes = WorkerCrashModel(crashProbabilityPerJob: 0.2, reliablePop: false, visibilityTimeout: .seconds(60))
        var ledger = JobLedger()
        for _ in 0..<10_000 {
            switch rng.next() % 6 {
            case 0, 1: ledger.enqueue()
            case 2: if ledger.inQueue > 0 { ledger.take() }
            case 3:
                guard ledger.inFlight > 0 else { break }
                let outcome = crashes.draw(using: &rng)
                if outcome == .none { ledger.complete() } else { ledger.crash(outcome) }
            case 4: if ledger.inFlight > 0 { ledger.scheduleRetry() }
            default: if ledger.waitingForRetry > 0 { ledger.retryDue() }
            }
        }

        XCTAssertNoThrow(try ledger.checkBalance())
        XCTAssertGreaterThan(ledger.lost, 0)
    }
}
