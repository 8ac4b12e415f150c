import ScaleSim
import SimModels
import XCTest

final class DataVolumeTests: XCTestCase {
    /// Zero customers at launch to 100 at month 10: the integral to month m ≤ 10 is 5 m².
    private let linear = DataVolume(growth: GrowthCurve(points: [(0, 0), (10, 100)]),
                                    sessionsPerCustomerDay: 2, turnsPerSession: 6)

    func testCustomerMonthsOnLinearCurve() {
        XCTAssertEqual(linear.customerMonths(throughMonth: 4), 80, accuracy: 1e-9)
        XCTAssertEqual(linear.customerMonths(throughMonth: 10), 500, accuracy: 1e-9)
        // Beyond the last point the curve stays at 100 customers.
        XCTAssertEqual(linear.customerMonths(throughMonth: 12), 700, accuracy: 1e-9)
        XCTAssertEqual(linear.customerMonths(throughMonth: 0), 0)
    }

    func testRowsOnLinearCurve() {
        // 80 customer-months × 30.4 days × 2 sessions = 4,864 conversations; 12 messages and
        // 6 usage events per session.
        XCTAssertEqual(linear.rows(.conversations, throughMonth: 4), 4_864, accuracy: 1e-6)
        XCTAssertEqual(linear.rows(.messages, throughMonth: 4), 58_368, accuracy: 1e-6)
        XCTAssertEqual(linear.rows(.usageEvents, throughMonth: 4), 29_184, accuracy: 1e-6)
        XCTAssertEqual(linear.rows(.conversations, throughMonth: 12), 42_560, accuracy: 1e-6)
    }

    func testRowsInMonthAndWindow() {
        // Month 3 holds 5 (16 - 9) = 35 customer-months: 35 × 60.8 = 2,128 conversations.
        XCTAssertEqual(linear.rows(.conversations, inMonth: 3), 2_128, accuracy: 1e-6)
        XCTAssertEqual(linear.rows(.conversations, trailingDays: 30.4, atMonth: 4), 2_128, accuracy: 1e-6)
        XCTAssertEqual(linear.rows(.conversations, fromMonth: 5, toMonth: 4), 0)
    }

    func testConstantBeforeFirstPoint() {
        // 10 customers from launch to month 2, then 10 to 30 by month 4: 20 + 40 customer-months.
        let late = DataVolume(growth: GrowthCurve(points: [(2, 10), (4, 30)]),
                              sessionsPerCustomerDay: 1, turnsPerSession: 1)
        XCTAssertEqual(late.customerMonths(throughMonth: 4), 60, accuracy: 1e-9)
    }

    func testTenantRowsFollowShare() {
        XCTAssertEqual(linear.tenantRows(.messages, throughMonth: 4, share: 0.25), 14_592, accuracy: 1e-6)
    }

    func testRowsMonotoneInMonth() {
        // Rows only accumulate, on the default curve and in every table.
        let volume = DataVolume(growth: .default, sessionsPerCustomerDay: 12, turnsPerSession: 6)
        for table in DataVolume.Table.allCases {
            var previous = 0.0
            for step in 0...120 {
                let rows = volume.rows(table, throughMonth: Double(step) * 0.25)
                XCTAssertGreaterThanOrEqual(rows, previous, "\(table) at month \(Double(step) * 0.25)")
                previous = rows
            }
        }
    }
}
