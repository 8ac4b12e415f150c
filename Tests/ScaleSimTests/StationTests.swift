import Foundation
import XCTest
import ScaleSim

final class StationTests: XCTestCase {
    private func at(_ seconds: Double) -> SimTime { .seconds(seconds) }

    func testFIFOWithinClass() {
        var station = Station<String>(servers: 1)
        XCTAssertEqual(station.arrive("a", at: at(0)), .startService)
        station.checkInvariants()
        for (index, name) in ["b", "c", "d"].enumerated() {
            XCTAssertEqual(station.arrive(name, at: at(Double(index + 1))), .queued)
            station.checkInvariants()
        }

        var served: [String] = []
        var arrivalTimes: [SimTime] = []
        while let next = station.depart(at: at(10 + Double(served.count))) {
            station.checkInvariants()
            served.append(next.customer)
            arrivalTimes.append(next.arrivedAt)
        }
        station.checkInvariants()
        XCTAssertEqual(served, ["b", "c", "d"])
        XCTAssertEqual(arrivalTimes, [at(1), at(2), at(3)])
        XCTAssertEqual(station.busyServers, 0)
    }

    func testPriorityAcrossClasses() {
        // Class 0 first, then 1, then 2, FIFO within each; the customer in service is not preempted.
        var station = Station<String>(servers: 1, priorityClasses: 3)
        XCTAssertEqual(station.arrive("a", priority: 2, at: at(0)), .startService)
        station.checkInvariants()
        let arrivals: [(String, Int)] = [("b", 2), ("c", 1), ("d", 0), ("e", 1), ("f", 0)]
        for (offset, (name, priority)) in arrivals.enumerated() {
            XCTAssertEqual(station.arrive(name, priority: priority, at: at(Double(offset + 1))), .queued)
            station.checkInvariants()
        }
        XCTAssertEqual(station.queueLength(priority: 0), 2)
        XCTAssertEqual(station.queueLength(priority: 1), 2)
        XCTAssertEqual(station.queueLength(priority: 2), 1)

        var served: [String] = []
        while let next = station.depart(at: at(10)) {
            station.checkInvariants()
            served.append(next.customer)
        }
        XCTAssertEqual(served, ["d", "f", "c", "e", "b"])
    }

    func testFiniteQueueRejects() {
        var station = Station<Int>(servers: 1, queueCapacity: 2)
        let outcomes = (0..<5).map { id -> StationAdmission in
            let outcome = station.arrive(id, at: at(Double(id)))
            station.checkInvariants()
            return outcome
        }

        XCTAssertEqual(outcomes, [.startService, .queued, .queued, .rejected, .rejected])
        XCTAssertEqual(station.arrivals, 5)
        XCTAssertEqual(station.rejections, 2)
        XCTAssertEqual(station.serviceStarts, 1)
        XCTAssertEqual(station.queueLength, 2)

        XCTAssertEqual(station.depart(at: at(6))?.customer, 1)
        station.checkInvariants()
        XCTAssertEqual(station.arrive(5, at: at(7)), .queued)
        station.checkInvariants()
        XCTAssertEqual(station.rejections, 2)
    }

    func testZeroCapacityIsLossSystem() {
        var station = Station<Int>(servers: 2, queueCapacity: 0)
        XCTAssertEqual(station.arrive(0, at: at(0)), .startService)
        station.checkInvariants()
        XCTAssertEqual(station.arrive(1, at: at(0)), .startService)
        station.checkInvariants()
        XCTAssertEqual(station.arrive(2, at: at(0)), .rejected)
        station.checkInvariants()

        XCTAssertEqual(station.queueLength, 0)
        XCTAssertEqual(station.inSystem, 2)
        XCTAssertEqual(station.maxQueueLength, 0)
    }

