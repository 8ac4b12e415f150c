import ScaleSim

/// A provider's prompt cache: which 512-token prefix blocks it has seen recently.
///
/// A request's prompt is described by one hash per 512-token block, each hash covering the
/// block and everything before it, as in the Mooncake trace's `hash_ids`. The provider serves
/// the longest run of leading blocks it saw within the TTL from its cache, and bills those
/// tokens at the cached input price. Each request then refreshes all its blocks, as providers
/// extend a cached prefix's life on every use. Hashes are matched block by block, so a block
/// counts only when every block before it counted too.
///
/// NOTE: providers also set a minimum cacheable prompt (1,024 tokens at Anthropic and OpenAI)
/// and Anthropic bills cache writes at 1.25 times the input price. Neither is modelled, and a
/// cache hit does not shorten the time to first token.
///
/// - Complexity: `match` is O(blocks of the request) amortized, the removal of expired blocks
///   included. The dictionary serves lookups only and is never iterated.
public struct PromptPrefixCache: Sendable {
    /// Tokens per prefix block (the Mooncake trace's block size).
    public static let blockTokens = 512

    /// How long a block stays cached after its last use.
    public let ttl: SimDuration

    private var lastSeen: [UInt32: SimTime] = [:]
    /// Block uses in time order, for removing expired blocks; a record is stale when the
    /// block was used again later.
    private var useOrder = RingBuffer<BlockUse>()

    /// Requests matched.
    public private(set) var requests = 0
    /// Blocks requested, and of those, blocks served from the cache.
    public private(set) var blocksRequested = 0
    public private(set) var blocksCached = 0

    /// Creates an empty cache.
    ///
    /// - Precondition: `ttl` is positive.
    public init(ttl: SimDuration) {
        precondition(ttl > .zero, "ttl must be positive, got \(ttl)")
        self.ttl = ttl
    }

    /// Creates an empty cache with the provider's prompt-cache TTL.
    public init(parameters: LLMParameters) {
        self.init(ttl: parameters.promptCacheTTL)
    }

    /// The number of blocks cached.
    public var cachedBlocks: Int { lastSeen.count }

    /// Returns how many leading blocks of `prefixHashes` were used within the TTL before `now`,
    /// then records every block as used at `now`.
    ///
    /// - Precondition: `now` is not before the previous call.
    public mutating func match(_ prefixHashes: [UInt32], at now: SimTime) -> Int {
        removeExpired(at: now)

        var leadingBlocks = 0
        while leadingBlocks < prefixHashes.count, lastSeen[prefixHashes[leadingBlocks]] != nil {
            leadingBlocks += 1
        }

        for hash in prefixHashes {
            lastSeen[hash] = now
            useOrder.append(BlockUse(hash: hash, usedAt: now))
        }
        requests += 1
        blocksRequested += prefixHashes.count
        blocksCached += leadingBlocks
        return leadingBlocks
    }

    /// Matches `prefixHashes` at `now` and returns the input tokens billed at the cached price:
    /// `min(inputTokens, blocks * blockTokens)`.
    ///
    /// - Precondition: `inputTokens >= 0` and `now` is not before the previous call.
    public mutating func cachedInputTokens(inputTokens: Int, prefixHashes: [UInt32], at now: SimTime) -> Int {
        precondition(inputTokens >= 0, "inputTokens must not be negative, got \(inputTokens)")
        let blocks = match(prefixHashes, at: now)
        return min(inputTokens, blocks * PromptPrefixCache.blockTokens)
    }

    /// Forgets every block last used at or before `now - ttl`, oldest first.
    private mutating func removeExpired(at now: SimTime) {
        while let use = useOrder.first, now - use.usedAt >= ttl {
            _ = useOrder.popFirst()
            if lastSeen[use.hash] == use.usedAt {
                lastSeen[use.hash] = nil
            }
        }
    }
}

/// One use of a block, kept in time order.
private struct BlockUse: Sendable {
    var hash: UInt32
    var usedAt: SimTime
}
