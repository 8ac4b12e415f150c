import ScaleSim
import SimModels
import XCTest

final class QueryCostModelTests: XCTestCase {
    private let model = QueryCostModel(constants: .postgres15Calibration,
                                       roundTrip: QueryCostModel.calibrationLoopbackRoundTrip)
    private let heldOutSize = 10_003_964

    private func modelledMilliseconds(_ row: CalibrationFixture.Measurement,
                                      _ inputs: [String: CalibrationFixture.Inputs]) -> Double? {
        guard let input = inputs["\(row.rowsMessages)/\(row.tenant)"],
              let cost = CalibrationFixture.cost(of: row, inputs: input, model: model)
        else { return nil }
        let roundTrip = SimDuration.milliseconds(CalibrationFixture.roundTripMilliseconds(of: row, inputs: input))
        return cost.latency(roundTrip: roundTrip).milliseconds
    }

    // MARK: Calibration

    /// The Swift model and the fit script compute the same latency for every measured row.
    func testModelMatchesFitScript() throws {
        let inputs = try CalibrationFixture.inputs()
        let predictions = try CalibrationFixture.records("model_predictions.csv")
        let measurements = try CalibrationFixture.measurements()
        XCTAssertEqual(predictions.count, measurements.filter { $0.query != "RTT" }.count)

        for prediction in predictions {
            let row = CalibrationFixture.Measurement(
                rowsMessages: Int(prediction["rows_messages"] ?? "") ?? 0,
                query: prediction["query"] ?? "", variant: prediction["variant"] ?? "",
                tenant: prediction["tenant"] ?? "", medianMilliseconds: .nan)
            let expected = Double(prediction["modelled_ms"] ?? "") ?? .nan
            let label = "\(row.rowsMessages) \(row.query) \(row.variant) \(row.tenant)"
            guard let modelled = modelledMilliseconds(row, inputs) else {
                XCTFail("no model for \(label)")
                continue
            }
            XCTAssertEqual(modelled / expected, 1, accuracy: 0.005, "\(label): Swift \(modelled) ms, script \(expected) ms")
        }
    }

    /// Every 10M-row measurement, held out of the fit, is predicted within a factor of 2.
    ///
    /// No row is excluded. The sub-millisecond per-size rows carry loopback noise, so each is
    /// compared with the round trip measured in the same run.
    func testHeldOutWithinFactorTwo() throws {
        let inputs = try CalibrationFixture.inputs()
        let heldOut = try CalibrationFixture.measurements().filter { $0.rowsMessages == heldOutSize && $0.query != "RTT" }
        XCTAssertEqual(heldOut.count, 46)

        for row in heldOut {
            let label = "\(row.query) \(row.variant) \(row.tenant)"
            guard let modelled = modelledMilliseconds(row, inputs) else {
                XCTFail("no model for \(label)")
                continue
            }
            let ratio = modelled / row.medianMilliseconds
            XCTAssertTrue((0.5...2).contains(ratio),
                          "\(label): modelled \(modelled) ms, measured \(row.medianMilliseconds) ms, ratio \(ratio)")
        }
    }

    // MARK: Shape

    private func messages(_ rows: Double) -> TableStatistics { TableStatistics(rows: rows, rowBytes: 275) }
    private func conversations(_ rows: Double) -> TableStatistics { TableStatistics(rows: rows / 20, rowBytes: 78) }
    private func usage(_ rows: Double) -> TableStatistics { TableStatistics(rows: rows, rowBytes: 68) }
    private let sizes: [Double] = [1e3, 1e4, 1e5, 3e5, 1e6, 1e7, 1e8]

    func testIndexScanGrowsLogarithmically() {
        let steps = [1e4, 1e5, 1e6, 1e7, 1e8].map { model.indexScanSeconds(tableRows: $0, rowsReturned: 1) }
        let firstStep = steps[1] - steps[0]

        XCTAssertGreaterThan(firstStep, 0)
        for index in 2..<steps.count {
            XCTAssertEqual(steps[index] - steps[index - 1], firstStep, accuracy: firstStep * 1e-9)
        }
    }