    /// Two servers; arrivals at 0, 1, 2, 3 s and departures at 4, 6, 8, 10 s.
    ///
    /// Busy servers: 1 on [0,1), 2 on [1,8), 1 on [8,10): 17 server-seconds.
    /// Queue: 1 on [2,3), 2 on [3,4), 1 on [4,6): 5 customer-seconds.
    private func twoServerSchedule() -> Station<Int> {
        var station = Station<Int>(servers: 2)
        for id in 0..<4 {
            _ = station.arrive(id, at: at(Double(id)))
            station.checkInvariants()
        }
        for time in [4.0, 6.0, 8.0, 10.0] {
            _ = station.depart(at: at(time))
            station.checkInvariants()
        }
        return station
    }

    func testStatisticsOnHandSchedule() {
        let station = twoServerSchedule()
        let end = at(10)

        XCTAssertEqual(station.meanBusyServers(at: end), 1.7)
        XCTAssertEqual(station.utilization(at: end), 0.85)
        XCTAssertEqual(station.meanQueueLength(at: end), 0.5)
        XCTAssertEqual(station.meanInSystem(at: end), 2.2)
        XCTAssertEqual(station.maxQueueLength, 2)
        XCTAssertEqual(station.arrivals, 4)
        XCTAssertEqual(station.serviceStarts, 4)
        XCTAssertEqual(station.departures, 4)
    }

    func testStatisticsIdleTail() {
        // Extending the schedule to 20 s with the station idle halves every average.
        let station = twoServerSchedule()
        let end = at(20)

        XCTAssertEqual(station.meanBusyServers(at: end), 0.85)
        XCTAssertEqual(station.utilization(at: end), 0.425)
        XCTAssertEqual(station.meanQueueLength(at: end), 0.25)
    }

