import Foundation
import ScaleSim
import SimModels
import XCTest

/// Properties every network run must have, whatever its parameters: Little's law, conservation
/// of customers, a clock that never goes back, and seed determinism across processes.
final class NetworkPropertyTests: XCTestCase {
    /// A tandem with feedback, a finite queue and a closed class, so every path of the model runs.
    static func mixedSpec(seed: UInt64 = 11, replications: Int = 8) throws -> NetworkSpec {
        let stations = [
            StationSpec(name: "front", servers: 2, service: .exponential(try Exponential(mean: 0.3)),
                        routing: [Route(target: 1, probability: 0.7)]),
            StationSpec(name: "back", servers: 1, queueCapacity: 5, service: .lognormal(try LogNormal.fromMean(0.4, coefficientOfVariation: 1.2)),
                        routing: [Route(target: 0, probability: 0.1)]),
        ]
        let sources = [OpenSourceSpec(name: "open", interarrival: .exponential(try Exponential(rate: 2)), target: 0)]
        let classes = [ClosedClassSpec(name: "loop", population: 5, think: .exponential(try Exponential(mean: 4)), target: 1)]
        let run = RunSpec(duration: .seconds(20_000), warmup: .seconds(500), replications: replications, seed: seed)
        return NetworkSpec(stations: stations, sources: sources, closedClasses: classes, run: run)
    }

    func testLittlesLawPerStation() throws {
        // L = λW per station: mean in system against throughput times mean sojourn, per replication.
        let spec = try Self.mixedSpec()
        let result = NetworkRunner.run(spec, jobs: 2)
        let inSystem = try XCTUnwrap(StationMetric.allCases.firstIndex(of: .meanInSystem))
        let throughput = try XCTUnwrap(StationMetric.allCases.firstIndex(of: .throughput))
        let sojourn = try XCTUnwrap(StationMetric.allCases.firstIndex(of: .meanSojourn))
        for station in spec.stations.indices {
            let differences = result.replications.map { replication in
                let values = replication.stations[station]
                return values[inSystem] - values[throughput] * values[sojourn]
            }
            let interval = try XCTUnwrap(ConfidenceInterval.studentT(differences, level: 0.99))
            XCTAssertTrue(interval.contains(0), "station \(station): L - λW in \(interval.lowerBound)...\(interval.upperBound)")
            let meanInSystem = result.stations[station][inSystem].value
            XCTAssertLessThan(abs(interval.mean), 0.02 * meanInSystem, "station \(station)")
        }
    }

    func testConservationLedgerBalances() throws {
        let spec = try Self.mixedSpec(replications: 3)
        let result = NetworkRunner.run(spec, jobs: 1)
        for replication in result.replications {
            let ledger = replication.ledger
            XCTAssertEqual(ledger.entered, ledger.departed + ledger.rejected + replication.customersInSystem)
            XCTAssertGreaterThan(ledger.rejected, 0, "the finite queue should turn some customers away")
        }
    }

    func testConservationHoldsAfterEveryEvent() throws {
        var spec = try Self.mixedSpec(replications: 1)
        spec.run.duration = .seconds(500)
        var simulation = Simulation(model: CheckedNetwork(model: NetworkModel(spec: spec, streams: RandomStreams(seed: 3))))
        simulation.model.model.start(scheduler: &simulation.scheduler)
        simulation.run(until: SimTime(nanoseconds: spec.run.duration.nanoseconds))
        XCTAssertEqual(simulation.model.ledgerBreaches, 0)
        XCTAssertGreaterThan(simulation.model.eventsSeen, 1000)
    }

    func testClockNeverGoesBackwards() throws {
        var spec = try Self.mixedSpec(replications: 1)
        spec.run.duration = .seconds(500)
        var simulation = Simulation(model: CheckedNetwork(model: NetworkModel(spec: spec, streams: RandomStreams(seed: 4))))
        simulation.model.model.start(scheduler: &simulation.scheduler)
        simulation.run(until: SimTime(nanoseconds: spec.run.duration.nanoseconds))
        XCTAssertEqual(simulation.model.backwardSteps, 0)
        XCTAssertGreaterThan(simulation.model.eventsSeen, 1000)
    }

    func testSameSeedSameResultAnyJobs() throws {
        let spec = try Self.mixedSpec(replications: 4)
        let one = NetworkRunner.run(spec, jobs: 1)
        let two = NetworkRunner.run(spec, jobs: 2)
        XCTAssertEqual(one.stations, two.stations)
        XCTAssertEqual(one.endToEnd, two.endToEnd)
        XCTAssertEqual(one.events, two.events)
    }

    func testDifferentSeedDifferentResult() throws {
        let first = NetworkRunner.run(try Self.mixedSpec(seed: 1, replications: 2), jobs: 1)
        let second = NetworkRunner.run(try Self.mixedSpec(seed: 2, replications: 2), jobs: 1)
        XCTAssertNotEqual(first.stations, second.stations)
    }
}

/// Wraps a `NetworkModel` and checks after every event that the clock did not go back and that
/// the ledger balances.
struct CheckedNetwork: SimulationModel {
    var model: NetworkModel
    var last = SimTime.zero
    var backwardSteps = 0
    var ledgerBreaches = 0
    var eventsSeen = 0

    mutating func handle(_ event: NetworkModel.Event, scheduler: inout Scheduler<NetworkModel.Event>) {
        if scheduler.now < last {
            backwardSteps += 1
        }
        last = scheduler.now
        eventsSeen += 1
        model.handle(event, scheduler: &scheduler)
        let ledger = model.ledger
        if ledger.entered != ledger.departed + ledger.rejected + model.customersInSystem {
            ledgerBreaches += 1
        }
    }
}
