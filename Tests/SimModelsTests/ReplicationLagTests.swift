import Foundation
import ScaleSim
import SimModels
import XCTest

final class ReplicationLagTests: XCTestCase {
    private let shipDelay = SimDuration.milliseconds(2)

    /// Records writes every `spacing` from time zero until `end`, each taking `applyTime`.
    private func replicaWithPeriodicWrites(spacing: SimDuration, applyTime: SimDuration,
                                           until end: SimTime) -> ReplicationLag {
        var replica = ReplicationLag(shipDelay: shipDelay)
        var commit = SimTime.zero
        while commit < end {
            _ = replica.recordWrite(at: commit, applyTime: applyTime)
            commit += spacing
        }
        return replica
    }

    func testNoWritesNoLag() {
        // Without writes the replica is never behind.
        let replica = ReplicationLag(shipDelay: shipDelay)
        let now = SimTime.seconds(60)
        XCTAssertEqual(replica.lag(at: now), .zero)
        XCTAssertEqual(replica.meanLag(at: now), .zero)
        XCTAssertEqual(replica.maxLag(at: now), .zero)
        XCTAssertEqual(replica.appliedPosition(at: now), 0)
        XCTAssertFalse(replica.isStale(lastWritePosition: 0, at: now))
    }

    func testLindleyRecursion() {
        // v(n) = max(c(n) + ship, v(n-1)) + apply.
        var replica = ReplicationLag(shipDelay: shipDelay)
        let first = replica.recordWrite(at: .zero, applyTime: .milliseconds(5))
        let second = replica.recordWrite(at: .seconds(0.001), applyTime: .milliseconds(5))
        let third = replica.recordWrite(at: .seconds(1), applyTime: .milliseconds(5))
        XCTAssertEqual(first.position, 1)
        XCTAssertEqual(first.visibleAt, .seconds(0.007))
        XCTAssertEqual(second.position, 2)
        XCTAssertEqual(second.visibleAt, .seconds(0.012))
        XCTAssertEqual(third.visibleAt, .seconds(1.007))
    }

    func testPeriodicLoadBelowOneIsBounded() {
        // Utilization 0.4: every write waits for no other, so lag never exceeds ship + apply.
        let apply = SimDuration.microseconds(40)
        let replica = replicaWithPeriodicWrites(spacing: .microseconds(100), applyTime: apply, until: .seconds(10))
        let end = SimTime.seconds(10)
        XCTAssertEqual(replica.maxLag(at: end), shipDelay + apply)
        XCTAssertLessThanOrEqual(replica.lag(at: end), shipDelay + apply)
        XCTAssertLessThanOrEqual(replica.meanLag(at: end), shipDelay + apply)
    }

    func testPoissonLoadBelowOneIsBounded() {
        // Utilization 0.5 with Poisson writes: the mean lag over 20 s stays near that over 2 s.
        var rng = RandomStreams(seed: 7).stream("test.replica.writes")
        var replica = ReplicationLag(shipDelay: shipDelay)
        let apply = SimDuration.microseconds(40)
        let rate = 0.5 / apply.seconds
        var commit = SimTime.zero
        var meanAtTwoSeconds = SimDuration.zero
        while commit < .seconds(20) {
            _ = replica.recordWrite(at: commit, applyTime: apply)
            commit += .seconds(-log(rng.nextOpenUnit()) / rate)
            if meanAtTwoSeconds == .zero, commit >= .seconds(2) {
                meanAtTwoSeconds = replica.meanLag(at: .seconds(2))
            }
        }
        let meanAtTwenty = replica.meanLag(at: .seconds(20))
        XCTAssertLessThan(meanAtTwenty, .milliseconds(3))
        XCTAssertLessThan(meanAtTwenty.seconds, meanAtTwoSeconds.seconds * 1.5)
        XCTAssertLessThan(replica.maxLag(at: .seconds(20)), .milliseconds(10))
    }

    func testOverloadLagGrowsLinearly() {
        // Apply time twice the write spacing: the replica replays half the writes, so at time t
        // the oldest pending write was committed near t/2 and the lag is about t/2.
        let shortRun = replicaWithPeriodicWrites(spacing: .microseconds(100), applyTime: .microseconds(200),
                                                 until: .seconds(10))
        let replica = replicaWithPeriodicWrites(spacing: .microseconds(100), applyTime: .microseconds(200),
                                                until: .seconds(20))
        let lagAtTen = shortRun.lag(at: .seconds(10)).seconds
        let lagAtTwenty = replica.lag(at: .seconds(20)).seconds
        XCTAssertEqual(lagAtTen, 5, accuracy: 0.01)
        XCTAssertEqual(lagAtTwenty, 10, accuracy: 0.01)
        XCTAssertEqual(replica.meanLag(at: .seconds(20)).seconds, 5, accuracy: 0.01)
        XCTAssertEqual(replica.backlog(at: .seconds(20)), 100_000, accuracy: 10)
    }

    func testReadAfterWriteIsStale() {
        // A read before the write is replayed misses it; a read at visibleAt sees it.
        var replica = ReplicationLag(shipDelay: shipDelay)
        let write = replica.recordWrite(at: .seconds(1), applyTime: .microseconds(40))
        XCTAssertTrue(replica.isStale(lastWritePosition: write.position, at: .seconds(1)))
        XCTAssertTrue(replica.isStale(lastWritePosition: write.position, at: write.visibleAt - .microseconds(1)))
        XCTAssertFalse(replica.isStale(lastWritePosition: write.position, at: write.visibleAt))
        XCTAssertEqual(replica.appliedPosition(at: write.visibleAt), write.position)
    }

    func testLagAfterPruning() {
        // Advancing past visible writes keeps the positions and the lag of the rest.
        var replica = ReplicationLag(shipDelay: shipDelay)
        _ = replica.recordWrite(at: .zero, applyTime: .milliseconds(1))
        let second = replica.recordWrite(at: .seconds(0.001), applyTime: .milliseconds(10))
        replica.advance(to: .seconds(0.005))
        XCTAssertEqual(replica.appliedPosition(at: .seconds(0.005)), 1)
        XCTAssertEqual(replica.lag(at: .seconds(0.005)), .milliseconds(4))
        XCTAssertEqual(replica.appliedPosition(at: second.visibleAt), 2)
        XCTAssertEqual(replica.lag(at: second.visibleAt), .zero)
    }

    func testResetForgetsHistory() {
        // After a reset the statistics cover only the time since.
        var replica = replicaWithPeriodicWrites(spacing: .microseconds(100), applyTime: .microseconds(200),
                                                until: .seconds(1))
        replica.resetStatistics(at: .seconds(10))
        XCTAssertEqual(replica.maxLag(at: .seconds(20)), .zero)
        XCTAssertEqual(replica.meanLag(at: .seconds(20)), .zero)
    }
}
