import ScaleSim
import SimModels
import XCTest

final class SchemaMigrationTests: XCTestCase {
    private let parameters = MigrationParameters()
    private let start = SimTime.seconds(60)

    func testExpandContractLocksOnlyBriefly() {
        // Over ten million rows, the longest lock is one catalog-only DDL.
        let plan = SchemaMigration(strategy: .expandContract, tableRows: 10_000_000, start: start)
        XCTAssertEqual(plan.locks.count, 2)
        XCTAssertEqual(plan.maxLockDuration, parameters.ddlLockDuration)
        XCTAssertNil(plan.lockedUntil(at: plan.batch(0).start))
        XCTAssertEqual(plan.lockedUntil(at: start + .milliseconds(1)), start + parameters.ddlLockDuration)
    }

    func testLockingRewriteLocksForRowsTimesCost() {
        // Ten million rows at 1.5 µs each: a 15 s ACCESS EXCLUSIVE lock.
        let plan = SchemaMigration(strategy: .lockingRewrite, tableRows: 10_000_000, start: start)
        XCTAssertEqual(plan.maxLockDuration, .seconds(15))
        XCTAssertEqual(plan.lockedUntil(at: start + .seconds(7)), start + .seconds(15))
        XCTAssertNil(plan.lockedUntil(at: start + .seconds(15)))
        XCTAssertEqual(plan.phase(at: start + .seconds(7)), .rewrite)
        XCTAssertEqual(plan.writeMultiplier(at: start + .seconds(7)), 1)
    }

    func testPhasesFollowInOrder() {
        // Phase starts increase and sampling the timeline never steps back a phase.
        let plan = SchemaMigration(strategy: .expandContract, tableRows: 1_000_000, start: start)
        let expected: [MigrationPhase] = [.expand, .dualWrites, .backfill, .validation, .readSwitch, .contract]
        XCTAssertEqual(plan.phaseStarts.map(\.phase), expected)
        for (earlier, later) in zip(plan.phaseStarts, plan.phaseStarts.dropFirst()) {
            XCTAssertLessThan(earlier.start, later.start, "\(earlier.phase) before \(later.phase)")
        }
        for entry in plan.phaseStarts {
            XCTAssertEqual(plan.phase(at: entry.start), entry.phase)
        }

        var previous = MigrationPhase.pending
        var time = SimTime.zero
        while time < plan.end + .seconds(2) {
            let phase = plan.phase(at: time)
            XCTAssertGreaterThanOrEqual(phase, previous, "at \(time)")
            previous = phase
            time += .seconds(1)
        }
        XCTAssertEqual(plan.phase(at: plan.end), .done)
        XCTAssertEqual(plan.phase(at: start - .seconds(1)), .pending)
    }

    func testDualWritesDoubleTheWrites() {
        let plan = SchemaMigration(strategy: .expandContract, tableRows: 1_000_000, start: start)
        XCTAssertEqual(plan.writeMultiplier(at: start - .seconds(1)), 1)
        XCTAssertEqual(plan.writeMultiplier(at: start), 1)
        XCTAssertEqual(plan.writeMultiplier(at: plan.batch(3).start), 2)
        XCTAssertEqual(plan.writeMultiplier(at: plan.end - .milliseconds(1)), 1)
        XCTAssertEqual(plan.writeMultiplier(at: plan.end), 1)
    }

    func testBackfillBatchesCoverTheTable() {
        // 12,345 rows in batches of 5,000: two full batches and one of 2,345.
        let plan = SchemaMigration(strategy: .expandContract, tableRows: 12_345, start: start)
        XCTAssertEqual(plan.batchCount, 3)
        let batches = (0..<plan.batchCount).map { plan.batch($0) }
        XCTAssertEqual(batches.map(\.rows), [5_000, 5_000, 2_345])
        XCTAssertEqual(batches[2].cost, parameters.backfillPerRowCost * 2_345)
        for (earlier, later) in zip(batches, batches.dropFirst()) {
            XCTAssertGreaterThanOrEqual(later.start, earlier.start + earlier.cost)
        }
        XCTAssertEqual(plan.batches(startingIn: SimTime.zero..<plan.end), 0..<3)
        XCTAssertEqual(plan.batches(startingIn: batches[1].start..<batches[2].start), 1..<2)
        XCTAssertEqual(plan.batches(startingIn: SimTime.zero..<batches[0].start), 0..<0)
    }

    func testValidationReadsEveryRow() {
        let plan = SchemaMigration(strategy: .expandContract, tableRows: 1_000_000, start: start)
        XCTAssertEqual(plan.validation?.rows, 1_000_000)
        XCTAssertEqual(plan.validation?.cost, .milliseconds(200))
    }

    func testConcurrentIndexBuildHoldsOneCore() {
        // Ten million rows at 0.5 µs, times 2.5 for the two passes: 12.5 s on one core.
        let build = IndexBuild(rows: 10_000_000, start: start)
        XCTAssertEqual(build.duration, .seconds(12.5))
        XCTAssertEqual(build.end, start + .seconds(12.5))
        XCTAssertEqual(build.coresHeld(at: start + .seconds(1)), 1)
        XCTAssertEqual(build.coresHeld(at: build.end), 0)
        XCTAssertNil(build.writesBlockedUntil(at: start + .seconds(1)))
    }

    func testPlainIndexBuildBlocksWrites() {
        let build = IndexBuild(rows: 10_000_000, start: start, concurrently: false)
        XCTAssertEqual(build.duration, .seconds(5))
        XCTAssertEqual(build.writesBlockedUntil(at: start + .seconds(1)), start + .seconds(5))
        XCTAssertNil(build.writesBlockedUntil(at: build.end))
    }
}
