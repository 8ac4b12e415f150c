import ScaleSim

/// The figures of one replication, in `StationMetric` and `EndToEndMetric` order.
public struct NetworkReplication: Sendable {
    public var stations: [[Double]]
    public var endToEnd: [Double]
    public var ledger: ConservationLedger
    public var customersInSystem: Int
    public var events: Int
}

/// The summary of all replications of a network.
public struct NetworkResult: Sendable {
    public var stationNames: [String]
    /// Per station, one estimate per `StationMetric`, in that order.
    public var stations: [[MetricEstimate]]
    public var endToEnd: [MetricEstimate]
    public var replications: [NetworkReplication]
    public var seed: UInt64

    /// Events handled over all replications.
    public var events: Int { replications.reduce(0) { $0 + $1.events } }
}

/// Runs a network's replications, in parallel when `jobs` > 1, with the same result for any `jobs`.
public enum NetworkRunner {
    /// The streams of replication `index`: its own seed, split from the run's seed by index.
    public static func streams(seed: UInt64, replication index: Int) -> RandomStreams {
        RandomStreams(seed: RandomStreams.mix(seed, UInt64(index)))
    }

    public static func run(_ spec: NetworkSpec, jobs: Int = 1) -> NetworkResult {
        let replications = parallelMap(count: spec.run.replications, jobs: jobs) { index in
            runReplication(spec, streams: streams(seed: spec.run.seed, replication: index))
        }
        return summarize(spec, replications: replications)
    }

    public static func runReplication(_ spec: NetworkSpec, streams: RandomStreams) -> NetworkReplication {
        var simulation = Simulation(model: NetworkModel(spec: spec, streams: streams))
        simulation.model.start(scheduler: &simulation.scheduler)
        let end = SimTime(nanoseconds: spec.run.duration.nanoseconds)
        simulation.run(until: end)
        return measure(simulation.model, spec: spec, end: end, events: simulation.scheduler.eventsHandled)
    }

    static func measure(_ model: NetworkModel, spec: NetworkSpec, end: SimTime, events: Int) -> NetworkReplication {
        let measured = (end - model.warmupEnd).seconds
        var stationValues: [[Double]] = []
        for index in spec.stations.indices {
            let station = model.stations[index]
            let observed = model.observations[index]
            let arrivals = station.arrivals
            var values: [Double] = []
            for metric in StationMetric.allCases {
                switch metric {
                case .count: values.append(Double(observed.sojournMoments.count))
                case .throughput: values.append(measured > 0 ? Double(station.departures) / measured : 0)
                case .utilization: values.append(station.utilization(at: end))
                case .pWait:
                    let waits = observed.waitMoments.count
                    values.append(waits > 0 ? Double(observed.waitedCount) / Double(waits) : 0)
                case .meanWait: values.append(observed.waitMoments.mean)
                case .p95Wait: values.append(seconds(observed.waits.percentile(95)))
                case .meanSojourn: values.append(observed.sojournMoments.mean)
                case .p95Sojourn: values.append(seconds(observed.sojourns.percentile(95)))
                case .p99Sojourn: values.append(seconds(observed.sojourns.percentile(99)))
                case .meanQueueLength: values.append(station.meanQueueLength(at: end))
                case .meanInSystem: values.append(station.meanInSystem(at: end))
                case .blockingProbability:
                    values.append(arrivals > 0 ? Double(station.rejections) / Double(arrivals) : 0)
                case .carriedLoad: values.append(station.meanBusyServers(at: end))
                }
            }
            stationValues.append(values)
        }

        let response = model.endToEnd
        let endToEnd: [Double] = EndToEndMetric.allCases.map { metric in
            switch metric {
            case .count: return Double(response.moments.count)
            case .throughput: return measured > 0 ? Double(response.moments.count) / measured : 0
            case .meanResponse: return response.moments.mean
            case .p95Response: return seconds(response.histogram.percentile(95))
            case .p99Response: return seconds(response.histogram.percentile(99))
            }
        }
        return NetworkReplication(stations: stationValues, endToEnd: endToEnd, ledger: model.ledger,
                                  customersInSystem: model.customersInSystem, events: events)
    }

    static func seconds(_ nanoseconds: Double?) -> Double {
        (nanoseconds ?? 0) / 1e9
    }

    static func summarize(_ spec: NetworkSpec, replications: [NetworkReplication]) -> NetworkResult {
        let stations = spec.stations.indices.map { station in
            StationMetric.allCases.indices.map { metric in
                estimate(replications.map { $0.stations[station][metric] })
            }
        }
        let endToEnd = EndToEndMetric.allCases.indices.map { metric in
            estimate(replications.map { $0.endToEnd[metric] })
        }
        return NetworkResult(stationNames: spec.stations.map(\.name), stations: stations, endToEnd: endToEnd,
                             replications: replications, seed: spec.run.seed)
    }

    /// The mean over replications with its 95% half-width, or no half-width for one replication.
    public static func estimate(_ values: [Double]) -> MetricEstimate {
        if let interval = ConfidenceInterval.studentT(values, level: 0.95) {
            return MetricEstimate(value: interval.mean, halfWidth: interval.halfWidth)
        }
        return MetricEstimate(value: values.first ?? 0, halfWidth: nil)
    }
}
