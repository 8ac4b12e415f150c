import ScaleSim

/// Decodes a distribution object such as `{"type": "exponential", "rate": 2}` into the kernel's
/// `Distribution`, through the kernel's checking initializers.
///
/// A `DistributionError` becomes a diagnostic on the field of the rejected parameter, so
/// `{"type": "uniform", "lower": 2, "upper": 1}` is reported at `….upper`. Parameters are read as
/// plain numbers, and the valid ranges are the kernel's, stated only there.
public enum DistributionDecoder {
    /// The accepted values of `type`, in the order the documentation lists them.
    public static let types = [
        "constant", "uniform", "exponential", "normal", "lognormal", "gamma", "erlang", "weibull",
        "pareto", "bounded_pareto", "empirical", "mixture",
    ]

    /// Decodes the distribution in `field`, which must be an object, and finishes its reader.
    public static func decode(_ field: ValueReader) -> Distribution? {
        guard let reader = field.object() else { return nil }
        defer { reader.finish() }
        return decode(reader)
    }

    /// Decodes the members of `reader`. The caller finishes the reader.
    public static func decode(_ reader: ObjectReader) -> Distribution? {
        guard let type = reader.string("type", oneOf: types) else {
            markAllKnown(reader)
            return nil
        }
        switch type {
        case "constant":
            return build(reader) { try .constant(Constant($0.number("value"))) }
        case "uniform":
            return build(reader) { try .uniform(Uniform(lower: $0.number("lower"), upper: $0.number("upper"))) }
        case "exponential":
            return decodeExponential(reader)
        case "normal":
            return build(reader) {
                try .normal(Normal(mean: $0.number("mean"), standardDeviation: $0.number("standard_deviation")))
            }
        case "lognormal":
            return decodeLogNormal(reader)
        case "gamma":
            return build(reader) { try .gamma(Gamma(shape: $0.number("shape"), scale: $0.number("scale"))) }
        case "erlang":
            return build(reader) { try .erlang(Erlang(stages: $0.integer("k"), rate: $0.number("rate"))) }
        case "weibull":
            return build(reader) { try .weibull(Weibull(shape: $0.number("shape"), scale: $0.number("scale"))) }
        case "pareto":
            return build(reader) { try .pareto(Pareto(shape: $0.number("shape"), scale: $0.number("scale"))) }
        case "bounded_pareto":
            return build(reader) {
                try .boundedPareto(BoundedPareto(shape: $0.number("shape"), lower: $0.number("lower"),
                                                 upper: $0.number("upper")))
            }
        case "empirical":
            return build(reader) { try .empirical(Empirical(observations: $0.numbers("samples"))) }
        default:
            return decodeMixture(reader)
        }
    }

    /// Marks every parameter name of every type as known, so that a file with a bad `type` gets
    /// one diagnostic instead of one per parameter.
    static func markAllKnown(_ reader: ObjectReader) {
        for key in ["value", "lower", "upper", "rate", "mean", "standard_deviation", "mu", "sigma", "cv",
                    "shape", "scale", "k", "samples", "components"] {
            reader.markKnown(key)
        }
    }

    static func decodeExponential(_ reader: ObjectReader) -> Distribution? {
        let hasRate = reader.value("rate") != nil
        let hasMean = reader.value("mean") != nil
        if hasRate == hasMean {
            return exactlyOne(of: ["rate", "mean"], reader)
        }
        if hasRate {
            return build(reader) { try .exponential(Exponential(rate: $0.number("rate"))) }
        }
        return build(reader) { try .exponential(Exponential(mean: $0.number("mean"))) }
    }

    static func decodeLogNormal(_ reader: ObjectReader) -> Distribution? {
        let hasMu = reader.value("mu") != nil || reader.value("sigma") != nil
        let hasMean = reader.value("mean") != nil || reader.value("cv") != nil
        if hasMu == hasMean {
            return exactlyOne(of: ["mu and sigma", "mean and cv"], reader)
        }
        if hasMu {
            return build(reader) { try .lognormal(LogNormal(mu: $0.number("mu"), sigma: $0.number("sigma"))) }
        }
        return build(reader) {
            try .lognormal(LogNormal.fromMean($0.number("mean"), coefficientOfVariation: $0.number("cv")))
        }
    }

    /// Records that the object needs exactly one of the alternative parameter sets.
    static func exactlyOne(of alternatives: [String], _ reader: ObjectReader) -> Distribution? {
        let expected = "either \(alternatives.joined(separator: " or ")), not both"
        let value = JSONValue(.object(reader.members), at: reader.position)
        reader.diagnostics.record(.invalid(value, at: reader.path, expected: expected,
                                           problem: "has the wrong parameters"))
        return nil
    }

