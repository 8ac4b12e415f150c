extension SweepShardFile {
    /// Parses a shard file's bytes; `path` names the file in messages.
    ///
    /// - Throws: `InputError` naming the file, the first field that is missing or invalid, and the fix.
    public static func parse(_ bytes: [UInt8], path: String) throws -> SweepShardFile {
        let document: JSONValue
        do {
            document = try JSONParser().parse(bytes)
        } catch let error as JSONParseError {
            throw corrupted(path, "invalid JSON at line \(error.position.line), column \(error.position.column): \(error.message)")
        }
        guard document["format"]?.stringValue == formatName else {
            throw corrupted(path, "the field \"format\" is not \"\(formatName)\"")
        }
        let fields = ShardFields(document: document, path: path)
        let version = try fields.integer("format_version")
        guard version == formatVersion else {
            throw InputError("\(path): shard format version \(version) is not supported; this simctl reads version "
                             + "\(formatVersion): run the shard again with this simctl")
        }

        let parameters = try fields.array("parameters").map { element -> SweepIdentity.Parameter in
            guard let path = element["path"]?.stringValue, let values = element["values"]?.arrayValue, !values.isEmpty else {
                throw corrupted(path, "a parameter lacks its path or values")
            }
            return SweepIdentity.Parameter(path: path, values: values.map(ReportValue.init))
        }
        let metrics = try fields.array("metrics").map { element -> String in
            guard let name = element.stringValue else { throw corrupted(path, "a metric name is not a string") }
            return name
        }
        let identity = SweepIdentity(
            scalesimVersion: try fields.string("scalesim_version"), scenarioHash: try fields.string("scenario_hash"),
            scenarioKind: try fields.string("scenario_kind"), parameters: parameters, metrics: metrics,
            replications: try fields.integer("replications", minimum: 1), seed: try fields.seed())

        let shardObject = ShardFields(document: document["shard"] ?? JSONValue(.null, at: document.position), path: path)
        let count = try shardObject.integer("count", minimum: 1)
        let index = try shardObject.integer("index", minimum: 1)
        guard index <= count, count <= SweepShard.maximumCount else {
            throw corrupted(path, "shard \(index)/\(count) is invalid")
        }
        let shard = SweepShard(index: index, count: count)
        guard let format = SweepReport.Format(rawValue: try fields.string("output_format")) else {
            throw corrupted(path, "the field \"output_format\" is not json or csv")
        }
        guard try fields.integer("case_count") == identity.caseCount else {
            throw corrupted(path, "\"case_count\" does not match the parameters and replications")
        }

        let cases = try parseCases(try fields.array("cases"), metricCount: metrics.count, path: path)
        guard cases.map(\.index) == shard.caseIndices(caseCount: identity.caseCount) else {
            throw corrupted(path, "its cases are not those of shard \(shard) (case i with i mod \(count) == \(index - 1))")
        }
        return SweepShardFile(identity: identity, shard: shard, scenarioPath: try fields.string("scenario_path"),
                              outputFormat: format, cases: cases)
    }

    private static func parseCases(_ elements: [JSONValue], metricCount: Int,
                                   path: String) throws -> [(index: Int, values: [Double?])] {
        try elements.map { element in
            guard let index = element["case"]?.numberValue?.int64Value.flatMap({ Int(exactly: $0) }),
                  let values = element["values"]?.arrayValue, values.count == metricCount else {
                throw corrupted(path, "a case lacks its index or does not have one value per metric")
            }
            let decoded = try values.map { value -> Double? in
                guard let number = decode(value) else {
                    throw corrupted(path, "case \(index) has the value \(value.compactDescription()), which is not a number")
                }
                return number
            }
            return (index, decoded)
        }
    }

    static func corrupted(_ path: String, _ problem: String) -> InputError {
        InputError("\(path): not a valid sweep shard: \(problem); the file is corrupted or truncated, "
                   + "so run its `simctl sweep ... --shard K/N` command again")
    }
}

/// Typed access to the fields of one object of a shard file, throwing on the first bad one.
private struct ShardFields {
    var document: JSONValue
    var path: String

    func string(_ key: String) throws -> String {
        guard let value = document[key]?.stringValue else {
            throw SweepShardFile.corrupted(path, "the field \"\(key)\" is missing or not a string")
        }
        return value
    }

    func integer(_ key: String, minimum: Int = 0) throws -> Int {
        guard let value = document[key]?.numberValue?.int64Value.flatMap({ Int(exactly: $0) }), value >= minimum else {
            throw SweepShardFile.corrupted(path, "the field \"\(key)\" is missing or not an integer >= \(minimum)")
        }
        return value
    }

    func array(_ key: String) throws -> [JSONValue] {
        guard let value = document[key]?.arrayValue else {
            throw SweepShardFile.corrupted(path, "the field \"\(key)\" is missing or not an array")
        }
        return value
    }

    /// Reads the seed, written as an integer or, beyond `Int.max`, as a decimal string.
    func seed() throws -> UInt64 {
        let value = document["seed"]
        if let integer = value?.numberValue?.int64Value, integer >= 0 {
            return UInt64(integer)
        }
        guard let text = value?.stringValue, let seed = UInt64(text) else {
            throw SweepShardFile.corrupted(path, "the field \"seed\" is missing or not an unsigned integer")
        }
        return seed
    }
}
