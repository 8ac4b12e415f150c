import ScaleSim
import SimModels
import XCTest

final class RedisMemoryTests: XCTestCase {
    private func at(_ seconds: Double) -> SimTime { .seconds(seconds) }

    func testWriteBelowLimitStores() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)

        let result = redis.write(.cacheEntry, key: 1, bytes: 300, at: at(1))

        XCTAssertEqual(result, .stored)
        XCTAssertEqual(redis.usedBytes, 300)
        XCTAssertEqual(redis.usedBytes(of: .cacheEntry), 300)
        XCTAssertEqual(redis.keyCount(of: .cacheEntry), 1)
        XCTAssertEqual(redis.lastAccess(of: .cacheEntry, key: 1), at(1))
    }

    func testWriteReplacesHeldKey() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .noEviction, jobBytes: 100)
        _ = redis.write(.counter, key: 7, bytes: 50, at: at(1))

        _ = redis.write(.counter, key: 7, bytes: 80, at: at(2))

        XCTAssertEqual(redis.usedBytes, 80)
        XCTAssertEqual(redis.keyCount(of: .counter), 1)
    }

    func testCacheAndCounterKeysAreDistinct() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .noEviction, jobBytes: 100)
        _ = redis.write(.cacheEntry, key: 5, bytes: 200, at: at(1))
        _ = redis.write(.counter, key: 5, bytes: 10, at: at(1))

        XCTAssertEqual(redis.usedBytes, 210)
        XCTAssertEqual(redis.bytes(of: .cacheEntry, key: 5), 200)
        XCTAssertEqual(redis.bytes(of: .counter, key: 5), 10)
    }

    func testNoEvictionRejectsWrite() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .noEviction, jobBytes: 100)
        _ = redis.write(.cacheEntry, key: 1, bytes: 900, at: at(1))

        let result = redis.write(.cacheEntry, key: 2, bytes: 200, at: at(2))

        XCTAssertEqual(result, .outOfMemory(RedisEviction()))
        XCTAssertEqual(redis.outOfMemoryCount, 1)
        XCTAssertEqual(redis.usedBytes, 900)
        XCTAssertFalse(redis.contains(.cacheEntry, key: 2))
    }

    func testNoEvictionRejectsPushAndKeepsJobs() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .noEviction, jobBytes: 400)
        _ = redis.pushJobs(2, at: at(1))

        let result = redis.pushJobs(at: at(2))

        XCTAssertFalse(result.isStored)
        XCTAssertEqual(redis.queuedJobs, 2)
        XCTAssertEqual(redis.usedBytes(of: .queue), 800)
    }

    func testNoEvictionAllowsPop() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .noEviction, jobBytes: 500)
        _ = redis.pushJobs(2, at: at(1))

        XCTAssertTrue(redis.popJob(at: at(2)))
        XCTAssertEqual(redis.usedBytes(of: .queue), 500)
    }

    func testPopLastJobDeletesQueueKey() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .noEviction, jobBytes: 100)
        _ = redis.pushJobs(at: at(1))

        XCTAssertTrue(redis.popJob(at: at(2)))
        XCTAssertFalse(redis.popJob(at: at(3)))
        XCTAssertFalse(redis.contains(.queue, key: 0))
        XCTAssertEqual(redis.usedBytes, 0)
    }

    func testVolatileLRUEvictsOldestCacheEntry() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .volatileLRU, jobBytes: 100)
        _ = redis.write(.cacheEntry, key: 1, bytes: 400, at: at(1))
        _ = redis.write(.cacheEntry, key: 2, bytes: 400, at: at(2))
        redis.touch(.cacheEntry, key: 1, at: at(3))

        let result = redis.write(.cacheEntry, key: 3, bytes: 400, at: at(4))

        XCTAssertEqual(result, .storedAfterEvicting(RedisEviction(cacheKeys: [2], freedBytes: 400)))
        XCTAssertTrue(redis.contains(.cacheEntry, key: 1))
        XCTAssertEqual(redis.evictions(of: .cacheEntry), 1)
    }

    func testVolatileLRUNeverEvictsQueue() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .volatileLRU, jobBytes: 100)
        _ = redis.pushJobs(5, at: at(1))
        _ = redis.write(.counter, key: 9, bytes: 100, at: at(2))
        _ = redis.write(.cacheEntry, key: 1, bytes: 300, at: at(3))

        let result = redis.write(.cacheEntry, key: 2, bytes: 300, at: at(4))

        let expected = RedisEviction(cacheKeys: [1], counterKeys: [9], freedBytes: 400)
        XCTAssertEqual(result, .storedAfterEvicting(expected))
        XCTAssertEqual(redis.queuedJobs, 5)
        XCTAssertEqual(redis.lostJobs, 0)
    }

    func testVolatileLRUFailsWhenNoTTLKeyLeft() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .volatileLRU, jobBytes: 100)
        _ = redis.pushJobs(8, at: at(1))
        _ = redis.write(.cacheEntry, key: 1, bytes: 100, at: at(2))

        let result = redis.write(.cacheEntry, key: 2, bytes: 300, at: at(3))

        // The entry evicted before Redis ran out of candidates stays evicted.
        XCTAssertEqual(result, .outOfMemory(RedisEviction(cacheKeys: [1], freedBytes: 100)))
        XCTAssertEqual(redis.outOfMemoryCount, 1)
        XCTAssertEqual(redis.queuedJobs, 8)
        XCTAssertEqual(redis.usedBytes, 800)
    }

    func testAllKeysLRUEvictsIdleQueueKey() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)
        _ = redis.pushJobs(6, at: at(1))
        _ = redis.write(.cacheEntry, key: 1, bytes: 300, at: at(2))

        let result = redis.write(.cacheEntry, key: 2, bytes: 300, at: at(3))

        XCTAssertEqual(result, .storedAfterEvicting(RedisEviction(lostJobs: 6, freedBytes: 600)))
        XCTAssertEqual(redis.queuedJobs, 0)
        XCTAssertEqual(redis.lostJobs, 6)
        XCTAssertEqual(redis.evictions(of: .queue), 1)
        XCTAssertTrue(redis.contains(.cacheEntry, key: 1))
    }

    func testAllKeysLRUKeepsRecentlyTouchedQueue() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)
        _ = redis.pushJobs(6, at: at(1))
        _ = redis.write(.cacheEntry, key: 1, bytes: 300, at: at(2))
        _ = redis.popJob(at: at(3))
        _ = redis.pushJobs(at: at(4))

        let result = redis.write(.cacheEntry, key: 2, bytes: 300, at: at(5))

        XCTAssertEqual(result, .storedAfterEvicting(RedisEviction(cacheKeys: [1], freedBytes: 300)))
        XCTAssertEqual(redis.queuedJobs, 6)
        XCTAssertEqual(redis.lostJobs, 0)
    }

    func testAllKeysLRUPushEvictsItsOwnIdleQueue() {
        // Redis evicts before it runs the LPUSH, so the push that finds memory full can evict
        // the idle queue key and start a new list with its own job.
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)
        _ = redis.pushJobs(5, at: at(1))
        _ = redis.write(.cacheEntry, key: 1, bytes: 500, at: at(2))

        let result = redis.pushJobs(at: at(3))

        XCTAssertEqual(result, .storedAfterEvicting(RedisEviction(lostJobs: 5, freedBytes: 500)))
        XCTAssertEqual(redis.queuedJobs, 1)
        XCTAssertEqual(redis.usedBytes, 600)
    }

    func testTouchReportsHit() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)
        _ = redis.write(.cacheEntry, key: 1, bytes: 100, at: at(1))

        XCTAssertTrue(redis.touch(.cacheEntry, key: 1, at: at(2)))
        XCTAssertFalse(redis.touch(.cacheEntry, key: 2, at: at(2)))
        XCTAssertEqual(redis.lastAccess(of: .cacheEntry, key: 1), at(2))
    }

    func testRemoveFreesBytes() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)
        _ = redis.write(.cacheEntry, key: 1, bytes: 250, at: at(1))

        XCTAssertEqual(redis.remove(.cacheEntry, key: 1), 250)
        XCTAssertEqual(redis.remove(.cacheEntry, key: 1), 0)
        XCTAssertEqual(redis.usedBytes, 0)
    }

    func testWriteLargerThanMaxMemoryFails() {
        var redis = RedisMemory(maxMemoryBytes: 1_000, policy: .allKeysLRU, jobBytes: 100)

        let result = redis.write(.cacheEntry, key: 1, bytes: 1_001, at: at(1))

        XCTAssertEqual(result, .outOfMemory(RedisEviction()))
    }

    func testUsageNeverExceedsMaxMemory() {
        // A random mix of operations under each policy keeps memory at or below maxmemory.
        for policy in EvictionPolicy.allCases {
            var rng = Xoshiro256StarStar(seed: 42)
            var redis = RedisMemory(maxMemoryBytes: 10_000, policy: policy, jobBytes: 200)
            var time = SimTime.zero
            var breaches = 0
            for _ in 0..<5_000 {
                time += .milliseconds(10)
                let key = rng.next() % 50
                switch rng.next() % 4 {
                case 0: _ = redis.pushJobs(at: time)
                case 1: _ = redis.popJob(at: time)
                case 2: _ = redis.write(.cacheEntry, key: key, bytes: Int(rng.next() % 2_000), at: time)
                default: _ = redis.write(.counter, key: key, bytes: 64, at: time)
                }
                if redis.usedBytes > redis.maxMemoryBytes { breaches += 1 }
            }
            XCTAssertEqual(breaches, 0, "policy \(policy.rawValue)")
            XCTAssertLessThanOrEqual(redis.peakUsedBytes, 10_000, "policy \(policy.rawValue)")
        }
    }
}
