/// One simctl subcommand: its name, a one-line summary, its options, and what it does.
public protocol Command {
    static var name: String { get }
    static var summary: String { get }
    /// The synopsis after `simctl NAME`, such as `FILE [--format table|json]`.
    static var usage: String { get }
    static var options: [OptionSpec] { get }
    /// Extra help text after the options; empty for none.
    static var discussion: String { get }

    /// Runs the command and returns its exit status; throws `UsageError` or `InputError` on bad input.
    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32
}

extension Command {
    public static var discussion: String { "" }

    /// The full `--help` text of the command.
    public static var helpText: String {
        var lines = ["OVERVIEW: \(summary)", "", "USAGE: simctl \(name) \(usage)", "", "OPTIONS:"]
        for option in options + [.flag("help", help: "Show this help and exit.")] {
            let left = option.kind == .flag ? "--\(option.name)" : "--\(option.name) \(option.valueName)"
            lines.append("  " + left.padding(toLength: max(24, left.count + 2), withPad: " ", startingAt: 0) + option.help)
        }
        if !discussion.isEmpty {
            lines.append("")
            lines.append(discussion)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
