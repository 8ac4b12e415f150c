import ScaleSim
import SimModels

/// A station as read from the file, before its routes' station names are resolved.
struct StationDraft {
    var name: String?
    var nameField: ValueReader?
    var servers: Int?
    /// nil for an unbounded queue; `.some(nil)` when the field was invalid.
    var queueCapacity: Int??
    var service: Distribution?
    var routes: [(target: ValueReader?, probability: Double?)] = []
    var routingField: ValueReader?
    /// Where the station starts in the file, for warnings.
    var path: FieldPath
    var position: SourcePosition

    init(reader: ObjectReader) {
        path = reader.path
        position = reader.position
        nameField = reader.requiredField("name", expected: "a non-empty string")
        name = nameField.flatMap(Self.readName)
        servers = reader.int("servers", range: .atLeast(1))
        queueCapacity = reader.field("queue_capacity").map { $0.int(range: .atLeast(0)) }
        service = reader.requiredField("service", expected: "a distribution object").flatMap(DistributionDecoder.decode)
        routingField = reader.field("routing")
        routes = routingField?.elements()?.compactMap { element -> (ValueReader?, Double?)? in
            guard let route = element.object() else { return nil }
            defer { route.finish() }
            let target = route.requiredField("to", expected: "the name of a station")
            let probability = route.double("probability", range: .within(0...1))
            return (target, probability)
        } ?? []
        checkRoutingSum()
    }

    /// Reads a non-empty name string.
    static func readName(_ field: ValueReader) -> String? {
        guard let name = field.string() else { return nil }
        guard !name.isEmpty else { return field.reject(expected: "a non-empty string") }
        return name
    }

    /// Records an error when the routing probabilities sum to more than 1.
    ///
    /// A sum up to 1 + 1e-9 passes, so that decimal fractions such as 0.1 + 0.2 + 0.7 do.
    func checkRoutingSum() {
        guard let routingField else { return }
        let probabilities = routes.compactMap(\.probability)
        let sum = probabilities.reduce(0, +)
        if sum > 1 + 1e-9 {
            let _: Int? = routingField.reject(
                expected: "probabilities that sum to at most 1 (they sum to \(NumberFormat.standard.string(sum)))")
        }
    }

    /// Returns the station spec with its routes resolved, or nil when a field was invalid.
    func resolve(_ names: StationNames) -> StationSpec? {
        let resolved = routes.map { (names.resolve($0.target), $0.probability) }
        guard let name, let servers, let service else { return nil }
        var capacity: Int?
        if let queueCapacity {
            guard let value = queueCapacity else { return nil }
            capacity = value
        }
        var routing: [Route] = []
        for (target, probability) in resolved {
            guard let target, let probability else { return nil }
            routing.append(Route(target: target, probability: probability))
        }
        return StationSpec(name: name, servers: servers, queueCapacity: capacity, service: service, routing: routing)
    }
}

/// An open source as read from the file.
struct SourceDraft {
    var name: String?
    var nameField: ValueReader?
    var interarrival: Distribution?
    var target: ValueReader?

    init(reader: ObjectReader) {
        nameField = reader.requiredField("name", expected: "a non-empty string")
        name = nameField.flatMap(StationDraft.readName)
        let rateField = reader.field("arrival_rate")
        let distributionField = reader.field("interarrival")
        switch (rateField, distributionField) {
        case (let rateField?, nil):
            if let rate = rateField.double(range: .greaterThan(0)) {
                interarrival = (try? Exponential(rate: rate)).map { .exponential($0) }
                if interarrival == nil {
                    let _: Int? = rateField.reject(expected: "a finite number > 0")
                }
            }
        case (nil, let distributionField?):
            interarrival = DistributionDecoder.decode(distributionField)
        case (let rateField?, _?):
            let _: Int? = rateField.reject(expected: "either arrival_rate or interarrival, not both",
                                           problem: "conflicts with interarrival")
        case (nil, nil):
            reader.diagnostics.record(.missing(at: reader.childPath("arrival_rate"), objectPosition: reader.position,
                                               expected: "arrival_rate (per second) or an interarrival distribution"))
        }
        target = reader.requiredField("to", expected: "the name of a station")
    }

    func resolve(_ names: StationNames) -> OpenSourceSpec? {
        let index = names.resolve(target)
        guard let name, let interarrival, let index else { return nil }
        return OpenSourceSpec(name: name, interarrival: interarrival, target: index)
    }
}

/// A closed class as read from the file.
struct ClassDraft {
    var name: String?
    var nameField: ValueReader?
    var population: Int?
    var think: Distribution?
    var target: ValueReader?

    init(reader: ObjectReader) {
        nameField = reader.requiredField("name", expected: "a non-empty string")
        name = nameField.flatMap(StationDraft.readName)
        population = reader.int("population", range: .atLeast(1))
        think = reader.requiredField("think", expected: "a distribution object").flatMap(DistributionDecoder.decode)
        target = reader.requiredField("to", expected: "the name of a station")
    }

    func resolve(_ names: StationNames) -> ClosedClassSpec? {
        let index = names.resolve(target)
        guard let name, let population, let think, let index else { return nil }
        return ClosedClassSpec(name: name, population: population, think: think, target: index)
    }
}

/// The `run` object: duration, warm-up, replications and seed.
enum RunDraft {
    static func decode(_ reader: ObjectReader) -> RunSpec? {
        let duration = reader.durationSeconds("duration_s", range: .greaterThan(0))
        let warmup = reader.durationSeconds("warmup_s", default: .zero, range: .atLeast(0))
        let replications = reader.int("replications", default: 1, range: .atLeast(1))
        let seed = reader.int("seed", default: 1, range: .within(0...Int.max))
        guard let duration else { return nil }
        if warmup >= duration, let field = reader.field("warmup_s") {
            let _: Int? = field.reject(expected: "a duration in seconds < duration_s (\(NumberFormat.standard.string(duration.seconds)))")
            return nil
        }
        return RunSpec(duration: duration, warmup: warmup, replications: replications, seed: UInt64(seed))
    }
}