    func testSequentialScanGrowsLinearly() {
        let table = messages(1e6)
        let doubled = messages(2e6)
        let serial = model.serialScanSeconds(rows: table.rows, rowBytes: table.rowBytes)

        XCTAssertEqual(model.serialScanSeconds(rows: doubled.rows, rowBytes: doubled.rowBytes), 2 * serial,
                       accuracy: serial * 1e-12)
        XCTAssertEqual(model.sequentialScanSeconds(table: doubled), 2 * model.sequentialScanSeconds(table: table),
                       accuracy: serial * 1e-12)
    }

    func testParallelScanAboveThreshold() {
        let threshold = QueryCostConstants.postgres15Calibration.parallelScanThresholdRows
        let below = messages(threshold)
        let above = messages(threshold * 2)

        XCTAssertEqual(model.sequentialScanSeconds(table: below),
                       model.serialScanSeconds(rows: below.rows, rowBytes: below.rowBytes))
        XCTAssertLessThan(model.sequentialScanSeconds(table: above),
                          model.serialScanSeconds(rows: above.rows, rowBytes: above.rowBytes))
    }

    func testIndexNeverRaisesLookupCost() {
        for rows in sizes {
            for tenantConversations in [1, 20, 50, 5_000] {
                let plain = ListingWorkload(conversations: conversations(rows), messages: messages(rows),
                                            tenantConversations: tenantConversations,
                                            tenantMessages: tenantConversations * 20, isIndexed: false)
                var indexed = plain
                indexed.isIndexed = true
                for shape in ListingShape.allCases {
                    XCTAssertLessThanOrEqual(model.listing(indexed, shape: shape).serverSeconds,
                                             model.listing(plain, shape: shape).serverSeconds, "\(shape) at \(rows) rows")
                }
                XCTAssertLessThanOrEqual(model.latestMessage(indexed).serverSeconds,
                                         model.latestMessage(plain).serverSeconds, "latest message at \(rows) rows")
            }
        }
    }

    func testIndexNeverRaisesAggregateCost() {
        let layouts: [Partitioning?] = [nil, Partitioning(partitionCount: 13, scannedPartitionCount: 3)]
        for rows in sizes {
            for windowRows in [0, 100, Int(rows / 40)] {
                for partitioning in layouts {
                    let plain = UsageAggregateWorkload(usageEvents: usage(rows), tenantWindowRows: windowRows,
                                                       isIndexed: false, partitioning: partitioning)
                    var indexed = plain
                    indexed.isIndexed = true
                    XCTAssertLessThanOrEqual(model.usageAggregate(indexed).serverSeconds,
                                             model.usageAggregate(plain).serverSeconds,
                                             "\(rows) rows, \(windowRows) in window, \(String(describing: partitioning))")
                }
            }
        }
    }

    func testPartitionsNeverRaiseRowsScanned() {
        for rows in sizes {
            for isIndexed in [false, true] {
                for scanned in 0...13 {
                    let plain = UsageAggregateWorkload(usageEvents: usage(rows), tenantWindowRows: 100, isIndexed: isIndexed)
                    var partitioned = plain
                    partitioned.partitioning = Partitioning(partitionCount: 13, scannedPartitionCount: scanned)
                    XCTAssertLessThanOrEqual(model.usageAggregate(partitioned).rowsScanned,
                                             model.usageAggregate(plain).rowsScanned,
                                             "\(rows) rows, indexed \(isIndexed), \(scanned) partitions")
                }
            }
        }
    }

    func testExtraIndexRaisesInsertCost() {
        for rows in sizes {
            for isSynchronousCommit in [false, true] {
                let one = MessageInsertWorkload(messages: messages(rows), conversations: conversations(rows),
                                                indexCount: 1, isSynchronousCommit: isSynchronousCommit)
                var two = one
                two.indexCount = 2
                XCTAssertGreaterThan(model.messageInsert(two).serverSeconds, model.messageInsert(one).serverSeconds,
                                     "\(rows) rows, synchronous \(isSynchronousCommit)")
            }
        }
    }

