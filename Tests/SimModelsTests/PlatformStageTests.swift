import ScaleSim
import SimModels
import XCTest

/// The walls each stage meets and the parts that move them, seen through short seeded runs.
final class PlatformStageTests: XCTestCase {
    private typealias Support = PlatformTestSupport

    func testStage1ListingGrowsWithRows() {
        // Without indexes, the N+1 listing scans messages once per conversation, so its latency
        // follows the table's size. Stage 2's indexed LATERAL listing reads a few index pages.
        var stage1: [Double] = []
        var stage2: [Double] = []
        for month in [0.5, 1, 2, 3] {
            var scenario = Support.scenario(.stage1, customers: 20)
            scenario.run.month = month
            stage1.append(Support.value(Support.run(scenario), "listing.p95_ms"))
            scenario.architecture = ArchitecturePreset.stage2.architecture
            stage2.append(Support.value(Support.run(scenario), "listing.p95_ms"))
        }
        for index in stage1.indices.dropFirst() {
            XCTAssertGreaterThan(stage1[index], stage1[index - 1], "stage 1 listing p95 by month: \(stage1)")
        }
        XCTAssertGreaterThan(stage1[stage1.count - 1], 10 * stage1[0])
        let flat = (stage2.max() ?? .nan) / (stage2.min() ?? .nan)
        XCTAssertLessThan(flat, 1.5, "stage 2 listing p95 by month: \(stage2)")
    }

    func testReplicaLowersPrimaryLoad() {
        var without = Support.scenario(.stage2, customers: 200)
        without.architecture.replicas.count = 0
        var with = without
        with.architecture.replicas = ReplicaSpec(count: 1, analyticsOnReplica: true, listingOnReplica: true,
                                                 readYourWrites: false)
        let primaryWithout = Support.value(Support.run(without), "resources.db_primary_cpu.utilization")
        let primaryWith = Support.value(Support.run(with), "resources.db_primary_cpu.utilization")
        XCTAssertLessThan(primaryWith, primaryWithout)
    }

    func testReplicaStaleReadsUnlessReadYourWrites() {
        // A listing refresh follows the reply's insert within the ship delay, so the replica has
        // not replayed it: the read is stale by log position, not by a drawn probability.
        var scenario = Support.scenario(.stage2, customers: 200)
        scenario.architecture.replicas = ReplicaSpec(count: 1, analyticsOnReplica: true, listingOnReplica: true,
                                                     readYourWrites: false)
        let plain = Support.run(scenario)
        XCTAssertGreaterThan(Support.value(plain, "database.stale_reads"), 0)
        XCTAssertLessThanOrEqual(Support.value(plain, "database.stale_reads"), Support.value(plain, "database.replica_reads"))
        XCTAssertEqual(Support.value(plain, "database.read_your_writes_redirects"), 0)

        scenario.architecture.replicas.readYourWrites = true
        let guarded = Support.run(scenario)
        XCTAssertEqual(Support.value(guarded, "database.stale_reads"), 0)
        XCTAssertGreaterThan(Support.value(guarded, "database.read_your_writes_redirects"), 0)
    }

    /// Returns the provider requests sent during the outage window (`llm.requests_during_incidents`), for
    /// a stage 3 run with an outage starting at minute 7 and lasting `outage`.
    private func outageLoad(outage: SimDuration, attempts: Int, backoff: BackoffPolicy) -> (requests: Double, failedJobs: Double) {
        var scenario = Support.scenario(.stage3, customers: 200)
        let start = SimTime.zero + .minutes(7)
        scenario.parameters.llm.incidents = [ProviderIncident(start: start, end: start + outage, kind: .outage)]
        scenario.architecture.queue?.maxAttempts = attempts
        scenario.architecture.queue?.backoff = backoff
        let result = Support.run(scenario)
        return (Support.value(result, "llm.requests_during_incidents"), Support.value(result, "jobs.failed"))
    }

    func testImmediateRetriesMultiplyOutageLoad() {
        // Load here is the provider requests sent during the outage. In a 10-minute outage
        // every attempt fails after the 2 s failure latency, so a job with immediate retries
        // sends all its attempts inside the window: about maxAttempts times the requests of
        // the same run without retries.
        let preset = ArchitecturePreset.stage3.architecture.queue
        let attempts = preset?.maxAttempts ?? 4
        let backoff = preset?.backoff ?? .immediate
        let baseline = outageLoad(outage: .minutes(10), attempts: 1, backoff: .immediate).requests
        let immediate = outageLoad(outage: .minutes(10), attempts: attempts, backoff: .immediate).requests
        XCTAssertGreaterThan(baseline, 0)
        XCTAssertGreaterThan(immediate, 0.75 * Double(attempts) * baseline)

        // NOTE: backoff does not lower that count in an outage longer than its schedule (the
        // preset's 4 attempts with full jitter up to 1, 2 and 4 s span under 15 s): every
        // attempt still fails inside the window. It caps attempts, as immediate retries do.
        let spread = outageLoad(outage: .minutes(10), attempts: attempts, backoff: backoff).requests
        XCTAssertGreaterThan(spread, 0.75 * Double(attempts) * baseline)
        XCTAssertLessThanOrEqual(spread, immediate)
    }

    func testBackoffOutlastsShortOutage() {
        // The narrow sense in which backoff lowers the load: an outage shorter than the backoff
        // schedule. With 8 attempts, immediate retries span 8 x 2 s = 16 s and all fall inside a
        // 45 s outage; full jitter from 1 s doubling to a 30 s cap adds 45.5 s of mean delay, so
        // the later attempts fall after the outage and succeed.
        let exponential = BackoffPolicy.exponential(base: .seconds(1), cap: .seconds(30))
        let immediate = outageLoad(outage: .seconds(45), attempts: 8, backoff: .immediate)
        let spread = outageLoad(outage: .seconds(45), attempts: 8, backoff: exponential)
        XCTAssertLessThan(spread.requests, immediate.requests)
        XCTAssertLessThan(spread.failedJobs, immediate.failedJobs)
    }

    func testTenantLimitsProtectOthers() {
        // One app server with 8 sync workers of 2 threads: 16 slots, each held for a whole chat
        // turn (LLM call included). The busiest enterprise tenant alone brings the slots past
        // saturation. A limit protects the others only when it leaves them slots, so the
        // enterprise limit is set to a quarter of the server's slots.
        func othersP95(limits: Bool, threads: Int) -> Double {
            var scenario = Support.scenario(.stage2, customers: 480)
            scenario.architecture.appServers = 1
            scenario.parameters.app.concurrencyPerWorker = threads
            scenario.workload.activitySkew = 2.5
            scenario.customers.planMix = [.free: 0.5, .pro: 0.3, .enterprise: 0.2]
            scenario.customers.plans[.enterprise]?.concurrencyLimit = 4
            scenario.architecture.tenantLimits = limits
            return Support.value(Support.run(scenario), "tenants.others_chat_p95_ms")
        }
        let ample = othersP95(limits: false, threads: 16)
        let crowded = othersP95(limits: false, threads: 2)
        let limited = othersP95(limits: true, threads: 2)
        let figures = "others' chat p95: ample slots \(ample) ms, crowded \(crowded) ms, limited \(limited) ms"
        XCTAssertGreaterThan(crowded, 1.25 * ample, figures)
        XCTAssertLessThan(limited, 1.25 * ample, figures)
    }
}
