import ScaleSim
import SimModels

/// A SaaS scenario file decoded: the model's scenario and what the file said about its
/// architecture, for messages such as "preset stage2 + pooler - cdn".
public struct PlatformScenarioFile: Sendable {
    public var scenario: PlatformScenario
    public var description: String?
    public var preset: ArchitecturePreset
    /// Parts the file's `architecture.add` switches on, in file order.
    public var addedParts: [ArchitecturePart]
    /// Parts the file's `architecture.remove` switches off, in file order.
    public var removedParts: [ArchitecturePart]

    /// The architecture as one phrase: `stage2 + pooler - cdn`.
    public var architectureSummary: String {
        var text = preset.rawValue
        for part in addedParts {
            text += " + \(part.rawValue)"
        }
        for part in removedParts {
            text += " - \(part.rawValue)"
        }
        return text
    }
}

/// Decodes a `"kind": "saas"` scenario into a `PlatformScenario`, reporting every invalid field
/// at once.
///
/// Each section has its own file (`PlatformScenarioDecoder+Customers.swift` and so on). Every
/// optional field defaults to the model's named default; docs/scenarios.md lists them all.
public enum PlatformScenarioDecoder {
    /// The `kind` of a SaaS scenario.
    public static let kind = "saas"

    /// Decodes `file`, or throws `ScenarioError.invalid` with every diagnostic in field-path
    /// order. `preset` replaces the file's `architecture.preset`, keeping its add and remove
    /// lists and its sizes. A trace named by the file is loaded here, so a missing trace file
    /// fails validation too.
    public static func decode(_ file: ScenarioFile, preset: ArchitecturePreset? = nil) throws -> PlatformScenarioFile {
        let diagnostics = ScenarioDiagnostics()
        let decoded = decode(file.document, diagnostics: diagnostics, presetOverride: preset)
        try diagnostics.throwIfAny(file: file.path)
        guard var decoded else {
            // Unreachable: the decoder returns nil only after recording a diagnostic.
            throw ScenarioError.invalid(file: file.path, diagnostics: [])
        }
        if let traceFile = decoded.traceFile {
            let trace: TraceSpec
            do {
                trace = try loadTrace(traceFile, relativeTo: file.path)
            } catch let error as TraceError {
                throw InputError(error.description)
            }
            let run = decoded.file.scenario.run
            if let problem = checkTraceCoversRun(trace, runLength: run.warmup + run.duration) {
                throw InputError("\(file.path):\(traceFile.line): \(problem)")
            }
            decoded.file.scenario.workload.trace = trace
        }
        return decoded.file
    }

    /// Decodes `document`, recording problems into `diagnostics`; nil when any was recorded.
    static func decode(_ document: JSONValue, diagnostics: ScenarioDiagnostics,
                       presetOverride: ArchitecturePreset?) -> (file: PlatformScenarioFile, traceFile: TraceFileSpec?)? {
        guard let root = ObjectReader(document, diagnostics: diagnostics) else { return nil }
        _ = root.string("kind", default: kind, oneOf: [kind])
        let description = root.field("description")?.string()

        let customers = root.object("customers") { decodeCustomers($0) }
        var workload = WorkloadSpec()
        var traceFile: TraceFileSpec?
        if let reader = root.optionalObject("workload") {
            (workload, traceFile) = decodeWorkload(reader)
            reader.finish()
        }
        var architecture = ArchitectureDecoding(preset: presetOverride ?? .stage1)
        if let reader = root.optionalObject("architecture") {
            architecture = decodeArchitecture(reader, presetOverride: presetOverride)
            reader.finish()
        } else if let presetOverride {
            architecture.spec = presetOverride.architecture
        }
        var parameters = ModelParameters()
        if let reader = root.optionalObject("parameters") {
            parameters = decodeParameters(reader)
            reader.finish()
        }
        var run = PlatformRunSpec()
        if let reader = root.optionalObject("run") {
            run = decodeRun(reader)
            reader.finish()
        }
        // `journey`, `assert` and `ranges` belong to other commands, which read them.
        root.markKnown("journey", "assert", "ranges")
        root.finish()

        guard diagnostics.isEmpty, let customers else { return nil }
        let scenario = PlatformScenario(customers: customers, workload: workload, architecture: architecture.spec,
                                        parameters: parameters, run: run)
        let file = PlatformScenarioFile(scenario: scenario, description: description, preset: architecture.preset,
                                        addedParts: architecture.added, removedParts: architecture.removed)
        return (file, traceFile)
    }
}
