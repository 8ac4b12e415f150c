/// `simctl merge SHARD...`: joins the shard files of one sweep into the sweep's output.
public enum MergeCommand: Command {
    public static let name = "merge"
    public static let summary = "Join the shard files of one sweep into the output of the whole sweep."
    public static let usage = "SHARD... [--format json|csv] [--out FILE]"
    public static let options: [OptionSpec] = [
        .value("format", "FORMAT", help: "Output format: json or csv (default: the format the shards were run with)."),
        .value("out", "FILE", help: "Write to FILE, whole or not at all, instead of standard output."),
    ]
    public static let discussion = """
        Every shard 1 to N of the sweep must be given exactly once, in any order. The output is \
        byte for byte that of the same sweep run without --shard.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard !arguments.positionals.isEmpty else {
            throw UsageError("missing SHARD files; pass every shard file of the sweep")
        }
        let format = try arguments.value("format").map { _ in try SweepCommand.reportFormat(arguments) }
        let merged = try ShardMerger.merge(paths: arguments.positionals)
        let text = SweepReport(result: merged.result).text(format ?? merged.outputFormat)
        try SweepCommand.emit(text, out: arguments.value("out"), console: console)
        return ExitStatus.success
    }
}
