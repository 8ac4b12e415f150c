import ScaleSim
import SimModels

/// The replications of one SaaS run folded into one value per metric: the mean, and the 95%
/// Student-t half-width when there are two replications or more.
///
/// NaN values (a percentile of a kind with no requests) are left out of a metric's mean. A
/// metric that is NaN in every replication stays NaN.
public struct PlatformSummary: Sendable {
    /// Metric paths in the engine's recording order.
    public let names: [String]
    public let means: [Double]
    /// One per metric, nil with one replication or fewer than two finite values.
    public let halfWidths: [Double?]
    /// Per request kind, the layer with the largest mean time per request, or nil without time.
    public let bottlenecks: [(kind: RequestKind, layer: Layer?)]
    public let replications: [PlatformReplication]
    /// Events handled over all replications.
    public let events: Int

    public init(_ replications: [PlatformReplication]) {
        precondition(!replications.isEmpty, "a summary needs at least one replication")
        self.replications = replications
        let names = replications[0].metrics.names
        self.names = names
        var means: [Double] = []
        var halfWidths: [Double?] = []
        for index in names.indices {
            let values = replications.map { $0.metrics.values[index] }.filter(\.isFinite)
            means.append(values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count))
            halfWidths.append(replications.count >= 2 ? ConfidenceInterval.studentT(values)?.halfWidth : nil)
        }
        self.means = means
        self.halfWidths = halfWidths
        events = replications.reduce(0) { $0 + $1.events }

        var bottlenecks: [(kind: RequestKind, layer: Layer?)] = []
        for kind in RequestKind.allCases {
            var busiest: (layer: Layer, milliseconds: Double)?
            for layer in Layer.allCases {
                let value = names.firstIndex(of: "\(kind.rawValue).layers_ms.\(layer.rawValue)").map { means[$0] } ?? 0
                if value > (busiest?.milliseconds ?? 0) {
                    busiest = (layer, value)
                }
            }
            bottlenecks.append((kind, busiest?.layer))
        }
        self.bottlenecks = bottlenecks
    }

    /// Returns the mean of the metric `name`, or NaN when the metric is unknown or NaN in every
    /// replication.
    public func mean(_ name: String) -> Double {
        names.firstIndex(of: name).map { means[$0] } ?? .nan
    }

    /// Returns the layer with the largest mean time per request of `kind`, or nil without time.
    public func bottleneck(_ kind: RequestKind) -> Layer? {
        bottlenecks.first { $0.kind == kind }?.layer
    }

    /// The derivation of the first replication's monthly costs from its simulated hour, as text.
    public var costDerivation: String {
        replications[0].costs.derivation
    }

    /// Replications that stopped before their end because a queue grew beyond recovery.
    public var stoppedEarlyCount: Int {
        replications.filter(\.stoppedEarly).count
    }
}
