import ScaleSim
import SimModels

/// The architecture a file describes: a preset, parts added and removed, then sizes.
struct ArchitectureDecoding {
    var preset: ArchitecturePreset
    var spec: ArchitectureSpec
    var added: [ArchitecturePart] = []
    var removed: [ArchitecturePart] = []
    /// False when the file's `preset` is invalid and no `--architecture` replaces it. Then which
    /// parts are on is unknown, so sizes are not checked against the stand-in preset.
    var isPresetKnown = true

    init(preset: ArchitecturePreset) {
        self.preset = preset
        self.spec = preset.architecture
    }
}

/// The `architecture` section: `preset`, `add`, `remove`, then explicit sizes of parts.
///
/// A size applies only to a part that is on after the preset and the lists, so that a size
/// never switches a part on behind the reader's back; the message says which list to change.
extension PlatformScenarioDecoder {
    static func decodeArchitecture(_ reader: ObjectReader, presetOverride: ArchitecturePreset?) -> ArchitectureDecoding {
        let presetName = reader.string("preset", default: ArchitecturePreset.stage1.rawValue,
                                       oneOf: ArchitecturePreset.allCases.map(\.rawValue))
        let preset = presetOverride ?? ArchitecturePreset(rawValue: presetName) ?? .stage1
        var decoding = ArchitectureDecoding(preset: preset)
        if presetOverride == nil, let value = reader.value("preset") {
            decoding.isPresetKnown = value.stringValue.flatMap(ArchitecturePreset.init(rawValue:)) != nil
        }

        let added = decodeParts(reader.field("add"), otherList: [])
        let removed = decodeParts(reader.field("remove"), otherList: added.map(\.part))
        for entry in added {
            entry.part.set(true, in: &decoding.spec)
        }
        for entry in removed {
            entry.part.set(false, in: &decoding.spec)
        }
        decoding.added = added.map(\.part)
        decoding.removed = removed.map(\.part)

        decoding.spec.appServers = reader.int("app_servers", default: decoding.spec.appServers, range: .atLeast(1))
        if let field = reader.field("background_workers"), requirePart(.backgroundWorkers, field, decoding) {
            decoding.spec.backgroundWorkers = field.int(range: .atLeast(1)) ?? decoding.spec.backgroundWorkers
        }
        if let field = reader.field("pooler"), requirePart(.pooler, field, decoding),
           let pooler = decoding.spec.pooler, let object = field.object() {
            decoding.spec.pooler = PoolerSpec(
                serverConnections: object.int("server_connections", default: pooler.serverConnections, range: .atLeast(1)),
                waitTimeout: object.durationSeconds("wait_timeout_s", default: pooler.waitTimeout))
            object.finish()
        }
        if let field = reader.field("replicas"), requirePart(.replica, field, decoding), let object = field.object() {
            decodeReplicas(object, into: &decoding)
            object.finish()
        }
        if let field = reader.field("queue"), requirePart(.queue, field, decoding),
           let queue = decoding.spec.queue, let object = field.object() {
            decoding.spec.queue = decodeQueue(object, defaults: queue)
            object.finish()
        }
        if let field = reader.field("response_cache"), requirePart(.responseCache, field, decoding),
           let cache = decoding.spec.responseCache, let object = field.object() {
            decoding.spec.responseCache = ResponseCacheSpec(
                ttl: object.durationSeconds("ttl_s", default: cache.ttl, range: .greaterThan(0)),
                memoryBytes: object.int("memory_bytes", default: cache.memoryBytes, range: .atLeast(0)))
            object.finish()
        }
        if let field = reader.field("partitions"), requirePart(.partitions, field, decoding), let object = field.object() {
            decoding.spec.partitions = PartitionSpec(creationJobRuns: object.bool("creation_job_runs", default: true))
            object.finish()
        }
        return decoding
    }