    static func decodeMixture(_ reader: ObjectReader) -> Distribution? {
        guard let elements = reader.array("components") else { return nil }
        var components: [Distribution] = []
        var weights: [Double] = []
        var isValid = true
        for element in elements {
            guard let component = element.object() else {
                isValid = false
                continue
            }
            let weight = component.double("weight")
            let distribution = component.requiredField("distribution", expected: "a distribution object")
                .flatMap { decode($0) }
            component.finish()
            if let weight, let distribution {
                weights.append(weight)
                components.append(distribution)
            } else {
                isValid = false
            }
        }
        guard isValid else { return nil }
        do {
            return .mixture(try Mixture(components: components, weights: weights))
        } catch let error as DistributionError {
            recordMixture(error, reader)
            return nil
        } catch {
            return nil
        }
    }

    /// Runs `make` with a parameter source over `reader`, turning a `DistributionError` into a
    /// diagnostic on the parameter's field. Returns nil when a parameter is missing or rejected.
    ///
    /// Every parameter is read even after one is missing, so a file gets one diagnostic per
    /// missing parameter.
    static func build(_ reader: ObjectReader, _ make: (ParameterSource) throws -> Distribution) -> Distribution? {
        let source = ParameterSource(reader: reader)
        do {
            let distribution = try make(source)
            return source.isComplete ? distribution : nil
        } catch let error as DistributionError {
            // A missing parameter was read as NaN and already reported, so its error is not news.
            if source.isComplete {
                record(error, reader)
            }
            return nil
        } catch {
            return nil
        }
    }

    /// Records `error` at the field named by its parameter, such as `samples[3]` for
    /// `observations[3]`.
    static func record(_ error: DistributionError, _ reader: ObjectReader) {
        var name = error.parameter
        var index: Int?
        if let bracket = name.firstIndex(of: "["), name.hasSuffix("]") {
            index = Int(name[name.index(after: bracket)..<name.index(before: name.endIndex)])
            name = String(name[..<bracket])
        }
        let key = fieldNames[name] ?? name
        guard let value = reader.value(key) else {
            reader.diagnostics.record(ScenarioDiagnostic(
                path: reader.path, position: reader.position, found: nil,
                message: "\(error.parameter) is invalid", expectation: "expected \(error.expectation)"))
            return
        }
        var path = reader.childPath(key)
        var target = value
        if let index, let elements = value.arrayValue, elements.indices.contains(index) {
            path = path.appending(element: index)
            target = elements[index]
        }
        reader.diagnostics.record(.invalid(target, at: path, expected: error.expectation))
    }

    /// Records a mixture's weight error at `components[i].weight`, or at `components`.
    static func recordMixture(_ error: DistributionError, _ reader: ObjectReader) {
        guard let components = reader.value("components"), let elements = components.arrayValue else { return }
        let componentsPath = reader.childPath("components")
        let name = error.parameter
        if name.hasPrefix("weights["), name.hasSuffix("]"),
           let index = Int(name.dropFirst("weights[".count).dropLast()), elements.indices.contains(index),
           let members = elements[index].objectMembers,
           let ordinal = members.firstIndex(where: { $0.key == "weight" }) {
            let path = componentsPath.appending(element: index).appending(member: "weight", ordinal: ordinal)
            reader.diagnostics.record(.invalid(members[ordinal].value, at: path, expected: error.expectation))
            return
        }
        reader.diagnostics.record(.invalid(components, at: componentsPath,
                                           expected: "components whose weights have \(error.expectation)"))
    }

    /// The scenario field of each kernel parameter name that differs from it.
    static let fieldNames = [
        "standardDeviation": "standard_deviation",
        "coefficientOfVariation": "cv",
        "stages": "k",
        "observations": "samples",
    ]
}

/// Reads required distribution parameters for `DistributionDecoder.build`.
///
/// The reader records a missing or mistyped parameter, which is then read as NaN (0 for an
/// integer, an empty array for a list) so that the caller goes on to read the others. After
/// such a parameter, `isComplete` is false.
final class ParameterSource {
    let reader: ObjectReader
    private(set) var isComplete = true

    init(reader: ObjectReader) {
        self.reader = reader
    }

    func number(_ key: String) -> Double {
        guard let value = reader.double(key) else {
            isComplete = false
            return .nan
        }
        return value
    }

    func integer(_ key: String) -> Int {
        guard let value = reader.int(key) else {
            isComplete = false
            return 0
        }
        return value
    }

    func numbers(_ key: String) -> [Double] {
        guard let elements = reader.array(key) else {
            isComplete = false
            return []
        }
        let values = elements.compactMap { $0.double() }
        if values.count != elements.count {
            isComplete = false
        }
        return values
    }
}
