import ScaleSim

/// The identity of a sweep: the code version, the scenario file and every option that changes
/// a case's values. Shards merge only when their identities are equal.
public struct SweepIdentity: Equatable, Sendable {
    /// One swept field and its values, in the order given.
    public struct Parameter: Equatable, Sendable {
        public var path: String
        public var values: [ReportValue]

        public init(path: String, values: [ReportValue]) {
            self.path = path
            self.values = values
        }
    }

    public var scalesimVersion: String
    public var scenarioHash: String
    /// `queueing_network` or `saas`.
    public var scenarioKind: String
    public var parameters: [Parameter]
    public var metrics: [String]
    public var replications: Int
    public var seed: UInt64

    public init(scalesimVersion: String = ScaleSimVersion.current, scenarioHash: String, scenarioKind: String,
                parameters: [Parameter], metrics: [String], replications: Int, seed: UInt64) {
        self.scalesimVersion = scalesimVersion
        self.scenarioHash = scenarioHash
        self.scenarioKind = scenarioKind
        self.parameters = parameters
        self.metrics = metrics
        self.replications = replications
        self.seed = seed
    }

    /// The number of grid points: the product of the value counts.
    public var pointCount: Int {
        parameters.reduce(1) { $0 * $1.values.count }
    }

    /// The number of cases: every point times every replication.
    public var caseCount: Int { pointCount * replications }

    /// Returns the first field in which `other` differs, as `name X vs Y`, or nil when equal.
    public func firstDifference(from other: SweepIdentity) -> String? {
        if scalesimVersion != other.scalesimVersion {
            return "ScaleSim version \(scalesimVersion) vs \(other.scalesimVersion)"
        }
        if scenarioHash != other.scenarioHash {
            return "scenario hash \(scenarioHash) vs \(other.scenarioHash)"
        }
        if scenarioKind != other.scenarioKind {
            return "scenario kind \(scenarioKind) vs \(other.scenarioKind)"
        }
        if parameters != other.parameters {
            return "parameters \(Self.describe(parameters)) vs \(Self.describe(other.parameters))"
        }
        if metrics != other.metrics {
            return "metrics \(metrics.joined(separator: ",")) vs \(other.metrics.joined(separator: ","))"
        }
        if replications != other.replications {
            return "replications \(replications) vs \(other.replications)"
        }
        if seed != other.seed {
            return "seed \(seed) vs \(other.seed)"
        }
        return nil
    }

    private static func describe(_ parameters: [Parameter]) -> String {
        let writer = JSONWriter(layout: .compact)
        return parameters.map { "\($0.path)=" + $0.values.map(writer.string).joined(separator: ",") }
            .joined(separator: " ")
    }
}

extension ReportValue {
    /// Converts a parsed JSON value: an integer literal within `Int` becomes `.int`, any other
    /// number `.double`.
    init(_ json: JSONValue) {
        switch json.kind {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let number):
            if let integer = number.int64Value, let value = Int(exactly: integer) {
                self = .int(value)
            } else {
                self = .double(number.doubleValue)
            }
        case .string(let value): self = .string(value)
        case .array(let elements): self = .array(elements.map(ReportValue.init))
        case .object(let members):
            self = .object(Dictionary(members.map { ($0.key, ReportValue($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
