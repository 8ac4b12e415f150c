import ScaleSim
import SimModels
import XCTest

/// The response cache and the tenant counters share Redis's memory with the job queue.
final class PlatformRedisMemoryTests: XCTestCase {
    /// A cache whose entries do not fit in Redis loses hits to evictions, and never gains any.
    func testSmallRedisMemoryEvictsCacheEntries() {
        var roomy = PlatformTestSupport.scenario(.stage4, customers: 300, minutes: 10)
        roomy.workload.messageTemplates = 200
        roomy.workload.freeTextShare = 0.2
        var cramped = roomy
        // Room for about fifty 2 KiB responses, far fewer than the popular templates.
        cramped.parameters.redis.maxMemoryBytes = 100_000

        let roomyResult = PlatformTestSupport.run(roomy)
        let crampedResult = PlatformTestSupport.run(cramped)
        let roomyHits = PlatformTestSupport.value(roomyResult, "cache.hit_ratio")
        let crampedHits = PlatformTestSupport.value(crampedResult, "cache.hit_ratio")
        XCTAssertGreaterThan(roomyHits, 0.05)
        XCTAssertLessThan(crampedHits, roomyHits)
        XCTAssertEqual(PlatformTestSupport.value(crampedResult, "jobs.lost_redis_eviction"), 0)
    }

    func testResponseCacheEvictRemovesEntry() {
        var cache = ResponseCache(ttl: .hours(1), memoryBudgetBytes: 10_000)
        cache.store(7, bytes: 100, at: .zero)
        XCTAssertTrue(cache.evict(7))
        XCTAssertFalse(cache.evict(7))
        XCTAssertFalse(cache.lookup(7, at: .seconds(1)))
        XCTAssertEqual(cache.memoryBytes, 0)
        XCTAssertEqual(cache.evictions, 1)
    }
}
