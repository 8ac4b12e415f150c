import ScaleSim
import SimModels

/// Reads request traces from file contents and measures their span.
public enum TraceReader {
    /// Returns the requests in `bytes`, read as `format`, with offsets from the first request.
    ///
    /// `name` is the file as the user wrote it, used in every message.
    ///
    /// - Throws: `TraceError` for the first malformed line, for rows out of time order, and for
    ///   a file without requests.
    public static func read(bytes: [UInt8], format: TraceFormat, name: String) throws -> [TraceRecord] {
        let records: [TraceRecord]
        switch format {
        case .azureCSV:
            records = try AzureCSVReader.read(bytes: bytes, name: name)
        case .mooncakeJSONL:
            records = try MooncakeJSONLReader.read(bytes: bytes, name: name)
        }
        guard !records.isEmpty else {
            throw TraceError(file: name, line: nil, message: "the trace has no requests; expected at least two rows")
        }
        return records
    }

    /// Returns the length of time the records stand for: the last offset plus the mean gap.
    ///
    /// The trace is a window of a longer stream, so its last request is followed, on average,
    /// by one mean gap before the next one it did not record. Adding that gap makes n requests
    /// fill n mean gaps, so a copy that wraps around keeps the trace's mean rate, and the seam
    /// between the end and the start of the trace gets a typical gap rather than none. The mean
    /// gap is (last - first) / (n - 1), rounded down to a whole nanosecond.
    ///
    /// - Throws: `TraceError` unless the records have at least two distinct offsets, because a
    ///   single instant has no rate and no span.
    public static func span(of records: [TraceRecord], name: String) throws -> SimDuration {
        guard let first = records.first, let last = records.last, last.offset > first.offset else {
            throw TraceError(file: name, line: nil,
                             message: "all \(records.count) requests have the same timestamp, so the trace has no span; "
                                 + "expected requests at two or more times")
        }
        let covered = last.offset.nanoseconds - first.offset.nanoseconds
        let meanGap = covered / Int64(records.count - 1)
        return SimDuration(nanoseconds: last.offset.nanoseconds + meanGap)
    }
}
