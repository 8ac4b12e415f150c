import Foundation
import SimCLI
import XCTest

/// `--out DIR` of run and journey replaces every file of an existing folder or none of them.
final class OutputFolderTests: XCTestCase {
    let small = #"{"customers": {"count": 5}, "run": {"duration_s": 30, "warmup_s": 0, "replications": 1, "seed": 1}}"#

    /// Makes `parent/out` holding old `metrics.json` and `report.html` and a folder named
    /// `blocked`, which is where a new file must go.
    func existingFolder(in parent: String, blocked: String) throws -> String {
        let folder = parent + "/out"
        try FileManager.default.createDirectory(atPath: folder + "/" + blocked, withIntermediateDirectories: true)
        for name in ["metrics.json", "report.html", "journey.json"] where name != blocked {
            try "old \(name)".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    func testRunFolderInTheWayChangesNothing() throws {
        let path = try CLITestSupport.write(small)
        let parent = (path as NSString).deletingLastPathComponent
        let folder = try existingFolder(in: parent, blocked: "timeseries.csv")

        let result = CLITestSupport.simctl(["run", path, "--out", folder])

        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("timeseries.csv is a folder; remove it or pass another folder; nothing was written"),
                      result.error)
        XCTAssertEqual(try String(contentsOfFile: folder + "/metrics.json", encoding: .utf8), "old metrics.json")
        XCTAssertEqual(try String(contentsOfFile: folder + "/report.html", encoding: .utf8), "old report.html")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), ["out", "scenario.json"])
    }

    func testJourneyFolderInTheWayChangesNothing() throws {
        let journey = #"{"checkpoints": [5], "architectures": ["stage1"], "replications": 1}"#
        let path = try CLITestSupport.write(#"{"customers": {"count": 5}, "run": {"seed": 1}, "journey": \#(journey)}"#)
        let parent = (path as NSString).deletingLastPathComponent
        let folder = try existingFolder(in: parent, blocked: "journey.csv")

        let result = CLITestSupport.simctl(["journey", path, "--jobs", "1", "--out", folder])

        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("journey.csv is a folder"), result.error)
        XCTAssertEqual(try String(contentsOfFile: folder + "/journey.json", encoding: .utf8), "old journey.json")
        XCTAssertEqual(try String(contentsOfFile: folder + "/report.html", encoding: .utf8), "old report.html")
    }

    func testSymlinkDestinationRejected() throws {
        let path = try CLITestSupport.write(small)
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/report.html", withDestinationPath: path)

        let result = CLITestSupport.simctl(["run", path, "--out", folder])

        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("report.html is not a regular file"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/metrics.json"))
    }

    func testEveryFileReplaced() throws {
        let path = try CLITestSupport.write(small)
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        for name in ["metrics.json", "timeseries.csv", "report.html", "notes.txt"] {
            try "old".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }

        let result = CLITestSupport.simctl(["run", path, "--out", folder])

        XCTAssertEqual(result.status, 0, result.error)
        for name in ["metrics.json", "timeseries.csv", "report.html"] {
            XCTAssertNotEqual(try String(contentsOfFile: folder + "/" + name, encoding: .utf8), "old", name)
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/notes.txt", encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), ["out", "scenario.json"])
    }
}
