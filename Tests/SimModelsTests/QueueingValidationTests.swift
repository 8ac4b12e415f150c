import Foundation
import ScaleSim
import SimModels
import XCTest

/// Compares simulated M/M/1, M/M/c, M/D/1 and M/M/c/c stations with their closed forms.
///
/// Every reference value must lie in its simulated Student-t interval over independent
/// replications. The intervals are widened by Bonferroni's inequality over all m rows (level
/// 1 - 0.05/m each), so a correct simulator passes the whole table with probability >= 95%. Each
/// interval's half-width must also stay below `maximumRelativeHalfWidth` of its mean, so runs too
/// short to detect a bias fail instead of passing on wide intervals. Seeds are fixed per case.
///
/// Meant for release builds: about 23 s there on two cores (see docs/validation.md). With
/// SCALESIM_WRITE_VALIDATION=1 the test also writes docs/validation.md.
final class QueueingValidationTests: XCTestCase {
    /// The largest accepted half-width as a fraction of the simulated mean.
    static let maximumRelativeHalfWidth = 0.05

    /// Customers per replication and replications of each case; heavier loads need longer runs.
    static func runLength(_ caseName: String) -> (customers: Double, replications: Int) {
        switch caseName {
        case "mm1_rho50", "md1_rho80", "erlangb_c10_a8": return (300_000, 10)
        case "mm1_rho90": return (1_000_000, 20)
        case "mmc_c4_rho90", "mmc_c8_rho90": return (2_000_000, 20)
        case "mmc_c32_rho95": return (4_000_000, 20)
        default: return (1_000_000, 10)
        }
    }

    /// One validated row: the reference and the simulated interval at the Bonferroni level.
    struct Comparison {
        var row: QueueingReference.Row
        var interval: ConfidenceInterval
    }

    func testQueueingTableMatchesTheory() throws {
        let rows = try QueueingReference.rows()
        XCTAssertGreaterThan(rows.count, 50)
        let level = ConfidenceInterval.level(forFamilyLevel: 0.95, comparisons: rows.count)

        var caseNames: [String] = []
        for row in rows where !caseNames.contains(row.caseName) {
            caseNames.append(row.caseName)
        }

        var comparisons: [Comparison] = []
        let started = Date()
        for caseName in caseNames {
            let caseRows = rows.filter { $0.caseName == caseName }
            let spec = try Self.spec(for: caseRows[0])
            let result = NetworkRunner.run(spec, jobs: 2)
            for row in caseRows {
                let metric = try XCTUnwrap(StationMetric(rawValue: row.metric), "unknown metric \(row.metric)")
                let index = try XCTUnwrap(StationMetric.allCases.firstIndex(of: metric))
                let values = result.replications.map { $0.stations[0][index] }
                let interval = try XCTUnwrap(ConfidenceInterval.studentT(values, level: level))
                comparisons.append(Comparison(row: row, interval: interval))
            }
        }
        let elapsed = Date().timeIntervalSince(started)

        for comparison in comparisons {
            let row = comparison.row
            let interval = comparison.interval
            XCTAssertTrue(interval.contains(row.value),
                          "\(row.caseName) \(row.metric): theory \(row.value) outside \(interval.lowerBound)...\(interval.upperBound)")
            XCTAssertLessThan(interval.relativeHalfWidth ?? .infinity, Self.maximumRelativeHalfWidth,
                              "\(row.caseName) \(row.metric): half-width \(interval.halfWidth) of \(interval.mean)")
        }

        if ProcessInfo.processInfo.environment["SCALESIM_WRITE_VALIDATION"] == "1" {
            try ValidationDocument.write(comparisons, level: level, elapsed: elapsed)
        }
    }

    /// Builds the one-station network of a reference case, with its run length and fixed seed.
    static func spec(for row: QueueingReference.Row) throws -> NetworkSpec {
        let parameters = row.parameters
        guard let lambda = parameters["lambda"].flatMap(Double.init) else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "no lambda in \(row.caseName)"])
        }
        let servers = parameters["c"].flatMap(Int.init) ?? 1
        let service: Distribution
        if parameters["service"] == "deterministic(1.0)" {
            service = .constant(try Constant(1.0))
        } else {
            let mu = parameters["mu"].flatMap(Double.init) ?? 1
            service = .exponential(try Exponential(rate: mu))
        }
        let queueCapacity = parameters["queue"].flatMap(Int.init)

        let (customers, replications) = runLength(row.caseName)
        let warmup = 20_000 / lambda
        let run = RunSpec(duration: .seconds(warmup + customers / lambda), warmup: .seconds(warmup),
                          replications: replications, seed: RandomStreams.fnv1a(row.caseName))
        return NetworkSpec(
            stations: [StationSpec(name: "station", servers: servers, queueCapacity: queueCapacity, service: service)],
            sources: [OpenSourceSpec(name: "arrivals", interarrival: .exponential(try Exponential(rate: lambda)), target: 0)],
            run: run)
    }
}
