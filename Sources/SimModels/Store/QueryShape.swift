/// The two ways an application fetches a tenant's latest conversations with their newest message.
public enum ListingShape: Sendable, Equatable, CaseIterable {
    /// One statement for the conversation list, then one per conversation (the N+1 pattern).
    case nPlusOne
    /// One statement that joins each listed conversation to its newest message with LATERAL.
    case lateral
}

/// The size of one table as the cost model sees it.
public struct TableStatistics: Sendable, Equatable {
    /// Live rows in the table.
    public var rows: Double
    /// Heap bytes per row, page overhead included (the heap size divided by the rows).
    public var rowBytes: Double

    public init(rows: Double, rowBytes: Double) {
        self.rows = max(0, rows)
        self.rowBytes = max(0, rowBytes)
    }
}

/// A table split into equal time-range partitions, of which a query reads only some.
public struct Partitioning: Sendable, Equatable {
    /// Partitions in the table; rows are assumed spread evenly over them.
    public var partitionCount: Int
    /// Partitions that overlap the query's time window and so survive pruning.
    public var scannedPartitionCount: Int
    /// The share of the table's rows in the scanned partitions when it is known (a growing
    /// platform writes more rows in recent months); nil spreads rows evenly over partitions.
    public var scannedRowShare: Double?

    /// Creates a layout, clamping `scannedPartitionCount` into `0...partitionCount` and
    /// `scannedRowShare` into [0, 1].
    public init(partitionCount: Int, scannedPartitionCount: Int, scannedRowShare: Double? = nil) {
        self.partitionCount = max(1, partitionCount)
        self.scannedPartitionCount = min(max(0, scannedPartitionCount), self.partitionCount)
        self.scannedRowShare = scannedRowShare.map { min(max(0, $0), 1) }
    }

    /// The share of the table's rows in the scanned partitions: `scannedRowShare` when set,
    /// otherwise the share of partitions scanned.
    public var scannedFraction: Double {
        scannedRowShare ?? Double(scannedPartitionCount) / Double(partitionCount)
    }
}

/// Inputs of the conversation listing: a tenant's newest conversations, each with its newest message.
public struct ListingWorkload: Sendable, Equatable {
    public var conversations: TableStatistics
    public var messages: TableStatistics
    /// Conversations that belong to the tenant.
    public var tenantConversations: Int
    /// Messages in the tenant's conversations.
    public var tenantMessages: Int
    /// Whether `conversations(tenant_id, created_at)` and `messages(conversation_id, created_at)`
    /// are indexed; without them every access is a sequential scan.
    public var isIndexed: Bool
    /// The number of conversations listed at most (the LIMIT).
    public var limit: Int

    public init(
        conversations: TableStatistics,
        messages: TableStatistics,
        tenantConversations: Int,
        tenantMessages: Int,
        isIndexed: Bool,
        limit: Int = 50
    ) {
        self.conversations = conversations
        self.messages = messages
        self.tenantConversations = max(0, tenantConversations)
        self.tenantMessages = max(0, tenantMessages)
        self.isIndexed = isIndexed
        self.limit = max(0, limit)
    }

    /// The conversations listed: min(limit, tenant conversations).
    public var listedConversations: Int { min(limit, tenantConversations) }
}

/// Inputs of the usage aggregate: a tenant's usage events in a time window, grouped by month.
public struct UsageAggregateWorkload: Sendable, Equatable {
    public var usageEvents: TableStatistics
    /// The tenant's rows inside the time window, which are the rows aggregated.
    public var tenantWindowRows: Int
    /// Whether `usage_events(tenant_id, timestamp)` is indexed (on every partition, if partitioned).
    public var isIndexed: Bool
    /// The partition layout, or nil for a plain table.
    public var partitioning: Partitioning?

    public init(
        usageEvents: TableStatistics,
        tenantWindowRows: Int,
        isIndexed: Bool,
        partitioning: Partitioning? = nil
    ) {
        self.usageEvents = usageEvents
        self.tenantWindowRows = max(0, tenantWindowRows)
        self.isIndexed = isIndexed
        self.partitioning = partitioning
    }
}

/// Inputs of one autocommit single-row message insert.
public struct MessageInsertWorkload: Sendable, Equatable {
    public var messages: TableStatistics
    /// The referenced table, probed by the foreign-key check.
    public var conversations: TableStatistics
    /// Indexes on messages that the insert maintains, the primary key included.
    public var indexCount: Int
    /// Whether the commit waits for the WAL flush (synchronous_commit on).
    public var isSynchronousCommit: Bool

    public init(
        messages: TableStatistics,
        conversations: TableStatistics,
        indexCount: Int,
        isSynchronousCommit: Bool
    ) {
        self.messages = messages
        self.conversations = conversations
        self.indexCount = max(0, indexCount)
        self.isSynchronousCommit = isSynchronousCommit
    }
}
