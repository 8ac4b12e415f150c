import Foundation
import ScaleSim
import SimModels
import XCTest

final class ResponseCacheTests: XCTestCase {
    private let largeBudget = 1 << 40

    /// Template ids of `count` requests drawn from Zipf(s = 1) over 10,000 templates.
    private func zipfTemplates(count: Int, seed: UInt64) -> [Int] {
        let popularity = Zipf(uncheckedRankCount: 10_000, exponent: 1)
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in popularity.sample(using: &rng) }
    }

    /// Replays `templates`, one request per `spacing`, and returns the cache afterwards.
    private func replay(_ templates: [Int], ttl: SimDuration, budget: Int,
                        spacing: SimDuration = .seconds(1)) -> ResponseCache {
        var cache = ResponseCache(ttl: ttl, memoryBudgetBytes: budget)
        var now = SimTime.zero
        for template in templates {
            let key = MessageKey.template(template)
            if !cache.lookup(key, at: now) {
                cache.store(key, bytes: 2_000, at: now)
            }
            now += spacing
        }
        return cache
    }

    func testMissThenHit() {
        var cache = ResponseCache(ttl: .minutes(10), memoryBudgetBytes: 10_000)
        let key = MessageKey.template(7)

        XCTAssertFalse(cache.lookup(key, at: .zero))
        cache.store(key, bytes: 100, at: .zero)

        XCTAssertTrue(cache.lookup(key, at: .seconds(1)))
        XCTAssertEqual(cache.hits, 1)
        XCTAssertEqual(cache.misses, 1)
        XCTAssertEqual(cache.entries, 1)
        XCTAssertEqual(cache.memoryBytes, 100)
    }

    func testZipfHitRatioFollowsRepetition() {
        // With room for every template and no expiry, a request hits exactly when its template
        // was requested before. The expected count comes from the sequence itself.
        let templates = zipfTemplates(count: 50_000, seed: 31)
        var seen = Set<Int>()
        var repeated = 0
        for template in templates {
            if seen.contains(template) { repeated += 1 }
            seen.insert(template)
        }

        let cache = replay(templates, ttl: .hours(1_000), budget: largeBudget)

        XCTAssertEqual(cache.hits, repeated)
        XCTAssertEqual(cache.misses, seen.count)
        XCTAssertEqual(cache.evictions, 0)
        XCTAssertEqual(cache.expirations, 0)
        XCTAssertEqual(cache.hitRatio, Double(repeated) / 50_000, accuracy: 1e-12)
    }

    func testZipfHitRatioMatchesTheory() {
        // Without eviction or expiry, the misses are the distinct templates among N requests,
        // whose expectation is the sum over templates of 1 - (1 - p)^N.
        let popularity = Zipf(uncheckedRankCount: 10_000, exponent: 1)
        let requests = 50_000
        var expectedDistinct = 0.0
        for rank in 1...10_000 {
            expectedDistinct += 1 - pow(1 - popularity.probability(ofRank: rank), Double(requests))
        }

        let cache = replay(zipfTemplates(count: requests, seed: 35), ttl: .hours(1_000), budget: largeBudget)

        XCTAssertEqual(cache.hitRatio, 1 - expectedDistinct / Double(requests), accuracy: 0.005)
    }

    func testShortTTLDropsHits() {
        let templates = zipfTemplates(count: 20_000, seed: 32)
        let longLived = replay(templates, ttl: .hours(1_000), budget: largeBudget)
        let shortLived = replay(templates, ttl: .seconds(10), budget: largeBudget)

        XCTAssertLessThan(shortLived.hits, longLived.hits)
        XCTAssertGreaterThan(shortLived.expirations, 0)
    }

    func testTinyBudgetEvicts() {
        // Room for 50 responses of 2,000 bytes.
        let templates = zipfTemplates(count: 20_000, seed: 33)
        let unbounded = replay(templates, ttl: .hours(1_000), budget: largeBudget)
        let tiny = replay(templates, ttl: .hours(1_000), budget: 100_000)

        XCTAssertGreaterThan(tiny.evictions, 0)
        XCTAssertLessThan(tiny.hits, unbounded.hits)
        XCTAssertLessThanOrEqual(tiny.memoryBytes, 100_000)
        XCTAssertEqual(tiny.entries, 50)
    }

    func testLeastRecentlyUsedEvicted() {
        var cache = ResponseCache(ttl: .hours(1), memoryBudgetBytes: 30)
        let (a, b, c, d) = (MessageKey.template(1), MessageKey.template(2), MessageKey.template(3), MessageKey.template(4))
        cache.store(a, bytes: 10, at: .zero)
        cache.store(b, bytes: 10, at: .zero)
        cache.store(c, bytes: 10, at: .zero)
        _ = cache.lookup(a, at: .seconds(1))

        cache.store(d, bytes: 10, at: .seconds(2))

        // b is now the least recently used.
        XCTAssertEqual(cache.evictions, 1)
        XCTAssertFalse(cache.lookup(b, at: .seconds(3)))
        XCTAssertTrue(cache.lookup(a, at: .seconds(3)))
        XCTAssertTrue(cache.lookup(c, at: .seconds(3)))
        XCTAssertTrue(cache.lookup(d, at: .seconds(3)))
    }

    func testExpiredEntryMisses() {
        var cache = ResponseCache(ttl: .seconds(10), memoryBudgetBytes: 1_000)
        let key = MessageKey.template(1)
        cache.store(key, bytes: 100, at: .zero)

        XCTAssertTrue(cache.lookup(key, at: .seconds(9.999)))
        XCTAssertFalse(cache.lookup(key, at: .seconds(10)))
        XCTAssertEqual(cache.expirations, 1)
        XCTAssertEqual(cache.entries, 0)
        XCTAssertEqual(cache.memoryBytes, 0)
    }

    func testExpiredEntriesFreeMemory() {
        // Entries that are never looked up again still leave once their TTL has run out.
        var cache = ResponseCache(ttl: .seconds(10), memoryBudgetBytes: 10_000)
        for template in 0..<5 {
            cache.store(MessageKey.template(template), bytes: 100, at: .seconds(Double(template)))
        }
        cache.store(MessageKey.template(99), bytes: 100, at: .seconds(12))

        // Templates 0, 1 and 2 were stored 10 s or more before 12 s.
        XCTAssertEqual(cache.expirations, 3)
        XCTAssertEqual(cache.entries, 3)
        XCTAssertEqual(cache.memoryBytes, 300)
    }

    func testStoreReplacesKey() {
        var cache = ResponseCache(ttl: .seconds(10), memoryBudgetBytes: 1_000)
        let key = MessageKey.template(1)
        cache.store(key, bytes: 100, at: .zero)
        cache.store(key, bytes: 300, at: .seconds(5))

        XCTAssertEqual(cache.entries, 1)
        XCTAssertEqual(cache.memoryBytes, 300)
        // The second store restarted the TTL.
        XCTAssertTrue(cache.lookup(key, at: .seconds(12)))
    }

    func testOversizedResponseNotStored() {
        var cache = ResponseCache(ttl: .seconds(10), memoryBudgetBytes: 1_000)
        cache.store(MessageKey.template(1), bytes: 500, at: .zero)
        cache.store(MessageKey.template(2), bytes: 1_001, at: .zero)

        XCTAssertEqual(cache.rejectedStores, 1)
        XCTAssertEqual(cache.entries, 1)
        XCTAssertEqual(cache.evictions, 0)
    }

    func testFreeTextNeverHits() {
        var cache = ResponseCache(ttl: .hours(24), memoryBudgetBytes: largeBudget)
        var now = SimTime.zero
        for session in UInt64(0)..<200 {
            for turn in 0..<6 {
                let key = MessageKey.freeText(session: session, turn: turn)
                if !cache.lookup(key, at: now) {
                    cache.store(key, bytes: 2_000, at: now)
                }
                now += .seconds(1)
            }
        }
        XCTAssertEqual(cache.hits, 0)
        XCTAssertEqual(cache.entries, 1_200)
    }

    func testKeyKindsDisjoint() {
        let freeText = MessageKey.freeText(session: 0, turn: 0)
        let template = MessageKey.template(0)
        XCTAssertNotEqual(freeText, template)
        XCTAssertTrue(MessageKey.isFreeText(freeText))
        XCTAssertFalse(MessageKey.isFreeText(template))
        XCTAssertFalse(MessageKey.isFreeText(MessageKey.template(Int(MessageKey.templateLimit - 1), scope: MessageKey.scopeLimit - 1)))
        XCTAssertNotEqual(MessageKey.template(5, scope: 1), MessageKey.template(5, scope: 2))
    }

    func testCacheNeverRaisesSpend() {
        // The same 20,000 requests, 60% free text, priced with and without the cache: a hit
        // skips the LLM call, a miss pays the same as without the cache.
        let prices = LLMPrices(LLMParameters())
        let popularity = Zipf(uncheckedRankCount: 10_000, exponent: 1)
        var rng = Xoshiro256StarStar(seed: 34)
        var cache = ResponseCache(ttl: .hours(1), memoryBudgetBytes: 1 << 20)
        var spendWithCache = LLMSpend()
        var spendWithoutCache = LLMSpend()

        for index in 0..<20_000 {
            let now = SimTime.seconds(Double(index) / 5)
            let isFreeText = rng.nextUnit() < 0.6
            let key = isFreeText
                ? MessageKey.freeText(session: UInt64(index), turn: 0)
                : MessageKey.template(popularity.sample(using: &rng))
            let bill = prices.bill(inputTokens: 500 + Int(rng.next() % 2_000), outputTokens: 50 + Int(rng.next() % 400))

            spendWithoutCache.add(bill)
            if !cache.lookup(key, at: now) {
                spendWithCache.add(bill)
                cache.store(key, bytes: 2_000, at: now)
            }
        }
        XCTAssertLessThanOrEqual(spendWithCache.totalDollars, spendWithoutCache.totalDollars)
        XCTAssertGreaterThan(cache.hits, 0)
        XCTAssertEqual(spendWithCache.billedRequests, cache.misses)
    }
}
