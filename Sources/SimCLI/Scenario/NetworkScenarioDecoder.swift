import ScaleSim
import SimModels

/// Decodes a `"kind": "queueing_network"` scenario into a `NetworkSpec`, reporting every invalid
/// field at once.
///
/// Station, source and class names are resolved to indices after all stations are read, so a
/// route may name a station defined later in the file. docs/scenarios.md lists every field.
public enum NetworkScenarioDecoder {
    /// Decodes `file`, or throws `ScenarioError.invalid` with every diagnostic in field-path order.
    public static func decode(_ file: ScenarioFile) throws -> NetworkScenario {
        let diagnostics = ScenarioDiagnostics()
        let scenario = decode(file.document, diagnostics: diagnostics, file: file.path)
        try diagnostics.throwIfAny(file: file.path)
        guard let scenario else {
            // Unreachable: the decoder returns nil only after recording a diagnostic.
            throw ScenarioError.invalid(file: file.path, diagnostics: [])
        }
        return scenario
    }

    /// Decodes `document`, recording problems into `diagnostics`; nil when any was recorded.
    static func decode(_ document: JSONValue, diagnostics: ScenarioDiagnostics, file: String) -> NetworkScenario? {
        guard let root = ObjectReader(document, diagnostics: diagnostics) else { return nil }
        _ = root.string("kind", oneOf: [ScenarioFile.queueingNetworkKind])
        let description = root.field("description")?.string()
        let stationDrafts = root.objects("stations") { StationDraft(reader: $0) } ?? []
        let sourceDrafts: [SourceDraft] = decodeElements(root.optionalArray("sources")) { SourceDraft(reader: $0) }
        let classDrafts: [ClassDraft] = decodeElements(root.optionalArray("closed_classes")) { ClassDraft(reader: $0) }
        let run = root.object("run") { RunDraft.decode($0) }
        checkNonEmpty(root, stations: stationDrafts, sources: sourceDrafts, classes: classDrafts)
        root.finish()

        let names = StationNames(drafts: stationDrafts, diagnostics: diagnostics)
        let stations = stationDrafts.map { $0.resolve(names) }
        checkUniqueNames(sourceDrafts.map { ($0.name, $0.nameField) }, kind: "source", diagnostics)
        checkUniqueNames(classDrafts.map { ($0.name, $0.nameField) }, kind: "closed class", diagnostics)
        let sources = sourceDrafts.map { $0.resolve(names) }
        let classes = classDrafts.map { $0.resolve(names) }

        guard diagnostics.isEmpty, let run else { return nil }
        let spec = NetworkSpec(stations: stations.compactMap { $0 }, sources: sources.compactMap { $0 },
                               closedClasses: classes.compactMap { $0 }, run: run)
        let warnings = NetworkChecks.warnings(spec, stations: stationDrafts, file: file)
        return NetworkScenario(spec: spec, description: description, warnings: warnings)
    }

    /// Decodes each object element of an optional array, finishing each reader.
    static func decodeElements<T>(_ elements: [ValueReader]?, _ decode: (ObjectReader) -> T) -> [T] {
        guard let elements else { return [] }
        return elements.compactMap { element -> T? in
            guard let reader = element.object() else { return nil }
            defer { reader.finish() }
            return decode(reader)
        }
    }

    /// Records an error unless there is at least one station and one source or closed class.
    static func checkNonEmpty(_ root: ObjectReader, stations: [StationDraft], sources: [SourceDraft],
                              classes: [ClassDraft]) {
        if let value = root.value("stations"), value.arrayValue?.isEmpty == true {
            root.diagnostics.record(.invalid(value, at: root.childPath("stations"), expected: "at least one station"))
        }
        guard root.value("sources")?.arrayValue?.isEmpty ?? true,
              root.value("closed_classes")?.arrayValue?.isEmpty ?? true,
              sources.isEmpty, classes.isEmpty else { return }
        root.diagnostics.record(.missing(at: root.childPath("sources"), objectPosition: root.position,
                                         expected: "at least one source or closed class"))
    }

    /// Records an error for every name already used by an earlier element.
    static func checkUniqueNames(_ names: [(String?, ValueReader?)], kind: String, _ diagnostics: ScenarioDiagnostics) {
        var seen: [String: Int] = [:]
        for (index, (name, field)) in names.enumerated() {
            guard let name, let field else { continue }
            if let first = seen[name] {
                let _: Int? = field.reject(expected: "a \(kind) name not used before (element \(first) has it)",
                                           problem: "is a duplicate name")
            } else {
                seen[name] = index
            }
        }
    }
}

/// The station names of a file, for resolving `to` fields.
struct StationNames {
    /// Name to index, for lookup only; never iterated.
    var indices: [String: Int] = [:]
    /// The names in file order, for suggestions.
    var ordered: [String] = []

    init(drafts: [StationDraft], diagnostics: ScenarioDiagnostics) {
        for (index, draft) in drafts.enumerated() {
            guard let name = draft.name, let field = draft.nameField else { continue }
            if let first = indices[name] {
                let _: Int? = field.reject(expected: "a station name not used before (stations[\(first)] has it)",
                                           problem: "is a duplicate name")
            } else {
                indices[name] = index
                ordered.append(name)
            }
        }
    }

    /// Returns the index of the station named in `field`, or records an error naming the nearest name.
    func resolve(_ field: ValueReader?) -> Int? {
        guard let field, let name = field.string() else { return nil }
        if let index = indices[name] {
            return index
        }
        var expected = "the name of a station"
        if let suggestion = EditDistance.nearest(to: name, in: ordered) {
            expected += "; did you mean '\(suggestion)'?"
        } else if !ordered.isEmpty {
            expected += " (" + ordered.map { "'\($0)'" }.joined(separator: ", ") + ")"
        }
        return field.reject(expected: expected, problem: "is not a station")
    }
}
