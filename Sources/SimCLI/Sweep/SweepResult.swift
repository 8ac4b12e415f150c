import ScaleSim
import SimModels

/// The values of every case of a sweep, in case order, and their summary per grid point.
///
/// Case `i` is replication `i mod R` of grid point `i / R`, with R replications.
public struct SweepResult: Equatable, Sendable {
    public var identity: SweepIdentity
    /// Per case, one value per metric in `identity.metrics` order; nil where a replication did
    /// not record that metric.
    public var caseValues: [[Double?]]

    public init(identity: SweepIdentity, caseValues: [[Double?]]) {
        precondition(caseValues.count == identity.caseCount,
                     "expected \(identity.caseCount) cases, got \(caseValues.count)")
        self.identity = identity
        self.caseValues = caseValues
    }

    /// Returns the mean over replications of metric `metric` at `point`, with its 95% Student-t
    /// half-width when two or more replications recorded it, or nil when none did.
    ///
    /// Values are folded in replication order, so the figures are the same however the cases
    /// were spread over threads or shards.
    public func estimate(point: Int, metric: Int) -> MetricEstimate? {
        let replications = identity.replications
        let values = (0..<replications).compactMap { caseValues[point * replications + $0][metric] }
        guard let first = values.first else { return nil }
        guard let interval = ConfidenceInterval.studentT(values, level: 0.95) else {
            return MetricEstimate(value: first, halfWidth: nil)
        }
        return MetricEstimate(value: interval.mean, halfWidth: interval.halfWidth)
    }

    /// Returns the value of each parameter at `point`, in parameter order.
    public func parameterValues(point: Int) -> [ReportValue] {
        let parameters = identity.parameters
        let indices = SweepGrid.valueIndices(ofPoint: point, valueCounts: parameters.map(\.values.count))
        return zip(parameters, indices).map { parameter, index in parameter.values[index] }
    }
}
