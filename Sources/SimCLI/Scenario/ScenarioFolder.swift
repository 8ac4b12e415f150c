import Foundation

/// Finds the shipped scenarios/ folder when no `--dir` is given.
///
/// The rule: ./scenarios in the current directory; else, walking up from the executable's path
/// as invoked (symbolic links kept, so `.build/release/simctl` walks through `.build`) and then
/// from its resolved path, the first folder that contains both `scenarios/` and `Package.swift`.
public enum ScenarioFolder {
    /// Returns the scenarios folder by the rule above, or throws an `InputError` that names the
    /// places searched and `--dir`.
    static func find() throws -> URL {
        let manager = FileManager.default
        let current = URL(fileURLWithPath: manager.currentDirectoryPath)
        var executables: [URL] = []
        if let invoked = invokedExecutable() { executables.append(invoked) }
        if let resolved = Bundle.main.executableURL?.resolvingSymlinksInPath() { executables.append(resolved) }
        if let found = find(currentDirectory: current, executables: executables) { return found }
        let searched = [current.appendingPathComponent("scenarios").path]
            + executables.map { "above \($0.deletingLastPathComponent().path)" }
        throw InputError("no scenarios folder found (searched \(searched.joined(separator: ", ")) for a folder with "
                         + "scenarios/ and Package.swift); pass --dir DIR with the scenario folder")
    }

    /// Returns `currentDirectory`/scenarios when it is a folder, else the first ancestor of each
    /// executable, in order, that contains a `scenarios` folder and a `Package.swift` file.
    public static func find(currentDirectory: URL, executables: [URL]) -> URL? {
        let local = currentDirectory.appendingPathComponent("scenarios")
        if isFolder(local) { return local }
        for executable in executables {
            // `standardized` only removes `.` and `..`, so the invoked path's symbolic links stay.
            var folder = executable.standardized.deletingLastPathComponent()
            while true {
                let scenarios = folder.appendingPathComponent("scenarios")
                if isFolder(scenarios), FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    return scenarios
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }

    /// Returns the executable as invoked (`CommandLine.arguments[0]`), made absolute against the
    /// current directory or found on PATH, without resolving symbolic links.
    static func invokedExecutable() -> URL? {
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.contains("/") {
            return URL(fileURLWithPath: first, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .absoluteURL
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(first)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
