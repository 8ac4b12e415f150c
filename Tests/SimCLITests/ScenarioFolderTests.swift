import Foundation
import SimCLI
import XCTest

/// The lookup of the shipped scenarios/ folder from another working directory, on a package
/// tree laid out as SwiftPM lays out `.build`: `release` is a symbolic link to the
/// triple's folder.
final class ScenarioFolderTests: XCTestCase {
    /// Creates a package tree: root/Package.swift, root/scenarios/journey.json (the shipped
    /// one, linked), root/.build/x86_64-unknown-linux-gnu/release/ and the link
    /// root/.build/release to it. Returns the root, the invoked and the resolved executable.
    func packageTree() throws -> (root: URL, invoked: URL, resolved: URL) {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("scenario-folder-\(UUID().uuidString)")
        let triple = root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release")
        try manager.createDirectory(at: triple, withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:5.9\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("scenarios/journey.json"),
                                       withDestinationURL: CLITestSupport.scenariosFolder.appendingPathComponent("journey.json"))
        try manager.createSymbolicLink(at: root.appendingPathComponent(".build/release"), withDestinationURL: triple)
        return (root, root.appendingPathComponent(".build/release/simctl"), triple.appendingPathComponent("simctl"))
    }

    func testFindsPackageAboveInvokedPath() throws {
        let tree = try packageTree()
        let elsewhere = FileManager.default.temporaryDirectory
        let found = ScenarioFolder.find(currentDirectory: elsewhere, executables: [tree.invoked])
        XCTAssertEqual(found?.resolvingSymlinksInPath().path,
                       tree.root.appendingPathComponent("scenarios").resolvingSymlinksInPath().path)
    }

    func testFindsPackageAboveResolvedPath() throws {
        let tree = try packageTree()
        let found = ScenarioFolder.find(currentDirectory: FileManager.default.temporaryDirectory, executables: [tree.resolved])
        XCTAssertEqual(found?.resolvingSymlinksInPath().path,
                       tree.root.appendingPathComponent("scenarios").resolvingSymlinksInPath().path)
    }

    func testSkipsFolderWithoutPackage() throws {
        let tree = try packageTree()
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("Package.swift"))
        XCTAssertNil(ScenarioFolder.find(currentDirectory: FileManager.default.temporaryDirectory, executables: [tree.invoked]))
    }

    func testCurrentDirectoryComesFirst() throws {
        let tree = try packageTree()
        let found = ScenarioFolder.find(currentDirectory: tree.root, executables: [])
        XCTAssertEqual(found?.lastPathComponent, "scenarios")
    }

    /// Runs the built simctl through the tree's `.build/release` link from another directory.
    func testListFromAnotherDirectory() throws {
        let bundle = Bundle(for: ScenarioFolderTests.self).bundleURL
        let built = [bundle.appendingPathComponent("simctl"), bundle.deletingLastPathComponent().appendingPathComponent("simctl")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let built else { throw XCTSkip("simctl is not built next to the tests; run swift build first") }
        let tree = try packageTree()
        try FileManager.default.createSymbolicLink(at: tree.resolved, withDestinationURL: built)

        let process = Process()
        process.executableURL = tree.invoked
        process.arguments = ["list"]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(output.hasPrefix("journey.json"), output)
    }

    func testJourneyDirOption() throws {
        let tree = try packageTree()
        let run = CLITestSupport.simctl(["journey", "--dir", tree.root.appendingPathComponent("nowhere").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("nowhere/journey.json"), run.error)
    }

    func testJourneyDirWithFileIsUsageError() throws {
        let run = CLITestSupport.simctl(["journey", "a.json", "--dir", "b"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.error.contains("--dir applies without FILE"), run.error)
    }
}
