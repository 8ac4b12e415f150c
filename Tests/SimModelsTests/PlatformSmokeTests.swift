import XCTest
import ScaleSim
@testable import SimModels

final class PlatformSmokeTests: XCTestCase {
    func testPrintStages() throws {
        guard ProcessInfo.processInfo.environment["SMOKE"] != nil else { throw XCTSkip("SMOKE unset") }
        let customers = Int(ProcessInfo.processInfo.environment["SMOKE"] ?? "100") ?? 100
        for preset in ArchitecturePreset.allCases {
            var scenario = PlatformScenario(customers: CustomerSpec(count: customers))
            scenario.architecture = preset.architecture
            scenario.run.duration = .minutes(20)
            scenario.run.warmup = .minutes(5)
            let start = Date()
            let result = PlatformRunner.runReplication(scenario, streams: RandomStreams(seed: 1))
            let elapsed = Date().timeIntervalSince(start)
            let m = result.metrics
            print(preset, "events", result.events, String(format: "%.2fs", elapsed))
            for name in ["chat.count", "chat.p50_ms", "chat.p95_ms", "chat.error_rate", "chat_api.p95_ms", "listing.count", "listing.p95_ms", "analytics.p95_ms", "billing.count", "billing.p95_ms", "asset.p95_ms",
                         "resources.app_slots.utilization", "resources.db_primary_cpu.utilization", "resources.db_connections.utilization", "resources.runtime_workers.utilization", "resources.redis.utilization", "resources.llm_tokens_per_minute.utilization",
                         "llm.rate_limited", "cache.hit_ratio", "database.stale_reads", "database.replica_reads", "database.messages_rows", "database.month", "jobs.enqueued", "jobs.completed", "jobs.lost", "costs.total_dollars_per_month", "costs.llm_dollars_per_month", "run.in_flight_at_end"] {
                print("  ", name, m.value(name) ?? -1)
            }
            print("   bottlenecks", result.bottlenecks.map { "\($0.kind.rawValue)=\($0.layer?.rawValue ?? "-")" })
        }
    }
}
