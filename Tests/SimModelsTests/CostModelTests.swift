import ScaleSim
import SimModels
import XCTest

final class CostModelTests: XCTestCase {
    private let model = CostModel()
    /// 1.2 GB from the CDN and $50 of tokens in an hour that carries 10% of the day.
    private let usage = HourlyUsage(cdnBytes: 1.2e9, llmDollars: 50, shareOfDay: 0.1)

    func testStage2PartsByHand() {
        let cost = model.monthlyCost(of: ArchitecturePreset.stage2.architecture, usage: usage)

        // 720 hours a month: 2 x 0.17 x 720, 0.45 x 720, 1 x 0.45 x 720, 0.21 x 720, 0.02 x 720,
        // ceil(4 / 64) = 1 worker server x 0.17 x 720.
        XCTAssertEqual(cost.appServers.dollarsPerMonth, 244.8, accuracy: 1e-9)
        XCTAssertEqual(cost.database.dollarsPerMonth, 324, accuracy: 1e-9)
        XCTAssertEqual(cost.replicas.dollarsPerMonth, 324, accuracy: 1e-9)
        XCTAssertEqual(cost.redis.dollarsPerMonth, 151.2, accuracy: 1e-9)
        XCTAssertEqual(cost.pooler.dollarsPerMonth, 14.4, accuracy: 1e-9)
        XCTAssertEqual(cost.runtimeWorkers.dollarsPerMonth, 0)
        XCTAssertEqual(cost.backgroundWorkers.dollarsPerMonth, 122.4, accuracy: 1e-9)
        // 1.2 GB / 0.1 x 30 days = 360 GB x $0.085 = $30.60.
        XCTAssertEqual(cost.cdn.dollarsPerMonth, 30.6, accuracy: 1e-9)
        // $50 / 0.1 x 30 days = $15,000.
        XCTAssertEqual(cost.llm.dollarsPerMonth, 15_000, accuracy: 1e-9)
        XCTAssertEqual(cost.totalDollarsPerMonth, 16_211.4, accuracy: 1e-9)
    }

    func testTotalIsSumOfParts() {
        for preset in ArchitecturePreset.allCases {
            let cost = model.monthlyCost(of: preset.architecture, usage: usage)
            var sum = 0.0
            for part in cost.parts { sum += part.dollarsPerMonth }

            XCTAssertEqual(cost.totalDollarsPerMonth, sum, accuracy: 1e-9, preset.rawValue)
            XCTAssertEqual(cost.infrastructureDollarsPerMonth + cost.llm.dollarsPerMonth, sum, accuracy: 1e-9, preset.rawValue)
        }
    }

    func testRuntimeWorkerServersRoundUp() {
        XCTAssertEqual(model.workerServerCount(slots: 0), 0)
        XCTAssertEqual(model.workerServerCount(slots: 64), 1)
        XCTAssertEqual(model.workerServerCount(slots: 65), 2)
        XCTAssertEqual(model.workerServerCount(slots: 256), 4)
    }

    func testStage3RuntimeWorkers() {
        // 256 slots / 64 = 4 servers x 0.17 x 720 = $489.60.
        let cost = model.monthlyCost(of: ArchitecturePreset.stage3.architecture, usage: usage)

        XCTAssertEqual(cost.runtimeWorkers.dollarsPerMonth, 489.6, accuracy: 1e-9)
    }

    func testNoCDNMeansNoCDNCost() {
        let cost = model.monthlyCost(of: ArchitecturePreset.stage1.architecture, usage: usage)

        XCTAssertEqual(cost.cdn.dollarsPerMonth, 0)
        XCTAssertEqual(cost.pooler.dollarsPerMonth, 0)
        XCTAssertEqual(cost.replicas.dollarsPerMonth, 0)
    }

    func testPerCustomerDividesTotal() {
        let cost = model.monthlyCost(of: ArchitecturePreset.stage2.architecture, usage: usage)

        XCTAssertEqual(cost.dollarsPerCustomerPerMonth(customers: 1_000) ?? -1, 16.2114, accuracy: 1e-9)
        XCTAssertNil(cost.dollarsPerCustomerPerMonth(customers: 0))
    }

    func testCostsNeverNegative() {
        var prices = InfrastructurePrices()
        prices.appServerPerHour = -1
        prices.cdnPerGB = -0.5
        var architecture = ArchitecturePreset.stage4.architecture
        architecture.appServers = -3
        let negativeUsage = HourlyUsage(cdnBytes: -1e9, llmDollars: -20, shareOfDay: 0.1)

        let cost = CostModel(prices: prices).monthlyCost(of: architecture, usage: negativeUsage)

        for part in cost.parts {
            XCTAssertGreaterThanOrEqual(part.dollarsPerMonth, 0, part.name)
        }
        XCTAssertGreaterThanOrEqual(cost.totalDollarsPerMonth, 0)
    }

    func testDerivationStatesFormula() {
        let cost = model.monthlyCost(of: ArchitecturePreset.stage2.architecture, usage: usage)

        XCTAssertEqual(cost.cdn.derivation, "1.200 GB in the hour / 0.1000 of the day x 30 days = 360.0 GB x $0.085/GB = $30.60")
        XCTAssertEqual(cost.llm.derivation, "$50.00 in the hour / 0.1000 of the day x 30 days = $15000.00")
        XCTAssertEqual(cost.appServers.derivation, "2 x $0.170/h x 24 h x 30 days = $244.80")
        XCTAssertTrue(cost.derivation.hasSuffix("total: $16211.40 per month"), cost.derivation)
    }
}