    func testResetKeepsState() {
        // Same schedule, reset at 4 s: busy 2 on [4,8) and 1 on [8,10), queue 1 on [4,6).
        var station = Station<Int>(servers: 2)
        for id in 0..<4 {
            _ = station.arrive(id, at: at(Double(id)))
            station.checkInvariants()
        }
        _ = station.depart(at: at(4))
        station.checkInvariants()
        station.resetStatistics(at: at(4))
        station.checkInvariants()

        XCTAssertEqual(station.arrivals, 0)
        XCTAssertEqual(station.maxQueueLength, 1)
        XCTAssertEqual(station.busyServers, 2)
        XCTAssertEqual(station.queueLength, 1)
        for time in [6.0, 8.0, 10.0] {
            _ = station.depart(at: at(time))
            station.checkInvariants()
        }
        XCTAssertEqual(station.departures, 3)
        XCTAssertEqual(station.serviceStarts, 1)
        XCTAssertEqual(station.meanBusyServers(at: at(10)), 10.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(station.meanQueueLength(at: at(10)), 2.0 / 6.0, accuracy: 1e-12)
    }

    func testSetServersUpStartsWaiting() {
        var station = Station<Int>(servers: 1)
        for id in 0..<4 {
            _ = station.arrive(id, at: at(Double(id)))
            station.checkInvariants()
        }

        let started = station.setServers(3, at: at(5))
        station.checkInvariants()
        XCTAssertEqual(started.map(\.customer), [1, 2])
        XCTAssertEqual(started.map(\.arrivedAt), [at(1), at(2)])
        XCTAssertEqual(station.busyServers, 3)
        XCTAssertEqual(station.queueLength, 1)
        XCTAssertEqual(station.serviceStarts, 3)
    }

    func testSetServersDownDrains() {
        // Three busy servers cut to one: the next two completions start no one, and the third does.
        var station = Station<Int>(servers: 3)
        for id in 0..<4 {
            _ = station.arrive(id, at: at(0))
            station.checkInvariants()
        }
        let started = station.setServers(1, at: at(1))
        station.checkInvariants()
        XCTAssertTrue(started.isEmpty)
        XCTAssertEqual(station.busyServers, 3)

        XCTAssertNil(station.depart(at: at(2)))
        station.checkInvariants()
        XCTAssertNil(station.depart(at: at(3)))
        station.checkInvariants()
        XCTAssertEqual(station.busyServers, 1)
        XCTAssertEqual(station.depart(at: at(4))?.customer, 3)
        station.checkInvariants()
        XCTAssertEqual(station.busyServers, 1)
        XCTAssertEqual(station.queueLength, 0)

        // A removed server counts until its service ends, so servers and busy servers are both
        // 3 on [0,2), 2 on [2,3) and 1 on [3,4): 9 server-seconds each.
        XCTAssertEqual(station.meanServers(at: at(4)), 2.25)
        XCTAssertEqual(station.utilization(at: at(4)), 1.0)
    }

    func testLittlesLawOnMM1() {
        // M/M/1 with arrival rate 0.5/s and service rate 1/s, so rho = 0.5 and L = 1.
        // Little's law is exact on the sample path: the integral of the number in system
        // equals the sum of the time each customer spent in the system before the end.
        var simulation = Simulation(model: MM1Model(seed: 20_240_601, arrivalRate: 0.5, serviceRate: 1.0))
        simulation.schedule(.arrival, at: .zero)
        let end = SimTime.seconds(40_000)
        simulation.run(until: end)
        let model = simulation.model
        model.station.checkInvariants()

        var timeInSystem = model.completedSojournNanoseconds
        for arrival in model.arrivalTimes.values {
            timeInSystem += end.nanoseconds - arrival.nanoseconds
        }
        let meanInSystem = model.station.meanInSystem(at: end)
        let pathIntegral = meanInSystem * Double(end.nanoseconds)
        XCTAssertEqual(pathIntegral / Double(timeInSystem), 1.0, accuracy: 1e-9)

        let throughput = Double(model.station.departures) / end.seconds
        let meanSojourn = Double(model.completedSojournNanoseconds) / 1e9 / Double(model.station.departures)
        XCTAssertEqual(meanInSystem, throughput * meanSojourn, accuracy: 0.01)
        XCTAssertEqual(meanInSystem, 1.0, accuracy: 0.1)
        XCTAssertEqual(model.station.utilization(at: end), 0.5, accuracy: 0.02)
    }
}

/// A single-server queue with exponential interarrival and service times drawn inline.
private struct MM1Model: SimulationModel {
    enum Event {
        case arrival
        case departure(customer: Int)
    }

    var station = Station<Int>(servers: 1)
    var arrivalRNG: Xoshiro256StarStar
    var serviceRNG: Xoshiro256StarStar
    let arrivalRate: Double
    let serviceRate: Double
    var nextCustomer = 0
    /// Arrival times of customers still in the system, by customer number.
    var arrivalTimes: [Int: SimTime] = [:]
    var completedSojournNanoseconds: Int64 = 0

    init(seed: UInt64, arrivalRate: Double, serviceRate: Double) {
        let streams = RandomStreams(seed: seed)
        arrivalRNG = streams.stream("mm1.arrivals")
        serviceRNG = streams.stream("mm1.service")
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
    }

    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch event {
        case .arrival:
            let customer = nextCustomer
            nextCustomer += 1
            arrivalTimes[customer] = now
            if station.arrive(customer, at: now) == .startService {
                scheduler.schedule(.departure(customer: customer), after: serviceTime())
            }
            scheduler.schedule(.arrival, after: .seconds(-log(arrivalRNG.nextOpenUnit()) / arrivalRate))
        case .departure(let customer):
            if let arrival = arrivalTimes.removeValue(forKey: customer) {
                completedSojournNanoseconds += now.nanoseconds - arrival.nanoseconds
            }
            if let next = station.depart(at: now) {
                scheduler.schedule(.departure(customer: next.customer), after: serviceTime())
            }
        }
    }

    mutating func serviceTime() -> SimDuration {
        .seconds(-log(serviceRNG.nextOpenUnit()) / serviceRate)
    }
}
