import Foundation
import ScaleSim
import SimModels

/// The reference table in Fixtures/reference/queueing_reference.csv, read relative to this file.
enum QueueingReference {
    /// One closed-form value: a metric of a case.
    struct Row {
        var caseName: String
        var model: String
        var parameters: [String: String]
        var metric: String
        var value: Double
        var formula: String
    }

    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference/queueing_reference.csv")

    /// Reads every row, in file order; the formula column is the last and may hold no comma.
    static func rows() throws -> [Row] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst()
        return try lines.map { line in
            let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let value = Double(fields[4]) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "bad row: \(line)"])
            }
            var parameters: [String: String] = [:]
            for pair in fields[2].split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { parameters[parts[0]] = parts[1] }
            }
            return Row(caseName: fields[0], model: fields[1], parameters: parameters, metric: fields[3],
                       value: value, formula: fields[5])
        }
    }
}
