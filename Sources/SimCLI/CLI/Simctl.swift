/// The simctl command line: dispatches to a subcommand and maps errors to exit statuses.
public enum Simctl {
    /// Every subcommand, in the order `simctl --help` lists them.
    public static let commands: [any Command.Type] = registeredCommands

    /// Runs simctl with `arguments` (without the program name); returns the exit status.
    public static func main(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.message("error: missing command; run '\(console.programName) --help'")
            console.writeError(helpText)
            return ExitStatus.badInput
        }
        if first == "--help" || first == "-h" {
            console.write(helpText)
            return ExitStatus.success
        }
        if first == "help" {
            return help(Array(arguments.dropFirst()), console: console)
        }
        if first == "--version" {
            console.write("simctl \(versionString)\n")
            return ExitStatus.success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let hint = nearestName(to: first, among: commands.map { $0.name }).map { " Did you mean '\($0)'?" } ?? ""
            console.message("error: unknown command '\(first)'.\(hint) Run '\(console.programName) --help' for the list.")
            return ExitStatus.badInput
        }

        let rest = Array(arguments.dropFirst())
        do {
            let parsed = try parseArguments(rest, options: command.options + [.flag("help", help: "")])
            if parsed.has("help") {
                console.write(command.helpText)
                return ExitStatus.success
            }
            return try command.run(parsed, console: console)
        } catch let error as UsageError {
            console.message("error: \(error.message)")
            console.message("Run '\(console.programName) \(command.name) --help' for usage.")
            return ExitStatus.badInput
        } catch let error as InputError {
            // One line per problem, each marked, so every diagnostic of a file reads alike.
            for line in error.message.split(separator: "\n", omittingEmptySubsequences: true) {
                console.message("error: \(line)")
            }
            return ExitStatus.badInput
        } catch {
            console.message("error: \(error)")
            return ExitStatus.badInput
        }
    }

    /// Prints the help of the command named in `arguments`, or the overview without one.
    static func help(_ arguments: [String], console: Console) -> Int32 {
        guard let name = arguments.first else {
            console.write(helpText)
            return ExitStatus.success
        }
        guard arguments.count == 1, let command = commands.first(where: { $0.name == name }) else {
            let hint = nearestName(to: name, among: commands.map { $0.name }).map { " Did you mean '\($0)'?" } ?? ""
            let problem = arguments.count == 1 ? "unknown command '\(name)'.\(hint)" : "help takes one command name, got \(arguments.count)."
            console.message("error: \(problem) Run '\(console.programName) --help' for the list.")
            return ExitStatus.badInput
        }
        console.write(command.helpText)
        return ExitStatus.success
    }

    static var versionString: String { ScaleSimVersionText.current }

    static var helpText: String {
        var lines = ["OVERVIEW: simctl runs ScaleSim, a deterministic simulator of an AI-agent SaaS platform's scaling journey.",
                     "", "USAGE: simctl COMMAND [OPTIONS]", "", "COMMANDS:"]
        for command in commands {
            lines.append("  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.summary)
        }
        lines.append("")
        lines.append("Run 'simctl COMMAND --help' for a command's options. Exit status: 0 success, 1 failed check, 2 bad input or usage.")
        return lines.joined(separator: "\n") + "\n"
    }
}