    /// Reads a list of part names; each must be known, listed once, and absent from `otherList`.
    static func decodeParts(_ field: ValueReader?, otherList: [ArchitecturePart]) -> [(part: ArchitecturePart, field: ValueReader)] {
        guard let elements = field?.elements() else { return [] }
        let names = ArchitecturePart.allCases.map(\.rawValue)
        var parts: [(part: ArchitecturePart, field: ValueReader)] = []
        for element in elements {
            guard let name = element.string() else { continue }
            guard let part = ArchitecturePart(rawValue: name) else {
                let hint = EditDistance.nearest(to: name, in: names).map { "; did you mean '\($0)'?" }
                    ?? " (" + names.joined(separator: ", ") + ")"
                let _: Int? = element.reject(expected: "the name of a part\(hint)", problem: "is not a part")
                continue
            }
            if parts.contains(where: { $0.part == part }) {
                let _: Int? = element.reject(expected: "each part once", problem: "is listed twice")
                continue
            }
            if otherList.contains(part) {
                let _: Int? = element.reject(expected: "a part in either architecture.add or architecture.remove, not both",
                                             problem: "is also in architecture.add")
                continue
            }
            parts.append((part, element))
        }
        return parts
    }

    /// Returns whether `part` is on. When it is off, records that `field` sizes a part that is
    /// off. An invalid preset, already reported, records nothing more, because which parts it
    /// would switch on is unknown.
    static func requirePart(_ part: ArchitecturePart, _ field: ValueReader, _ decoding: ArchitectureDecoding) -> Bool {
        guard !part.isOn(in: decoding.spec) else { return true }
        guard decoding.isPresetKnown || decoding.removed.contains(part) else { return false }
        let reason = decoding.removed.contains(part)
            ? "architecture.remove switches it off"
            : "preset \(decoding.preset.rawValue) has no \(part.rawValue); add \"\(part.rawValue)\" to architecture.add"
        let _: Int? = field.reject(expected: "sizes of a part that is on, but \(reason)",
                                   problem: "sizes the part '\(part.rawValue)', which is off")
        return false
    }

    static func decodeReplicas(_ reader: ObjectReader, into decoding: inout ArchitectureDecoding) {
        var replicas = decoding.spec.replicas
        replicas.count = reader.int("count", default: replicas.count, range: .atLeast(1))
        replicas.analyticsOnReplica = reader.bool("analytics_on_replica", default: replicas.analyticsOnReplica)
        replicas.listingOnReplica = reader.bool("listing_on_replica", default: replicas.listingOnReplica)
        if let field = reader.field("read_your_writes"), let value = field.bool() {
            let listed = value ? decoding.removed.contains(.readYourWrites) : decoding.added.contains(.readYourWrites)
            if listed {
                let list = value ? "architecture.remove" : "architecture.add"
                let _: Int? = field.reject(expected: "a value that agrees with \(list), which lists read_your_writes")
            } else {
                replicas.readYourWrites = value
            }
        }
        decoding.spec.replicas = replicas
    }

    static func decodeQueue(_ reader: ObjectReader, defaults: QueueSpec) -> QueueSpec {
        var queue = defaults
        queue.runtimeWorkers = reader.int("runtime_workers", default: queue.runtimeWorkers, range: .atLeast(1))
        queue.maxAttempts = reader.int("max_attempts", default: queue.maxAttempts, range: .within(1...100))
        if let field = reader.field("backoff") {
            queue.backoff = decodeBackoff(field) ?? queue.backoff
        }
        queue.reliablePop = reader.bool("reliable_pop", default: queue.reliablePop)
        if let field = reader.field("backpressure_limit") {
            if field.value.isNull {
                queue.backpressureLimit = nil
            } else if let limit = field.int(range: .atLeast(1)) {
                queue.backpressureLimit = limit
            }
        }
        return queue
    }

    /// Reads `"immediate"` or `{"exponential": {"base_s": b, "cap_s": c}}` with 0 < b <= c.
    static func decodeBackoff(_ field: ValueReader) -> BackoffPolicy? {
        if field.value.stringValue != nil {
            return field.string(oneOf: ["immediate"]).map { _ in .immediate }
        }
        guard field.value.objectMembers != nil else {
            return field.reject(expected: "\"immediate\" or {\"exponential\": {\"base_s\": ..., \"cap_s\": ...}}")
        }
        guard let reader = field.object() else { return nil }
        defer { reader.finish() }
        return reader.object("exponential") { exponential -> BackoffPolicy? in
            let base = exponential.durationSeconds("base_s", range: .greaterThan(0))
            let cap = exponential.durationSeconds("cap_s", range: .greaterThan(0))
            guard let base, let cap else { return nil }
            guard cap >= base else {
                return exponential.requiredField("cap_s", expected: "")?.reject(
                    expected: "a cap >= base_s (\(NumberFormat.standard.string(base.seconds)))")
            }
            return .exponential(base: base, cap: cap)
        }
    }
}
