import ScaleSim
import SimModels
import XCTest

final class PromptCacheTests: XCTestCase {
    func testHandMadeSequence() {
        var cache = PromptPrefixCache(ttl: .minutes(5))

        XCTAssertEqual(cache.match([1, 2, 3], at: .zero), 0)
        XCTAssertEqual(cache.match([1, 2, 4], at: .seconds(60)), 2)
        XCTAssertEqual(cache.match([1, 5], at: .seconds(120)), 1)
        // A cached block after an uncached one does not count.
        XCTAssertEqual(cache.match([9, 2], at: .seconds(130)), 0)
        // At 360 s: 1 was last used at 120 s and 2 at 130 s; 4 at 60 s, exactly one TTL ago.
        XCTAssertEqual(cache.match([1, 2, 4, 6], at: .seconds(360)), 2)
        XCTAssertEqual(cache.requests, 5)
        XCTAssertEqual(cache.blocksRequested, 14)
        XCTAssertEqual(cache.blocksCached, 5)
    }

    func testBlocksExpireAfterTTL() {
        var cache = PromptPrefixCache(ttl: .minutes(5))
        _ = cache.match([1, 2], at: .zero)

        XCTAssertEqual(cache.match([1, 2], at: .seconds(300)), 0)
        XCTAssertEqual(cache.cachedBlocks, 2)
    }

    func testUseRefreshesBlocks() {
        var cache = PromptPrefixCache(ttl: .minutes(5))
        _ = cache.match([1], at: .zero)
        _ = cache.match([1], at: .seconds(240))
        XCTAssertEqual(cache.match([1], at: .seconds(480)), 1)
    }

    func testCachedTokensNeverExceedInput() {
        var cache = PromptPrefixCache(ttl: .minutes(5))
        var rng = Xoshiro256StarStar(seed: 41)
        for index in 0..<2_000 {
            // Few distinct hashes, so that most blocks hit; input sizes cut the last block short.
            let blocks = 1 + Int(rng.next() % 6)
            let hashes = (0..<blocks).map { UInt32($0) &* 7 &+ UInt32(rng.next() % 2) }
            let inputTokens = Int(rng.next() % UInt64(blocks * PromptPrefixCache.blockTokens + 1))
            let cached = cache.cachedInputTokens(inputTokens: inputTokens, prefixHashes: hashes,
                                                 at: .seconds(Double(index)))
            XCTAssertLessThanOrEqual(cached, inputTokens)
            XCTAssertGreaterThanOrEqual(cached, 0)
        }
        XCTAssertGreaterThan(cache.blocksCached, 0)
    }

    func testCachedTokensCountWholeBlocks() {
        var cache = PromptPrefixCache(ttl: .minutes(5))
        _ = cache.match([10, 11, 12], at: .zero)
        let cached = cache.cachedInputTokens(inputTokens: 2_000, prefixHashes: [10, 11, 13, 14], at: .seconds(1))
        XCTAssertEqual(cached, 1_024)
    }

    func testSyntheticAgentsShareSystemPrompt() {
        // 2,000 tokens make 3 whole blocks, the first 2 the agent's system prompt.
        let first = SyntheticPromptPrefix.hashes(tenant: 1, agent: 0, conversation: 100, inputTokens: 2_000)
        let second = SyntheticPromptPrefix.hashes(tenant: 1, agent: 0, conversation: 101, inputTokens: 2_000)
        let otherAgent = SyntheticPromptPrefix.hashes(tenant: 1, agent: 1, conversation: 102, inputTokens: 2_000)

        XCTAssertEqual(first.count, 3)
        XCTAssertEqual(Array(first.prefix(2)), Array(second.prefix(2)))
        XCTAssertNotEqual(first[2], second[2])
        XCTAssertNotEqual(first[0], otherAgent[0])
    }

    func testSyntheticNextTurnExtendsHistory() {
        let turn = SyntheticPromptPrefix.hashes(tenant: 3, agent: 2, conversation: 7, inputTokens: 2_000)
        let nextTurn = SyntheticPromptPrefix.hashes(tenant: 3, agent: 2, conversation: 7, inputTokens: 3_000)
        XCTAssertEqual(nextTurn.count, 5)
        XCTAssertEqual(Array(nextTurn.prefix(3)), turn)
    }

    func testSyntheticHashesThroughCache() {
        var cache = PromptPrefixCache(ttl: .minutes(5))
        let conversationA = SyntheticPromptPrefix.hashes(tenant: 1, agent: 0, conversation: 1, inputTokens: 2_000)
        let conversationB = SyntheticPromptPrefix.hashes(tenant: 1, agent: 0, conversation: 2, inputTokens: 2_000)
        let conversationANext = SyntheticPromptPrefix.hashes(tenant: 1, agent: 0, conversation: 1, inputTokens: 3_000)

        XCTAssertEqual(cache.match(conversationA, at: .zero), 0)
        XCTAssertEqual(cache.match(conversationB, at: .seconds(10)), 2)
        XCTAssertEqual(cache.match(conversationANext, at: .seconds(30)), 3)
    }

    func testShortPromptHasNoBlocks() {
        let hashes = SyntheticPromptPrefix.hashes(tenant: 0, agent: 0, conversation: 0, inputTokens: 511)
        XCTAssertTrue(hashes.isEmpty)
    }
}
