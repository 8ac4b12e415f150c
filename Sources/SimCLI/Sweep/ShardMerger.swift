import Foundation

/// Joins the shard files of one sweep, checking that they belong together and that none is
/// missing or given twice.
public enum ShardMerger {
    /// Reads the shard files at `paths` and returns the whole sweep's result and the output
    /// format that shard 1 records.
    ///
    /// - Throws: `InputError` naming the file and the fix for an unreadable or corrupted file,
    ///   a shard of another sweep, a shard given twice, or missing shards.
    public static func merge(paths: [String]) throws -> (result: SweepResult, outputFormat: SweepReport.Format) {
        let shards = try paths.map { path in (path: path, file: try read(path)) }
        guard let first = shards.first else {
            throw UsageError("missing SHARD files; pass every shard file of the sweep")
        }

        let identity = first.file.identity
        let count = first.file.shard.count
        var owners = [String?](repeating: nil, count: count)
        for (path, file) in shards {
            if let difference = file.identity.firstDifference(from: identity) {
                throw InputError("\(path): belongs to a different sweep than \(first.path) (\(difference)); "
                                 + "merge only the shards of one sweep, made by the same command with different --shard K/N")
            }
            guard file.shard.count == count else {
                throw InputError("\(path): shard \(file.shard) does not match \(first.path), which is shard \(first.file.shard); "
                                 + "merge the shards of one split, all made with the same N")
            }
            if let owner = owners[file.shard.index - 1] {
                let duplicate = owner == path ? "is given twice" : "is shard \(file.shard), the same shard as \(owner)"
                throw InputError("\(path): \(duplicate); pass each shard once")
            }
            owners[file.shard.index - 1] = path
        }

        let missing = owners.indices.filter { owners[$0] == nil }.map { $0 + 1 }
        guard missing.isEmpty else {
            let list = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw InputError("missing shard\(missing.count == 1 ? "" : "s") \(list) of the sweep of \(first.file.scenarioPath); "
                             + "run \(rerunCommand(first.file, shard: missing[0])), likewise for any other missing shard, "
                             + "and pass the new files too")
        }

        var caseValues = [[Double?]](repeating: [], count: identity.caseCount)
        for (_, file) in shards {
            for entry in file.cases {
                caseValues[entry.index] = entry.values
            }
        }
        let format = shards.first { $0.file.shard.index == 1 }?.file.outputFormat ?? first.file.outputFormat
        return (SweepResult(identity: identity, caseValues: caseValues), format)
    }

    static func read(_ path: String) throws -> SweepShardFile {
        let bytes: [UInt8]
        do {
            bytes = try FileAccess.read(path)
        } catch let error as InputError {
            throw InputError("\(path): \(error.message)")
        }
        return try SweepShardFile.parse(bytes, path: path)
    }

    /// Returns the `simctl sweep` command line that makes shard `index` of the sweep of `file`.
    static func rerunCommand(_ file: SweepShardFile, shard index: Int) -> String {
        let identity = file.identity
        let writer = JSONWriter(layout: .compact)
        var words = ["simctl", "sweep", file.scenarioPath]
        for parameter in identity.parameters {
            let values = parameter.values.map { value -> String in
                // A string goes unquoted unless it would read back as another JSON value.
                if case .string(let text) = value, SweepParameter.literal(text).kind == .string(text) {
                    return text
                }
                return writer.string(value)
            }
            words += ["--param", "\(parameter.path)=\(values.joined(separator: ","))"]
        }
        for metric in identity.metrics {
            words += ["--metric", metric]
        }
        words += ["--replications", String(identity.replications), "--seed", String(identity.seed),
                  "--shard", "\(index)/\(file.shard.count)", "--out", "shard-\(index).json"]
        return "'" + words.joined(separator: " ") + "'"
    }
}
