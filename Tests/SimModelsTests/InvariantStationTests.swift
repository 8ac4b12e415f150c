import ScaleSim
import XCTest

/// More capacity never hurts a single FIFO station: with the same arrivals and the same service
/// time attached to each customer, a station of c + 1 servers never makes a customer wait
/// longer than one of c servers.
final class InvariantStationTests: XCTestCase {
    /// Arrival gaps and service times in milliseconds, and the smaller server count.
    struct Workload: CustomStringConvertible {
        var gaps: [Int]
        var services: [Int]
        var servers: Int

        var description: String { "servers=\(servers) gaps=\(gaps) services=\(services)" }
    }

    static let workload: Generator<Workload> = Generator<Int>.int(in: 1...60).flatMap { count in
        let gaps = Generator<[Int]>.array(of: .int(in: 0...400), length: count...count)
        let services = Generator<[Int]>.array(of: .int(in: 1...1_500), length: count...count)
        let pair = Generator<([Int], [Int])>.zip(gaps, services)
        return Generator<(([Int], [Int]), Int)>.zip(pair, .int(in: 1...4)).map {
            Workload(gaps: $0.0.0, services: $0.0.1, servers: $0.1)
        }
    }

    /// Each customer's wait at a FIFO station of `servers` servers, in nanoseconds.
    static func waits(_ workload: Workload, servers: Int) -> [Int64] {
        var station = Station<Int>(servers: servers)
        var waits = Array(repeating: Int64(-1), count: workload.gaps.count)
        // Departures pending, as (time, customer); the smallest time leaves first, ties in order.
        var departures: [(time: SimTime, customer: Int)] = []
        var arrival = SimTime.zero
        var next = 0

        func startService(_ customer: Int, arrivedAt: SimTime, now: SimTime) {
            waits[customer] = (now - arrivedAt).nanoseconds
            departures.append((now + .milliseconds(Double(workload.services[customer])), customer))
        }

        while next < workload.gaps.count || !departures.isEmpty {
            let nextArrival = next < workload.gaps.count ? arrival + .milliseconds(Double(workload.gaps[next])) : nil
            let earliest = departures.indices.min { departures[$0].time < departures[$1].time }
            if let earliest, nextArrival.map({ departures[earliest].time <= $0 }) ?? true {
                let now = departures.remove(at: earliest).time
                if let started = station.depart(at: now) {
                    startService(started.customer, arrivedAt: started.arrivedAt, now: now)
                }
            } else if let nextArrival {
                arrival = nextArrival
                if station.arrive(next, at: arrival) == .startService {
                    startService(next, arrivedAt: arrival, now: arrival)
                }
                next += 1
            }
        }
        return waits
    }

    func testExtraServerNeverRaisesWait() {
        XCTAssertProperty(cases: 300, seed: 41, Self.workload) { workload in
            let fewer = Self.waits(workload, servers: workload.servers)
            let more = Self.waits(workload, servers: workload.servers + 1)
            return zip(fewer, more).allSatisfy { $1 <= $0 }
        }
    }

    func testEveryCustomerServed() {
        XCTAssertProperty(cases: 100, seed: 42, Self.workload) { workload in
            Self.waits(workload, servers: workload.servers).allSatisfy { $0 >= 0 }
        }
    }
}
