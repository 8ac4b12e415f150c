import ScaleSim
import SimModels
import XCTest

final class TenantPopulationTests: XCTestCase {
    private func population(count: Int, seed: UInt64 = 42, skew: Double = 1) -> TenantPopulation {
        TenantPopulation(customers: CustomerSpec(count: count), activitySkew: skew,
                         streams: RandomStreams(seed: seed))
    }

    func testPlanCountsMatchMix() {
        let tenants = population(count: 1_000)
        XCTAssertEqual(tenants.count(of: .enterprise), 50)
        XCTAssertEqual(tenants.count(of: .pro), 250)
        XCTAssertEqual(tenants.count(of: .free), 700)
        XCTAssertEqual(tenants.plans.filter { $0 == .enterprise }.count, 50)
    }

    func testPlanCountsRoundCumulatively() {
        // Seven tenants: enterprise round(0.35) = 0, enterprise + pro round(2.1) = 2, free 5.
        let tenants = population(count: 7)
        XCTAssertEqual(tenants.count(of: .enterprise), 0)
        XCTAssertEqual(tenants.count(of: .pro), 2)
        XCTAssertEqual(tenants.count(of: .free), 5)
    }

    func testMeanFactorPerPlanIsOne() {
        let tenants = population(count: 2_000)
        for plan in Plan.allCases {
            let factors = zip(tenants.plans, tenants.activityFactors).filter { $0.0 == plan }.map(\.1)
            XCTAssertEqual(factors.reduce(0, +) / Double(factors.count), 1, accuracy: 1e-9, "\(plan)")
        }
    }

    func testTotalSessionsFollowPlans() {
        // With mean factor 1, the total is Σ plan count × plan sessions: 50×250 + 250×30 + 700×4.
        let tenants = population(count: 1_000)
        XCTAssertEqual(tenants.totalSessionsPerDay, 22_800, accuracy: 1e-6)
        XCTAssertEqual(tenants.meanSessionsPerCustomerDay, 22.8, accuracy: 1e-9)
        XCTAssertEqual(tenants.rowShares.reduce(0, +), 1, accuracy: 1e-9)
    }

    func testBusiestTenantIsEnterprise() {
        let tenants = population(count: 10_000)
        let busiest = tenants.sessionsPerDay.indices.max { tenants.sessionsPerDay[$0] < tenants.sessionsPerDay[$1] }
        XCTAssertEqual(busiest.map { tenants.plans[$0] }, .enterprise)
    }

    func testNoSkewMakesPlansUniform() {
        let tenants = population(count: 100, skew: 0)
        XCTAssertEqual(tenants.activityFactors.min(), 1)
        XCTAssertEqual(tenants.activityFactors.max(), 1)
    }

    func testBuildIsDeterministic() {
        let first = population(count: 3_000)
        let second = population(count: 3_000)
        XCTAssertEqual(first.plans, second.plans)
        XCTAssertEqual(first.sessionsPerDay, second.sessionsPerDay)
    }

    func testSeedChangesAssignment() {
        XCTAssertNotEqual(population(count: 3_000, seed: 1).plans, population(count: 3_000, seed: 2).plans)
    }

    func testSamplerFollowsActivity() {
        // The busiest tenant's draw frequency matches its share of sessions.
        let tenants = population(count: 1_000)
        var rng = RandomStreams(seed: 9).stream("test.tenant.sampler")
        let busiest = tenants.rowShares.indices.max { tenants.rowShares[$0] < tenants.rowShares[$1] } ?? 0
        let draws = 200_000
        var hits = 0
        for _ in 0..<draws where tenants.sampleTenant(using: &rng) == busiest {
            hits += 1
        }
        let share = tenants.rowShares[busiest]
        let standardError = (share * (1 - share) / Double(draws)).squareRoot()
        XCTAssertEqual(Double(hits) / Double(draws), share, accuracy: 4 * standardError)
    }

    func testEmptyPopulation() {
        let tenants = population(count: 0)
        var rng = RandomStreams(seed: 1).stream("test.tenant.empty")
        XCTAssertNil(tenants.sampleTenant(using: &rng))
        XCTAssertEqual(tenants.meanSessionsPerCustomerDay, 0)
    }
}
