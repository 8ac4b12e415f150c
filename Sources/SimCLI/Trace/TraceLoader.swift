import Foundation
import ScaleSim
import SimModels

/// Reads the trace that a scenario's `workload.trace` object names.
///
/// - Throws: `TraceError`, located in the scenario file for a bad format or an unreadable
///   file, and in the trace file for a malformed row.
func loadTrace(_ spec: TraceFileSpec, relativeTo scenarioPath: String) throws -> TraceSpec {
    try TraceLoader.load(path: spec.path, format: spec.format, customersPerCopy: spec.customersPerCopy,
                         loop: spec.loop, relativeTo: scenarioPath, scenarioLine: spec.line)
}

/// Resolves trace paths and reads trace files into `TraceSpec`s.
public enum TraceLoader {
    /// Returns where `path` points: an absolute path unchanged, a relative one joined to the
    /// folder that contains `scenarioPath`.
    ///
    /// The result is normalized lexically (`scenarios/../traces/x.csv` becomes `traces/x.csv`),
    /// so messages name the file as it is reached from the working directory.
    public static func resolve(_ path: String, relativeTo scenarioPath: String) -> String {
        guard !path.hasPrefix("/") else { return normalize(path) }
        let folder = (scenarioPath as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return normalize(path) }
        return normalize(folder + "/" + path)
    }

    /// Reads the trace at `path` and wraps it with its span and scaling.
    ///
    /// - Parameters:
    ///   - format: a `TraceFormat` raw value.
    ///   - scenarioPath: the scenario file, against whose folder a relative `path` is resolved.
    ///   - scenarioLine: the line of the `trace` object in the scenario, for messages.
    /// - Throws: `TraceError`.
    public static func load(path: String, format: String, customersPerCopy: Double, loop: Bool,
                            relativeTo scenarioPath: String, scenarioLine: Int) throws -> TraceSpec {
        func scenarioFailure(_ message: String) -> TraceError {
            TraceError(file: scenarioPath, line: scenarioLine, message: message)
        }

        guard let traceFormat = TraceFormat(rawValue: format) else {
            let known = TraceFormat.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw scenarioFailure("workload.trace.format: '\(format)' is invalid; expected \(known)")
        }
        guard customersPerCopy.isFinite, customersPerCopy > 0 else {
            throw scenarioFailure("workload.trace.customers_per_copy: \(customersPerCopy) is invalid; expected a number > 0")
        }
        let resolved = resolve(path, relativeTo: scenarioPath)
        let bytes: [UInt8]
        do {
            bytes = try FileAccess.read(resolved)
        } catch let error as InputError {
            // A relative path is resolved against the scenario's folder, which surprises most
            // when the file is not found, so the message says so.
            let hint = error.message.hasPrefix("file not found")
                ? "file not found; a relative path is resolved against the scenario file's folder, "
                    + "so check the path or give an absolute one"
                : error.message
            throw scenarioFailure("workload.trace.path: \(resolved): \(hint)")
        }

        let records = try TraceReader.read(bytes: bytes, format: traceFormat, name: resolved)
        let span = try TraceReader.span(of: records, name: resolved)
        let name = ((resolved as NSString).lastPathComponent as NSString).deletingPathExtension
        return TraceSpec(name: name, records: records, span: span, customersPerCopy: customersPerCopy, loop: loop)
    }

    /// Removes `.` segments and folds `folder/..` pairs, keeping leading `..` of a relative path.
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var segments: [Substring] = []
        for segment in path.split(separator: "/") where segment != "." {
            if segment == "..", let last = segments.last, last != ".." {
                segments.removeLast()
            } else if segment == "..", isAbsolute {
                continue
            } else {
                segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
