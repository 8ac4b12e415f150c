/// The subcommands of simctl, in the order `simctl --help` lists them.
let registeredCommands: [any Command.Type] = [
    RunCommand.self,
    ValidateCommand.self,
    ListCommand.self,
    CheckCommand.self,
    SweepCommand.self,
    MergeCommand.self,
    BenchCommand.self,
    CompareCommand.self,
    JourneyCommand.self,
]
