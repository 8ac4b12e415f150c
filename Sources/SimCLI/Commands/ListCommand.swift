import Foundation

/// `simctl list`: lists the shipped scenarios with their descriptions.
public enum ListCommand: Command {
    public static let name = "list"
    public static let summary = "List the shipped scenarios, one line each."
    public static let usage = "[--dir DIR]"
    public static let options: [OptionSpec] = [
        .value("dir", "DIR", help: "Folder of scenario files (default: ./scenarios, else the package's scenarios/ found above simctl)."),
    ]
    public static let discussion = """
        Each line shows the file, its kind and its description field. Without --dir, simctl uses \
        scenarios/ in the current directory; else it walks up from the executable, first along the \
        path as invoked (so .build/release/simctl walks through .build), then along its resolved \
        path, to the first folder that contains both scenarios/ and Package.swift: the package root.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard arguments.positionals.isEmpty else {
            throw UsageError("list takes no arguments, got '\(arguments.positionals[0])'")
        }
        let folder = try arguments.value("dir").map(URL.init(fileURLWithPath:)) ?? defaultFolder()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".json") }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        } catch {
            throw InputError("\(folder.path): cannot list the folder; pass --dir DIR with the scenario folder")
        }

        let width = (names.map(\.count).max() ?? 0) + 2
        for name in names {
            let path = folder.appendingPathComponent(name).path
            let line: String
            if let file = try? ScenarioFile.load(path) {
                let kind = file.kind ?? "saas"
                line = name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + kind.padding(toLength: 18, withPad: " ", startingAt: 0) + (file.description ?? "(no description)")
            } else {
                line = name.padding(toLength: width, withPad: " ", startingAt: 0) + "(invalid JSON; run '\(console.programName) validate' on it)"
            }
            console.write(line + "\n")
        }
        return ExitStatus.success
    }

    /// Returns the shipped scenarios folder by `ScenarioFolder`'s rule.
    static func defaultFolder() throws -> URL {
        try ScenarioFolder.find()
    }
}
