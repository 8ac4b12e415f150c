/// The modelled query patterns of the agent SaaS: listing, usage aggregate and message insert.
extension QueryCostModel {
    /// Returns the cost of listing a tenant's newest conversations with each one's newest message.
    ///
    /// The N+1 shape is 1 + k statements, k = min(limit, tenant conversations): the list, then
    /// one latest-message lookup per conversation, each parallel when its scan is large enough.
    /// The LATERAL shape is one statement doing the same work, and its inner scans never run in
    /// parallel. Its second SELECT block costs a second statement overhead, because planning
    /// the join took about twice as long as planning a single lookup.
    public func listing(_ workload: ListingWorkload, shape: ListingShape) -> QueryCostBreakdown {
        let listed = Double(workload.listedConversations)
        let head = conversationListSeconds(workload)
        let headRows = workload.isIndexed ? listed : workload.conversations.rows
        let innerRows = workload.isIndexed ? 1 : workload.messages.rows

        switch shape {
        case .nPlusOne:
            let lookup = constants.statementOverheadSeconds + latestMessageSeconds(workload, allowsParallel: true)
            return QueryCostBreakdown(
                statements: 1 + workload.listedConversations,
                firstStatementSeconds: head,
                followingStatementSeconds: lookup,
                rowsScanned: headRows + listed * innerRows
            )
        case .lateral:
            let inner = latestMessageSeconds(workload, allowsParallel: false)
            return QueryCostBreakdown(
                statements: 1,
                firstStatementSeconds: constants.statementOverheadSeconds + head + listed * inner,
                rowsScanned: headRows + listed * innerRows
            )
        }
    }

    /// Returns the cost of one statement listing a tenant's newest conversations.
    public func conversationList(_ workload: ListingWorkload) -> QueryCostBreakdown {
        QueryCostBreakdown(
            statements: 1,
            firstStatementSeconds: conversationListSeconds(workload),
            rowsScanned: workload.isIndexed ? Double(workload.listedConversations) : workload.conversations.rows
        )
    }

    /// Returns the cost of one statement fetching a conversation's newest message.
    public func latestMessage(_ workload: ListingWorkload) -> QueryCostBreakdown {
        QueryCostBreakdown(
            statements: 1,
            firstStatementSeconds: constants.statementOverheadSeconds
                + latestMessageSeconds(workload, allowsParallel: true),
            rowsScanned: workload.isIndexed ? 1 : workload.messages.rows
        )
    }

    /// Returns the cost of aggregating a tenant's usage events in a time window by month.
    ///
    /// With an index the cost follows the tenant's rows in the window, not the table. Without
    /// one the statement scans every row of the table, or of the partitions left after pruning.
    public func usageAggregate(_ workload: UsageAggregateWorkload) -> QueryCostBreakdown {
        let fraction = workload.partitioning?.scannedFraction ?? 1
        let partitions = workload.partitioning?.scannedPartitionCount ?? 1
        let windowRows = Double(workload.tenantWindowRows)
        let aggregate = windowRows * constants.perRowAggregatedSeconds
        var seconds = constants.statementOverheadSeconds
        if workload.partitioning != nil {
            seconds += Double(partitions) * constants.perPartitionScannedSeconds
        }

        if workload.isIndexed {
            let rowsPerPartition = workload.usageEvents.rows * fraction / Double(max(partitions, 1))
            let probes = Double(partitions) * indexScanSeconds(tableRows: rowsPerPartition, rowsReturned: 0)
            return QueryCostBreakdown(
                statements: 1,
                firstStatementSeconds: seconds + probes + aggregate,
                rowsScanned: windowRows
            )
        }
        seconds += sequentialScanSeconds(
            table: workload.usageEvents, scannedFraction: fraction, workSeconds: aggregate)
        return QueryCostBreakdown(
            statements: 1,
            firstStatementSeconds: seconds,
            rowsScanned: workload.usageEvents.rows * fraction
        )
    }

    /// Returns the cost of one autocommit insert of a message, commit included.
    ///
    /// The insert checks its foreign key with one probe of the conversations key, descends and
    /// extends each index it maintains, and with synchronous commit waits for the WAL flush.
    public func messageInsert(_ workload: MessageInsertWorkload) -> QueryCostBreakdown {
        let indexEntry = btreeLevels(rows: workload.messages.rows) * constants.perIndexLevelSeconds
            + constants.perIndexMaintainedSeconds
        var seconds = constants.statementOverheadSeconds + constants.insertBaseSeconds
        seconds += indexScanSeconds(tableRows: workload.conversations.rows, rowsReturned: 1)
        seconds += Double(workload.indexCount) * indexEntry
        if workload.isSynchronousCommit {
            seconds += constants.commitFlushSeconds
        }
        return QueryCostBreakdown(
            statements: 1,
            firstStatementSeconds: seconds,
            rowsScanned: 1 + Double(workload.indexCount)
        )
    }

    // MARK: Statement parts, in seconds

    /// Computes the conversation-list statement: an index scan in created_at order, or a scan
    /// of the table with a top-N sort of the tenant's conversations.
    func conversationListSeconds(_ workload: ListingWorkload) -> Double {
        let listed = Double(workload.listedConversations)
        if workload.isIndexed {
            return constants.statementOverheadSeconds
                + indexScanSeconds(tableRows: workload.conversations.rows, rowsReturned: listed)
        }
        let sort = topNSortSeconds(rows: Double(workload.tenantConversations))
        return constants.statementOverheadSeconds
            + sequentialScanSeconds(table: workload.conversations, workSeconds: sort)
    }

    /// Computes the lookup of one conversation's newest message, without the statement overhead:
    /// an index probe, or a scan of messages with a sort of that conversation's messages.
    func latestMessageSeconds(_ workload: ListingWorkload, allowsParallel: Bool) -> Double {
        if workload.isIndexed {
            return indexScanSeconds(tableRows: workload.messages.rows, rowsReturned: 1)
        }
        let perConversation = Double(workload.tenantMessages) / Double(max(workload.tenantConversations, 1))
        return sequentialScanSeconds(
            table: workload.messages,
            workSeconds: topNSortSeconds(rows: perConversation),
            allowsParallel: allowsParallel
        )
    }
}
