import ScaleSim
import SimModels

/// Decodes the `journey` object of a SaaS scenario file into a `JourneySpec`, reporting every
/// invalid field at once.
///
///     "journey": {
///       "checkpoints": [10, 100, 1000],
///       "architectures": ["stage1", {"name": "stage2+queue", "preset": "stage2", "add": ["queue"]}],
///       "objectives": [{"metric": "chat.p95_ms", "below": 15000}],
///       "replications": 1
///     }
///
/// Every key is optional; an absent one keeps `JourneySpec`'s default, and an absent `journey`
/// object means the default journey.
enum JourneyDecoder {
    /// Decodes `file`'s `journey` object, or throws `InputError` with every diagnostic in
    /// field-path order.
    static func decode(_ file: ScenarioFile) throws -> JourneySpec {
        let diagnostics = ScenarioDiagnostics()
        var spec = JourneySpec()
        if let root = file.document.objectMembers, let value = root.first(where: { $0.key == "journey" })?.value {
            let path = FieldPath.root.appending(member: "journey",
                                                ordinal: root.firstIndex { $0.key == "journey" } ?? 0)
            if let reader = ObjectReader(value, path: path, diagnostics: diagnostics) {
                decode(reader, into: &spec)
                reader.finish()
            }
        }
        do {
            try diagnostics.throwIfAny(file: file.path)
        } catch let error as ScenarioError {
            throw InputError(error.description)
        }
        return spec
    }

    static func decode(_ reader: ObjectReader, into spec: inout JourneySpec) {
        if let elements = reader.optionalArray("checkpoints") {
            spec.checkpoints = checkpoints(elements, field: reader.field("checkpoints"))
        }
        if let elements = reader.optionalArray("architectures") {
            let architectures = elements.map { architecture($0) }
            if elements.isEmpty, let field = reader.field("architectures") {
                let _: Int? = field.reject(expected: "at least one architecture")
            }
            checkUniqueNames(architectures, elements: elements)
            spec.architectures = architectures.compactMap { $0 }
        }
        if let elements = reader.optionalArray("objectives") {
            spec.objectives = elements.compactMap(objective)
        }
        spec.replications = reader.int("replications", default: spec.replications, range: .within(1...1_000))
    }

    /// Reads ascending customer counts of at least 1.
    static func checkpoints(_ elements: [ValueReader], field: ValueReader?) -> [Int] {
        if elements.isEmpty, let field {
            let _: Int? = field.reject(expected: "at least one customer count")
        }
        var counts: [Int] = []
        for element in elements {
            guard let count = element.int(range: .within(1...10_000_000)) else { continue }
            if let last = counts.last, count <= last {
                let _: Int? = element.reject(expected: "a customer count above the previous one (\(last))",
                                             problem: "is not ascending")
                continue
            }
            counts.append(count)
        }
        return counts
    }

    /// Reads a preset name or an object `{name, preset, add, remove}`.
    static func architecture(_ element: ValueReader) -> NamedArchitecture? {
        let presets = ArchitecturePreset.allCases.map(\.rawValue)
        if element.value.stringValue != nil {
            guard let name = element.string(oneOf: presets), let preset = ArchitecturePreset(rawValue: name) else {
                return nil
            }
            return NamedArchitecture(preset: preset)
        }
        guard let reader = element.object() else { return nil }
        defer { reader.finish() }
        let name = reader.string("name")
        let presetName = reader.string("preset", default: ArchitecturePreset.stage1.rawValue, oneOf: presets)
        let preset = ArchitecturePreset(rawValue: presetName) ?? .stage1
        var named = NamedArchitecture(preset: preset)
        let added = parts(reader.optionalArray("add"))
        let removed = parts(reader.optionalArray("remove"))
        for part in added {
            part.set(true, in: &named.architecture)
        }
        for part in removed {
            part.set(false, in: &named.architecture)
        }
        guard let name, !name.isEmpty else {
            if let field = reader.field("name"), name != nil {
                let _: Int? = field.reject(expected: "a non-empty name")
            }
            return nil
        }
        named.name = name
        return named
    }

    static func parts(_ elements: [ValueReader]?) -> [ArchitecturePart] {
        let names = ArchitecturePart.allCases.map(\.rawValue)
        return (elements ?? []).compactMap { element in
            element.string(oneOf: names).flatMap(ArchitecturePart.init(rawValue:))
        }
    }

    static func checkUniqueNames(_ architectures: [NamedArchitecture?], elements: [ValueReader]) {
        var seen: [String: Int] = [:]
        for (index, architecture) in architectures.enumerated() {
            guard let name = architecture?.name else { continue }
            if let first = seen[name] {
                let _: Int? = elements[index].reject(expected: "an architecture name not used before (element \(first) has it)",
                                                     problem: "is a duplicate name")
            } else {
                seen[name] = index
            }
        }
    }

    /// Reads `{metric, below}` or `{metric, above}`, checking the metric against the catalog.
    static func objective(_ element: ValueReader) -> Objective? {
        guard let reader = element.object() else { return nil }
        defer { reader.finish() }
        let metricField = reader.requiredField("metric", expected: "a metric path such as chat.p95_ms")
        let below = reader.field("below")
        let above = reader.field("above")
        var objective: Objective?
        switch (below, above) {
        case (let bound?, nil):
            objective = bound.double().map { Objective(metric: "", bound: $0, direction: .below) }
        case (nil, let bound?):
            objective = bound.double().map { Objective(metric: "", bound: $0, direction: .above) }
        case (_?, let second?):
            let _: Int? = second.reject(expected: "either below or above, not both", problem: "conflicts with below")
        case (nil, nil):
            reader.diagnostics.record(.missing(at: reader.childPath("below"), objectPosition: reader.position,
                                               expected: "a bound: below (the figure must stay at or under it) or above"))
        }
        guard let metricField, let metric = metricField.string() else { return nil }
        let known = MetricCatalog.names
        let probe = Objective(metric: metric, bound: 0)
        guard probe.matchesAny(of: known) else {
            metricField.diagnostics.record(.unknownMetric(metricField.value, at: metricField.path,
                                                          suggestion: nearestName(to: metric, among: known), wildcard: true))
            return nil
        }
        objective?.metric = metric
        return objective
    }
}
