import ScaleSim
import XCTest

final class ConfidenceIntervalTests: XCTestCase {
    // For 2, 4, 6, 8, 10: mean 6, s = sqrt(10), t(0.975, 4) = 2.776445105, so the half width is
    // 2.776445105 * sqrt(10) / sqrt(5) = 2.776445105 * sqrt(2).
    func testStudentTHalfWidth() throws {
        let interval = try XCTUnwrap(ConfidenceInterval.studentT([2, 4, 6, 8, 10]))
        XCTAssertEqual(interval.mean, 6)
        XCTAssertEqual(interval.halfWidth, 2.776445105197794 * 2.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(interval.count, 5)
        XCTAssertEqual(interval.level, 0.95)
    }

    func testStudentTNeedsTwoValues() {
        XCTAssertNil(ConfidenceInterval.studentT([]))
        XCTAssertNil(ConfidenceInterval.studentT([3.5]))
    }

    func testStudentTFromMomentsMatchesValues() {
        let values = [1.5, 2.25, 9, 4, 4.5, 7]
        var moments = RunningMoments()
        for value in values {
            moments.record(value)
        }
        XCTAssertEqual(
            ConfidenceInterval.studentT(moments, level: 0.9),
            ConfidenceInterval.studentT(values, level: 0.9))
    }

    func testIdenticalValuesHaveZeroWidth() throws {
        let interval = try XCTUnwrap(ConfidenceInterval.studentT([4, 4, 4]))
        XCTAssertEqual(interval.halfWidth, 0)
        XCTAssertTrue(interval.contains(4))
    }

    func testContainsBounds() {
        let interval = ConfidenceInterval(mean: 10, halfWidth: 2, count: 8, level: 0.95)
        XCTAssertTrue(interval.contains(8))
        XCTAssertTrue(interval.contains(12))
        XCTAssertFalse(interval.contains(12.001))
        XCTAssertFalse(interval.contains(7.999))
        XCTAssertEqual(interval.lowerBound, 8)
        XCTAssertEqual(interval.upperBound, 12)
    }

    func testRelativeHalfWidth() {
        let interval = ConfidenceInterval(mean: -20, halfWidth: 1, count: 8, level: 0.95)
        XCTAssertEqual(interval.relativeHalfWidth, 0.05)
        let centered = ConfidenceInterval(mean: 0, halfWidth: 1, count: 8, level: 0.95)
        XCTAssertNil(centered.relativeHalfWidth)
    }

    func testBonferroniLevel() {
        XCTAssertEqual(
            ConfidenceInterval.level(forFamilyLevel: 0.95, comparisons: 10), 0.995, accuracy: 1e-15)
        XCTAssertEqual(
            ConfidenceInterval.level(forFamilyLevel: 0.95, comparisons: 1), 0.95, accuracy: 1e-15)
    }

    // Coverage over 2,000 experiments of 10 normal draws: the count inside a 95% interval is
    // binomial(2000, 0.95), mean 1900, sd 9.7, so 1860...1940 is a four-sigma band.
    func testCoverageOfNormalMean() {
        var random = Xoshiro256StarStar(seed: 11)
        var covered = 0
        for _ in 0..<2_000 {
            let values = (0..<10).map { _ in
                5 + 3 * StandardNormal.quantile(random.nextOpenUnit())
            }
            if ConfidenceInterval.studentT(values)?.contains(5) == true { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(covered, 1_860)
        XCTAssertLessThanOrEqual(covered, 1_940)
    }

    func testSummaryKeepsFirstRecordedOrder() {
        var summary = ReplicationSummary()
        for replication in 0..<3 {
            summary.record(Double(replication), for: "zeta")
            summary.record(10 + Double(replication), for: "alpha")
        }
        summary.record(1, for: "mu")
        XCTAssertEqual(summary.names, ["zeta", "alpha", "mu"])
        XCTAssertEqual(summary.rows().map(\.name), ["zeta", "alpha", "mu"])
        XCTAssertEqual(summary.values(for: "alpha"), [10, 11, 12])
        XCTAssertNil(summary.values(for: "missing"))
    }

    func testSummaryRowMatchesInterval() throws {
        var summary = ReplicationSummary()
        let values = [3.0, 5, 4, 6]
        for value in values {
            summary.record(value, for: "latency.p99")
        }
        let row = try XCTUnwrap(summary.row(for: "latency.p99", level: 0.99))
        XCTAssertEqual(row.count, 4)
        XCTAssertEqual(row.mean, 4.5)
        XCTAssertEqual(row.interval, ConfidenceInterval.studentT(values, level: 0.99))
    }

    func testSummarySingleReplicationHasNoInterval() throws {
        var summary = ReplicationSummary()
        summary.record(7, for: "throughput")
        let row = try XCTUnwrap(summary.rows().first)
        XCTAssertEqual(row.mean, 7)
        XCTAssertNil(row.interval)
    }
}
