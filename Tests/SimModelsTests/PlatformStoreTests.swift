import ScaleSim
import SimModels
import XCTest

/// The store features inside runs: the response cache's spend, partitions and migrations.
final class PlatformStoreTests: XCTestCase {
    private typealias Support = PlatformTestSupport

    /// Returns a trace of 300 chat turns, one every 2 s. Every third repeats one of 11 prompts,
    /// and the rest are unique. Its arrivals and tokens are fixed, so two runs offer exactly the same
    /// LLM calls.
    private func repeatingTrace() -> TraceSpec {
        let records = (0..<300).map { index -> TraceRecord in
            let prompt: UInt32 = index % 3 == 0 ? UInt32(index % 11 + 1) : UInt32(100_000 + index)
            return TraceRecord(offset: .seconds(Double(2 * index)), inputTokens: 800 + index * 37 % 600,
                               outputTokens: 150 + index * 53 % 200, prefixHashes: [prompt])
        }
        return TraceSpec(name: "repeating", records: records, span: .minutes(10), customersPerCopy: 50, loop: false)
    }

    func testCacheNeverRaisesSpend() {
        // No warm-up and a run twice the trace's span: every call of both runs is counted, so
        // the cached run's spend is the other's minus the calls it served from the cache.
        var scenario = Support.scenario(.stage3, customers: 50, minutes: 20, warmupMinutes: 0)
        scenario.workload.trace = repeatingTrace()
        let uncached = Support.run(scenario)
        scenario.architecture.responseCache = ArchitecturePreset.stage4.architecture.responseCache
        let cached = Support.run(scenario)

        let hits = Support.value(cached, "cache.hits")
        XCTAssertGreaterThan(hits, 0)
        XCTAssertEqual(Support.value(cached, "llm.requests"), Support.value(uncached, "llm.requests") - hits)
        XCTAssertLessThan(Support.value(cached, "llm.spend_dollars"), Support.value(uncached, "llm.spend_dollars"))
    }

    func testCacheLowersSpendOnSessions() {
        // The synthetic workload, where the cache also speeds sessions up: over three seeds the
        // spend per chat turn offered never rises.
        for seed: UInt64 in 1...3 {
            var scenario = Support.scenario(.stage3, customers: 200)
            let plain = Support.run(scenario, seed: seed)
            scenario.architecture.responseCache = ArchitecturePreset.stage4.architecture.responseCache
            let cached = Support.run(scenario, seed: seed)
            let plainPerTurn = Support.value(plain, "llm.spend_dollars") / Support.value(plain, "chat.count")
            let cachedPerTurn = Support.value(cached, "llm.spend_dollars") / Support.value(cached, "chat.count")
            XCTAssertLessThanOrEqual(cachedPerTurn, plainPerTurn, "seed \(seed)")
        }
    }

    func testPartitionsPruneAnalytics() {
        // Without indexes a 90-day aggregate scans usage events. Partitions cut the scan to the
        // last three or four months, which hold most but not all rows of a growing platform.
        var scenario = Support.scenario(.stage4, customers: 50)
        scenario.architecture.indexes = false
        scenario.run.month = 12
        let partitioned = Support.value(Support.run(scenario), "analytics.mean_ms")
        scenario.architecture.partitions = nil
        let plain = Support.value(Support.run(scenario), "analytics.mean_ms")
        XCTAssertLessThan(partitioned, plain)
    }

    func testMissingPartitionFailsInserts() {
        var scenario = Support.scenario(.stage4, customers: 100)
        scenario.architecture.partitions = PartitionSpec(creationJobRuns: false)
        let noBoundary = Support.run(scenario)
        XCTAssertEqual(Support.value(noBoundary, "chat.failures.missing_partition"), 0)

        scenario.run.nextMonthBoundary = .minutes(10)
        let broken = Support.run(scenario)
        XCTAssertGreaterThan(Support.value(broken, "chat.failures.missing_partition"), 0)

        scenario.architecture.partitions = PartitionSpec(creationJobRuns: true)
        let created = Support.run(scenario)
        XCTAssertEqual(Support.value(created, "chat.failures.missing_partition"), 0)
    }

    /// Runs stage 2 with `migration` starting at minute 3 of a 2-minute warm-up and 20-minute run.
    private func migrationRun(_ migration: MigrationScenario, month: Double) -> PlatformReplication {
        var scenario = Support.scenario(.stage2, customers: 200, minutes: 20, warmupMinutes: 2)
        scenario.run.month = month
        scenario.parameters.migration = migration
        return Support.run(scenario)
    }

    func testExpandContractHasNoDowntime() {
        // Month 4: about 2.3M messages, so the backfill's batches and both deploy gaps end
        // within the run.
        let result = migrationRun(.schemaMigration(strategy: .expandContract, table: .messages, start: .minutes(3)), month: 4)
        XCTAssertLessThan(Support.value(result, "migration.end_s"), 22 * 60)
        XCTAssertGreaterThan(Support.value(result, "migration.background_statements"), 100)
        XCTAssertEqual(Support.value(result, "chat.failed"), 0)
        XCTAssertEqual(Support.value(result, "listing.failed"), 0)
        for phase in ["dual_writes", "backfill", "after"] {
            XCTAssertGreaterThan(Support.value(result, "migration.phase_\(phase).chat_completed"), 0, phase)
        }
    }

    func testLockingRewriteHasDowntime() {
        // Month 12: about 33M messages, a rewrite of about 49 s, longer than the 30 s lock
        // wait timeout: turns that reach the table in the lock's first seconds fail.
        let result = migrationRun(.schemaMigration(strategy: .lockingRewrite, table: .messages, start: .minutes(3)), month: 12)
        XCTAssertGreaterThan(Support.value(result, "migration.lock_s"), 30)
        XCTAssertGreaterThan(Support.value(result, "chat.failures.table_locked"), 0)
        let before = Support.value(result, "migration.phase_before.listing_p95_ms")
        let during = Support.value(result, "migration.phase_rewrite.listing_p95_ms")
        XCTAssertGreaterThan(during, 100 * before)
    }

    func testPlainIndexBuildBlocksOnlyWrites() {
        let plain = migrationRun(.indexBuild(concurrently: false, start: .minutes(3)), month: 12)
        let concurrent = migrationRun(.indexBuild(concurrently: true, start: .minutes(3)), month: 12)
        XCTAssertGreaterThan(Support.value(plain, "migration.lock_s"), 0)
        XCTAssertEqual(Support.value(concurrent, "migration.lock_s"), 0)
        XCTAssertGreaterThan(Support.value(plain, "migration.phase_index_build.chat_p95_ms"),
                             Support.value(concurrent, "migration.phase_index_build_concurrently.chat_p95_ms"))
        XCTAssertEqual(Support.value(concurrent, "chat.failed"), 0)
    }
}
