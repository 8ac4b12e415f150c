/// A shard file: the identity of its sweep, which shard it is, and the raw values of its cases.
///
/// It carries one value per case and metric rather than per-point summaries, because
/// floating-point sums depend on their order: the merge folds the values in case order, as the
/// unsharded run does, and so prints the same bytes. Values are written with up to 17
/// significant digits, which restores every finite `Double` exactly; NaN, infinities and -0 are
/// written as the strings `nan`, `inf`, `-inf` and `-0`, and a metric a case did not record as null.
public struct SweepShardFile: Equatable, Sendable {
    /// The value of the `format` field that marks a shard file.
    public static let formatName = "scalesim-sweep-shard"
    public static let formatVersion = 1

    public var identity: SweepIdentity
    public var shard: SweepShard
    /// The scenario file as given to `simctl sweep`, for messages; not part of the identity.
    public var scenarioPath: String
    /// The output format that `simctl merge` prints unless its `--format` is given.
    public var outputFormat: SweepReport.Format
    /// The shard's case indices, increasing, with the values of each.
    public var cases: [(index: Int, values: [Double?])]

    public init(identity: SweepIdentity, shard: SweepShard, scenarioPath: String, outputFormat: SweepReport.Format,
                cases: [(index: Int, values: [Double?])]) {
        self.identity = identity
        self.shard = shard
        self.scenarioPath = scenarioPath
        self.outputFormat = outputFormat
        self.cases = cases
    }

    public static func == (lhs: SweepShardFile, rhs: SweepShardFile) -> Bool {
        lhs.identity == rhs.identity && lhs.shard == rhs.shard && lhs.scenarioPath == rhs.scenarioPath
            && lhs.outputFormat == rhs.outputFormat && lhs.cases.map(\.index) == rhs.cases.map(\.index)
            && lhs.cases.map(\.values) == rhs.cases.map(\.values)
    }

    /// Returns the file's JSON text with sorted keys and a trailing newline.
    public func json() -> String {
        let parameters: [ReportValue] = identity.parameters.map { parameter in
            ["path": .string(parameter.path), "values": .array(parameter.values)]
        }
        let caseObjects: [ReportValue] = cases.map { entry in
            ["case": .int(entry.index), "values": .array(entry.values.map(Self.encode))]
        }
        let document: ReportValue = [
            "format": .string(Self.formatName),
            "format_version": .int(Self.formatVersion),
            "scalesim_version": .string(identity.scalesimVersion),
            "scenario_hash": .string(identity.scenarioHash),
            "scenario_hash_algorithm": .string(ScenarioHash.algorithm),
            "scenario_kind": .string(identity.scenarioKind),
            "scenario_path": .string(scenarioPath),
            "parameters": .array(parameters),
            "metrics": .array(identity.metrics.map { .string($0) }),
            "replications": .int(identity.replications),
            "seed": SweepReport.seedValue(identity.seed),
            "shard": ["index": .int(shard.index), "count": .int(shard.count)],
            "case_count": .int(identity.caseCount),
            "output_format": .string(outputFormat.rawValue),
            "cases": .array(caseObjects),
        ]
        return JSONWriter(numberFormat: NumberFormat(significantDigits: 17)).string(document) + "\n"
    }

    static func encode(_ value: Double?) -> ReportValue {
        guard let value else { return .null }
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0, value.sign == .minus { return "-0" }
        return .double(value)
    }

    /// Reverses `encode`; nil for anything else.
    static func decode(_ json: JSONValue) -> Double?? {
        switch json.kind {
        case .null: return .some(nil)
        case .number(let number): return .some(number.doubleValue)
        case .string("nan"): return .some(.nan)
        case .string("inf"): return .some(.infinity)
        case .string("-inf"): return .some(-.infinity)
        case .string("-0"): return .some(-0.0)
        default: return nil
        }
    }
}
