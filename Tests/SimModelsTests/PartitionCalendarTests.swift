import ScaleSim
import SimModels
import XCTest

final class PartitionCalendarTests: XCTestCase {
    private let volume = DataVolume(growth: .default, sessionsPerCustomerDay: 12, turnsPerSession: 6)

    func testNinetyDaysPrunesToThreeOrFour() {
        // 90 days are 2.96 months: three partitions from a month boundary, four from mid-month.
        let onBoundary = PartitionCalendar(ageMonths: 13)
        XCTAssertEqual(onBoundary.partitionCount, 13)
        XCTAssertEqual(onBoundary.partitions(overlappingLastDays: 90), 10..<13)
        let midMonth = PartitionCalendar(ageMonths: 12.5)
        XCTAssertEqual(midMonth.partitions(overlappingLastDays: 90), 9..<13)
    }

    func testLongWindowScansEverything() {
        let calendar = PartitionCalendar(ageMonths: 6)
        let scan = calendar.scan(.usageEvents, lastDays: 1_000, volume: volume)
        XCTAssertEqual(scan.partitions, 0..<6)
        XCTAssertEqual(scan.share, 1, accuracy: 1e-12)
    }

    func testScanRowsAreWholePartitions() {
        // A 90-day scan at month 13 reads months 10, 11 and 12 in full.
        let scan = PartitionCalendar(ageMonths: 13).scan(.usageEvents, lastDays: 90, volume: volume)
        let expected = (10..<13).map { volume.rows(.usageEvents, inMonth: $0) }.reduce(0, +)
        XCTAssertEqual(scan.rowsScanned, expected, accuracy: expected * 1e-12)
        XCTAssertEqual(scan.totalRows, volume.rows(.usageEvents, throughMonth: 13), accuracy: 1e-6)
    }

    func testPruningNeverRaisesRows() {
        // Over many ages and windows: the pruned scan reads no more than the whole table and no
        // less than the rows in the window.
        for ageStep in 1...80 {
            let age = Double(ageStep) * 0.37
            let calendar = PartitionCalendar(ageMonths: age)
            for days in [1.0, 7, 30, 90, 180, 365, 1_000] {
                for table in DataVolume.Table.allCases {
                    let scan = calendar.scan(table, lastDays: days, volume: volume)
                    let windowRows = volume.rows(table, trailingDays: days, atMonth: age)
                    XCTAssertLessThanOrEqual(scan.rowsScanned, scan.totalRows * (1 + 1e-12), "age \(age), \(days) days")
                    XCTAssertGreaterThanOrEqual(scan.rowsScanned, windowRows * (1 - 1e-12), "age \(age), \(days) days")
                    XCTAssertLessThanOrEqual(scan.share, 1 + 1e-12, "age \(age), \(days) days")
                }
            }
        }
    }

    func testMissingPartitionFailsAfterBoundary() {
        // Without the creation job, inserts fail from the month boundary on.
        let calendar = PartitionCalendar(ageMonths: 13.9, spec: PartitionSpec(creationJobRuns: false),
                                         nextMonthBoundary: .seconds(1_800))
        XCTAssertTrue(calendar.insertSucceeds(at: .seconds(1_799)))
        XCTAssertFalse(calendar.insertSucceeds(at: .seconds(1_800)))
        XCTAssertTrue(calendar.insertSucceeds(atMonth: 13.99))
        XCTAssertFalse(calendar.insertSucceeds(atMonth: 14))
    }

    func testCreationJobKeepsInsertsWorking() {
        let calendar = PartitionCalendar(ageMonths: 13.9, spec: PartitionSpec(creationJobRuns: true),
                                         nextMonthBoundary: .seconds(1_800))
        XCTAssertTrue(calendar.insertSucceeds(at: .seconds(3_000)))
        XCTAssertTrue(calendar.insertSucceeds(atMonth: 15))
    }

    func testNoBoundaryInRunKeepsInsertsWorking() {
        let calendar = PartitionCalendar(ageMonths: 13.2, spec: PartitionSpec(creationJobRuns: false))
        XCTAssertTrue(calendar.insertSucceeds(at: .seconds(3_600)))
    }
}
