import Foundation
import SimCLI
import SimModels
import XCTest

/// docs/output.md documents every metric path that `simctl run` prints for a SaaS scenario, and
/// no path that it does not print.
final class OutputDocTests: XCTestCase {
    /// Values of the placeholders that the doc's tables use in paths.
    static let placeholders: [String: [String]] = [
        "K": RequestKind.allCases.map(\.rawValue),
        "LAYER": Layer.allCases.map(\.rawValue),
        "CAUSE": FailureCause.allCases.map(\.rawValue),
        "PLAN": Plan.allCases.map(\.rawValue),
        "PART": ["app_servers", "database_primary", "read_replicas", "redis", "pooler", "runtime_workers",
                 "background_workers", "cdn", "llm"],
        "PHASE": ["before", "index_build", "index_build_concurrently", "expand", "dual_writes", "backfill",
                  "validation", "read_switch", "contract", "rewrite", "after"],
    ]

    /// Reads docs/output.md and returns the paths in the first column of the tables under
    /// "### Metric paths", with placeholders expanded. A token such as `.mean_queue` replaces the
    /// last segment of the token before it.
    static func documentedPaths() throws -> Set<String> {
        let url = CLITestSupport.scenariosFolder.deletingLastPathComponent().appendingPathComponent("docs/output.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var paths: Set<String> = []
        var inSection = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") {
                inSection = line == "### Metric paths"
            }
            guard inSection, line.hasPrefix("| `") else { continue }
            let firstCell = line.dropFirst(2).components(separatedBy: " | ")[0]
            var previous = ""
            for (index, piece) in firstCell.components(separatedBy: "`").enumerated() where index % 2 == 1 {
                var token = piece
                if token.hasPrefix(".") {
                    token = previous.split(separator: ".").dropLast().joined(separator: ".") + token
                }
                previous = token
                paths.formUnion(expand(token))
            }
        }
        return paths
    }

    /// Returns every path that `token` stands for, with each upper-case placeholder replaced by
    /// its values.
    static func expand(_ token: String) -> [String] {
        guard let range = token.range(of: "[A-Z]+", options: .regularExpression) else { return [token] }
        let values = placeholders[String(token[range])] ?? []
        return values.flatMap { expand(token.replacingCharacters(in: range, with: $0)) }
    }

    /// Runs a small scenario with `parameters` for 60 simulated seconds and returns the metric
    /// paths of its CSV output.
    func printedPaths(parameters: String) throws -> Set<String> {
        let text = """
            {"customers": {"count": 20}, "architecture": {"preset": "stage4", "add": ["fallback_provider", "prompt_caching"]},
             "parameters": \(parameters), "run": {"duration_s": 60, "warmup_s": 0, "replications": 1}}
            """
        let result = CLITestSupport.simctl(["run", try CLITestSupport.write(text), "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.error)
        let rows = result.output.split(separator: "\n").dropFirst(5)
        return Set(rows.map { String($0.split(separator: ",")[0]) })
    }

    func testEveryPrintedPathDocumented() throws {
        let documented = try Self.documentedPaths()
        var printed: Set<String> = []
        for migration in [#"{}"#, #"{"kind": "index_build", "concurrently": true}"#,
                          #"{"kind": "index_build", "concurrently": false}"#, #"{"kind": "expand_contract"}"#,
                          #"{"kind": "locking_rewrite"}"#] {
            printed.formUnion(try printedPaths(parameters: #"{"migration": \#(migration)}"#))
        }
        XCTAssertGreaterThan(printed.count, 250)

        XCTAssertEqual(printed.subtracting(documented).sorted(), [], "printed but not in docs/output.md")
        XCTAssertEqual(documented.subtracting(printed).sorted(), [], "in docs/output.md but never printed")
    }
}
