import Foundation
import ScaleSim
import SimCLI
import XCTest

/// `simctl sweep --shard` and `simctl merge`: byte-identical joins and rejected shard sets.
final class SweepMergeTests: XCTestCase {
    private var folder = ""
    private var scenario = ""
    private let grid = ["--param", "sources[0].arrival_rate=0.3,0.5,0.7", "--param", "stations[0].servers=1,2",
                        "--replications", "2", "--seed", "11"]

    override func setUpWithError() throws {
        scenario = try CLITestSupport.write(CLITestSupport.mm1(
            run: #"{"duration_s": 1500, "warmup_s": 100, "replications": 1, "seed": 5}"#))
        folder = URL(fileURLWithPath: scenario).deletingLastPathComponent().path
    }

    private func file(_ name: String) -> String {
        folder + "/" + name
    }

    /// Runs shard `index` of `count` of the test grid into `shard-INDEX.json` and returns its path.
    @discardableResult
    private func runShard(_ index: Int, of count: Int, extra: [String] = []) throws -> String {
        let out = file("shard-\(index)-of-\(count).json")
        let result = CLITestSupport.simctl(["sweep", scenario] + grid + extra + ["--shard", "\(index)/\(count)", "--out", out])
        XCTAssertEqual(result.status, 0, result.error)
        return out
    }

    private func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    func testMergeMatchesUnshardedJson() throws {
        let whole = file("whole.json")
        XCTAssertEqual(CLITestSupport.simctl(["sweep", scenario] + grid + ["--out", whole]).status, 0)
        let shards = try (1...3).map { try runShard($0, of: 3) }
        let merged = file("merged.json")
        let result = CLITestSupport.simctl(["merge"] + shards.reversed() + ["--out", merged])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(try bytes(merged), try bytes(whole))
    }

    func testMergeMatchesUnshardedCsv() throws {
        let whole = CLITestSupport.simctl(["sweep", scenario] + grid + ["--format", "csv"]).output
        let shards = try (1...4).map { try runShard($0, of: 4, extra: ["--format", "csv"]) }
        let merged = CLITestSupport.simctl(["merge"] + shards)
        XCTAssertEqual(merged.status, 0, merged.error)
        XCTAssertEqual(merged.output, whole)
    }

    func testMergeFormatOptionOverridesShards() throws {
        let whole = CLITestSupport.simctl(["sweep", scenario] + grid + ["--format", "csv"]).output
        let shards = try (1...2).map { try runShard($0, of: 2) }
        XCTAssertEqual(CLITestSupport.simctl(["merge", "--format", "csv"] + shards).output, whole)
    }

    func testMoreShardsThanCases() throws {
        // 12 cases over 13 shards: shard 13 has no case and still merges.
        let whole = CLITestSupport.simctl(["sweep", scenario] + grid).output
        let shards = try (1...13).map { try runShard($0, of: 13) }
        XCTAssertEqual(CLITestSupport.simctl(["merge"] + shards).output, whole)
    }

    func testShardValuesRoundTrip() throws {
        let path = try runShard(2, of: 3)
        let shard = try SweepShardFile.parse(Array(try bytes(path)), path: path)
        XCTAssertEqual(shard.json().utf8.count, try bytes(path).count)
        XCTAssertEqual(Data(shard.json().utf8), try bytes(path))
    }

    func testMissingShardIsError() throws {
        let shards = try [1, 3].map { try runShard($0, of: 3) }
        let result = CLITestSupport.simctl(["merge"] + shards)
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("missing shard 2/3"), result.error)
        XCTAssertTrue(result.error.contains("--shard 2/3"), result.error)
    }

    func testDuplicateShardIsError() throws {
        let shards = try (1...2).map { try runShard($0, of: 2) }
        let copy = file("copy.json")
        try FileManager.default.copyItem(atPath: shards[1], toPath: copy)
        let result = CLITestSupport.simctl(["merge"] + shards + [copy])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("copy.json: is shard 2/2, the same shard as \(shards[1])"), result.error)
    }

    func testSameFileTwiceIsError() throws {
        let shards = try (1...2).map { try runShard($0, of: 2) }
        let result = CLITestSupport.simctl(["merge"] + shards + [shards[0]])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("is given twice; pass each shard once"), result.error)
    }

    func testForeignSeedIsError() throws {
        let first = try runShard(1, of: 2)
        let foreign = file("foreign.json")
        // The grid's own --seed 11 is replaced, since an option given twice is a usage error.
        let arguments = ["sweep", scenario] + grid.dropLast(2) + ["--seed", "12", "--shard", "2/2", "--out", foreign]
        XCTAssertEqual(CLITestSupport.simctl(arguments).status, 0)
        let result = CLITestSupport.simctl(["merge", first, foreign])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("foreign.json: belongs to a different sweep"), result.error)
        XCTAssertTrue(result.error.contains("seed 12 vs 11"), result.error)
    }

    func testForeignScenarioIsError() throws {
        let first = try runShard(1, of: 2)
        let other = try CLITestSupport.write(CLITestSupport.mm1(
            run: #"{"duration_s": 1600, "warmup_s": 100, "replications": 1, "seed": 5}"#))
        let foreign = file("foreign.json")
        let arguments = ["sweep", other] + grid + ["--shard", "2/2", "--out", foreign]
        XCTAssertEqual(CLITestSupport.simctl(arguments).status, 0)
        let result = CLITestSupport.simctl(["merge", first, foreign])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("scenario hash"), result.error)
    }

    func testForeignParametersAreError() throws {
        let first = try runShard(1, of: 2)
        let foreign = file("foreign.json")
        let arguments = ["sweep", scenario, "--param", "stations[0].servers=1,2", "--shard", "2/2", "--out", foreign]
        XCTAssertEqual(CLITestSupport.simctl(arguments).status, 0)
        let result = CLITestSupport.simctl(["merge", first, foreign])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("foreign.json: belongs to a different sweep"), result.error)
    }

    func testDifferentShardCountIsError() throws {
        let first = try runShard(1, of: 2)
        let other = try runShard(2, of: 3)
        let result = CLITestSupport.simctl(["merge", first, other])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("shard 2/3 does not match"), result.error)
    }

    func testTruncatedShardIsError() throws {
        let shards = try (1...2).map { try runShard($0, of: 2) }
        let data = try bytes(shards[1])
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: shards[1]))
        let result = CLITestSupport.simctl(["merge"] + shards)
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("\(shards[1]): not a valid sweep shard: invalid JSON"), result.error)
    }

    func testEditedCaseListIsError() throws {
        let shards = try (1...2).map { try runShard($0, of: 2) }
        let text = try String(contentsOfFile: shards[1], encoding: .utf8)
        try text.replacingOccurrences(of: "\"case\": 3,", with: "\"case\": 4,")
            .write(toFile: shards[1], atomically: true, encoding: .utf8)
        let result = CLITestSupport.simctl(["merge"] + shards)
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("its cases are not those of shard 2/2"), result.error)
    }

    func testNotAShardIsError() throws {
        let result = CLITestSupport.simctl(["merge", scenario])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("not a valid sweep shard"), result.error)
    }

    func testMissingFileIsError() {
        let result = CLITestSupport.simctl(["merge", file("absent.json")])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.hasSuffix("absent.json: file not found; check the path\n"), result.error)
    }

    func testNoShardsIsUsageError() {
        let result = CLITestSupport.simctl(["merge"])
        XCTAssertEqual(result.status, ExitStatus.badInput)
        XCTAssertTrue(result.error.contains("missing SHARD files"), result.error)
    }
}
