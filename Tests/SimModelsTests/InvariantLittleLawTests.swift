import ScaleSim
import SimModels
import XCTest

/// Little's law at every station of generated tandem networks: the mean number in system L
/// equals throughput λ times mean sojourn W, within the replications' confidence interval.
final class InvariantLittleLawTests: XCTestCase {
    /// Per station: servers and utilization per server, in percent (kept below 85 so runs settle).
    static let tandem: Generator<[(Int, Int)]> = .array(of: .zip(.int(in: 1...3), .int(in: 10...85)), length: 1...3)

    static func spec(_ stations: [(Int, Int)], seed: UInt64) throws -> NetworkSpec {
        let arrivalRate = 1.0
        var specs: [StationSpec] = []
        for (index, (servers, percent)) in stations.enumerated() {
            let meanService = Double(percent) / 100 * Double(servers) / arrivalRate
            let routing = index + 1 < stations.count ? [Route(target: index + 1, probability: 1)] : []
            specs.append(StationSpec(name: "s\(index)", servers: servers,
                                     service: .exponential(try Exponential(mean: meanService)), routing: routing))
        }
        let source = OpenSourceSpec(name: "open", interarrival: .exponential(try Exponential(rate: arrivalRate)), target: 0)
        let run = RunSpec(duration: .seconds(4_000), warmup: .seconds(200), replications: 8, seed: seed)
        return NetworkSpec(stations: specs, sources: [source], run: run)
    }

    func testLittlesLawEveryStation() throws {
        let inSystem = try XCTUnwrap(StationMetric.allCases.firstIndex(of: .meanInSystem))
        let throughput = try XCTUnwrap(StationMetric.allCases.firstIndex(of: .throughput))
        let sojourn = try XCTUnwrap(StationMetric.allCases.firstIndex(of: .meanSojourn))
        XCTAssertProperty(cases: 12, seed: 81, Self.tandem) { stations in
            let spec = try Self.spec(stations, seed: 5)
            let result = NetworkRunner.run(spec, jobs: 2)
            for station in spec.stations.indices {
                let differences = result.replications.map { replication in
                    replication.stations[station][inSystem]
                        - replication.stations[station][throughput] * replication.stations[station][sojourn]
                }
                guard let interval = ConfidenceInterval.studentT(differences, level: 0.99) else {
                    throw Breach("station \(station): no interval")
                }
                // Boundary effects (customers in service at the window's ends) leave a bias
                // far below 2% of L; the interval or that tolerance must cover zero.
                let meanInSystem = result.stations[station][inSystem].value
                guard interval.contains(0) || abs(interval.mean) < 0.02 * meanInSystem else {
                    throw Breach("station \(station): L - λW in \(interval.lowerBound)...\(interval.upperBound)")
                }
            }
            return true
        }
    }
}
