import ScaleSim
import SimModels

/// Checks of a valid network that yield warnings, not errors: the run is legitimate but its
/// results may not be what the author meant.
enum NetworkChecks {
    /// Returns the warnings for `spec`, in station order, each as `FILE:LINE: stations[i]: warning: ...`.
    ///
    /// - A station that no source or closed class can reach gets a warning: it stays idle, and its
    ///   metrics are zero.
    /// - A station with an unbounded queue whose offered load from the open sources, λ·E[S]/c, is
    ///   1 or more gets a warning: its queue grows without bound, so its means depend on the run
    ///   length. Closed classes add load that this check does not count.
    static func warnings(_ spec: NetworkSpec, stations: [StationDraft], file: String) -> [String] {
        let reachable = reachableStations(spec, from: spec.sources.map(\.target) + spec.closedClasses.map(\.target))
        let openReachable = reachableStations(spec, from: spec.sources.map(\.target))
        let arrivalRates = openArrivalRates(spec)
        var warnings: [String] = []
        for (index, station) in spec.stations.enumerated() {
            let draft = stations[index]
            let location = "\(file):\(draft.position.line): \(draft.path)"
            if !reachable[index] {
                warnings.append("\(location): warning: station '\(station.name)' is unreachable from every source and closed class, so it stays idle")
                continue
            }
            guard station.queueCapacity == nil, openReachable[index] else { continue }
            let load = arrivalRates.map { $0[index] * station.service.mean / Double(station.servers) }
            if let load, load < 1 { continue }
            let loadText = load.map { NumberFormat.standard.string($0) } ?? "unbounded, because customers can cycle forever"
            warnings.append("\(location): warning: station '\(station.name)' has offered load \(loadText) >= 1 with an unbounded queue, so the run is unstable and its means grow with duration_s")
        }
        return warnings
    }

    /// Returns, per station, whether a customer entering at one of `entries` can arrive there.
    static func reachableStations(_ spec: NetworkSpec, from entries: [Int]) -> [Bool] {
        var reachable = [Bool](repeating: false, count: spec.stations.count)
        var pending = entries
        while let index = pending.popLast() {
            guard !reachable[index] else { continue }
            reachable[index] = true
            for route in spec.stations[index].routing where route.probability > 0 {
                pending.append(route.target)
            }
        }
        return reachable
    }

    /// Solves the traffic equations λ = γ + Pᵀλ for the open sources' arrival rates per second,
    /// or returns nil when customers can cycle without leaving (I - Pᵀ is singular).
    ///
    /// - Complexity: O(n³) in the number of stations, by Gaussian elimination.
    static func openArrivalRates(_ spec: NetworkSpec) -> [Double]? {
        let count = spec.stations.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: count + 1), count: count)
        for index in 0..<count {
            matrix[index][index] = 1
        }
        for (from, station) in spec.stations.enumerated() {
            for route in station.routing {
                matrix[route.target][from] -= route.probability
            }
        }
        for source in spec.sources {
            let mean = source.interarrival.mean
            matrix[source.target][count] += mean > 0 && mean.isFinite ? 1 / mean : 0
        }
        return solve(&matrix)
    }

    /// Solves the augmented system in place with partial pivoting; nil when it is singular.
    static func solve(_ matrix: inout [[Double]]) -> [Double]? {
        let count = matrix.count
        for column in 0..<count {
            var pivot = column
            for row in column..<count where abs(matrix[row][column]) > abs(matrix[pivot][column]) {
                pivot = row
            }
            guard abs(matrix[pivot][column]) > 1e-12 else { return nil }
            matrix.swapAt(column, pivot)
            for row in 0..<count where row != column {
                let factor = matrix[row][column] / matrix[column][column]
                guard factor != 0 else { continue }
                for entry in column...count {
                    matrix[row][entry] -= factor * matrix[column][entry]
                }
            }
        }
        return (0..<count).map { matrix[$0][count] / matrix[$0][$0] }
    }
}