    func testSynchronousCommitAddsFlush() {
        let async = MessageInsertWorkload(messages: messages(1e6), conversations: conversations(1e6),
                                          indexCount: 2, isSynchronousCommit: false)
        var sync = async
        sync.isSynchronousCommit = true

        XCTAssertEqual(model.messageInsert(sync).serverSeconds - model.messageInsert(async).serverSeconds,
                       QueryCostConstants.postgres15Calibration.commitFlushSeconds, accuracy: 1e-12)
    }

    /// LATERAL is never slower than N+1 once round trips count, wherever its single statement
    /// gives up nothing: with indexes, or without them while the scans are serial anyway.
    func testLateralNotSlowerThanNPlusOne() {
        let roundTrips = [QueryCostModel.calibrationLoopbackRoundTrip, QueryCostModel.lanRoundTrip]
        let threshold = QueryCostConstants.postgres15Calibration.parallelScanThresholdRows
        for rows in sizes {
            for tenantConversations in [1, 20, 50, 5_000] {
                for isIndexed in [true, false] where isIndexed || rows <= threshold {
                    let workload = ListingWorkload(conversations: conversations(rows), messages: messages(rows),
                                                   tenantConversations: tenantConversations,
                                                   tenantMessages: tenantConversations * 20, isIndexed: isIndexed)
                    for roundTrip in roundTrips {
                        let lateral = model.listing(workload, shape: .lateral).latency(roundTrip: roundTrip)
                        let nPlusOne = model.listing(workload, shape: .nPlusOne).latency(roundTrip: roundTrip)
                        XCTAssertLessThanOrEqual(lateral, nPlusOne,
                                                 "\(rows) rows, \(tenantConversations) conversations, indexed \(isIndexed), \(roundTrip)")
                    }
                }
            }
        }
    }

    /// Without indexes and above the parallel threshold, LATERAL is slower, as measured at 1M
    /// and 10M rows, because its inner scans cannot use parallel workers.
    func testLateralSlowerForParallelScans() {
        let workload = ListingWorkload(conversations: conversations(1e7), messages: messages(1e7),
                                       tenantConversations: 51_085, tenantMessages: 1_024_490, isIndexed: false)
        let lateral = model.listing(workload, shape: .lateral)
        let nPlusOne = model.listing(workload, shape: .nPlusOne)

        XCTAssertGreaterThan(lateral.latency(roundTrip: QueryCostModel.lanRoundTrip),
                             nPlusOne.latency(roundTrip: QueryCostModel.lanRoundTrip))
    }

    func testNPlusOneStatementCount() {
        for (tenantConversations, expected) in [(0, 1), (20, 21), (50, 51), (5_000, 51)] {
            let workload = ListingWorkload(conversations: conversations(1e6), messages: messages(1e6),
                                           tenantConversations: tenantConversations,
                                           tenantMessages: tenantConversations * 20, isIndexed: true)
            XCTAssertEqual(model.listing(workload, shape: .nPlusOne).statements, expected)
            XCTAssertEqual(model.listing(workload, shape: .lateral).statements, 1)
        }
    }

    func testBreakdownSplitsServerAndRoundTrip() {
        let workload = ListingWorkload(conversations: conversations(1e6), messages: messages(1e6),
                                       tenantConversations: 50, tenantMessages: 1_000, isIndexed: true)
        let cost = model.listing(workload, shape: .nPlusOne)
        let roundTrip = QueryCostModel.lanRoundTrip

        XCTAssertEqual(cost.latency(roundTrip: roundTrip).seconds,
                       cost.serverSeconds + 51 * roundTrip.seconds, accuracy: 1e-9)
        XCTAssertEqual(cost.serverTime(ofStatement: 0).seconds, cost.firstStatementSeconds, accuracy: 1e-9)
        XCTAssertEqual(cost.serverTime(ofStatement: 50).seconds, cost.followingStatementSeconds, accuracy: 1e-9)
        XCTAssertEqual(cost.serverTime(ofStatement: 51), .zero)
    }
}
