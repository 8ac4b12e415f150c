import Foundation
import SimCLI

/// Scenario files in a fresh temporary folder, and simctl run in-process on a capturing console.
enum CLITestSupport {
    /// Writes `text` to a new file named `name` in a temporary folder and returns its path.
    static func write(_ text: String, name: String = "scenario.json") throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("simcli-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs simctl with `arguments` and returns the status and both streams.
    static func simctl(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let console = Console.capturing()
        let status = Simctl.main(arguments, console: console)
        return (status, console.standardOutput, console.standardError)
    }

    /// A small valid M/M/1 network; `run` replaces the run object.
    /// Validates `text` as a scenario file and returns the exit status and the error lines,
    /// without their `error: ` marks and the temporary folder, so tests can compare them exactly.
    static func validationErrors(_ text: String) throws -> (status: Int32, lines: [String]) {
        let path = try write(text, name: "bad.json")
        let result = simctl(["validate", path])
        let prefix = (path as NSString).deletingLastPathComponent + "/"
        let lines = result.error
            .replacingOccurrences(of: "error: ", with: "")
            .replacingOccurrences(of: prefix, with: "")
            .split(separator: "\n").map(String.init)
        return (result.status, lines)
    }

    static func mm1(run: String = #"{"duration_s": 2000, "warmup_s": 100, "replications": 1, "seed": 3}"#) -> String {
        """
        {
          "kind": "queueing_network",
          "description": "test M/M/1",
          "stations": [
            {"name": "server", "servers": 1, "service": {"type": "exponential", "rate": 1}}
          ],
          "sources": [{"name": "arrivals", "arrival_rate": 0.5, "to": "server"}],
          "run": \(run)
        }
        """
    }

    static let scenariosFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../scenarios")
        .standardized
}
