import Foundation
import XCTest

/// Runs the built simctl executable in separate processes: the same seed must give byte-identical
/// JSON, and another seed different JSON.
///
/// The test looks for simctl next to the test bundle, in the build folder of the same
/// configuration, and skips when it is not there. `swift build` (or `swift test`, which builds
/// every product) puts it there.
final class SimctlProcessTests: XCTestCase {
    static func simctl() throws -> URL {
        // On Linux the bundle URL is the build folder itself; on macOS it is the .xctest inside it.
        let bundle = Bundle(for: SimctlProcessTests.self).bundleURL
        let candidates = [bundle.appendingPathComponent("simctl"),
                          bundle.deletingLastPathComponent().appendingPathComponent("simctl")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("simctl is not built at \(candidates[0].path); run swift build first")
        }
        return found
    }

    static let scenario = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../scenarios/tandem.json")
        .standardized

    static func runSimctl(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = try simctl()
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testSameSeedIdenticalBytes() throws {
        let arguments = ["run", Self.scenario.path, "--format", "json", "--seed", "5"]
        let first = try Self.runSimctl(arguments)
        let second = try Self.runSimctl(arguments + ["--jobs", "1"])
        XCTAssertEqual(first.status, 0)
        XCTAssertEqual(second.status, 0)
        XCTAssertFalse(first.output.isEmpty)
        XCTAssertEqual(first.output, second.output)
    }

    func testOtherSeedDifferentBytes() throws {
        let first = try Self.runSimctl(["run", Self.scenario.path, "--format", "json", "--seed", "5"])
        let second = try Self.runSimctl(["run", Self.scenario.path, "--format", "json", "--seed", "6"])
        XCTAssertEqual(first.status, 0)
        XCTAssertEqual(second.status, 0)
        XCTAssertNotEqual(first.output, second.output)
    }
}
