/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar: Sendable {
    let label: String

    /// Returns a callback that redraws the bar, or nil when `console`'s standard error is not a
    /// terminal, so pipes and logs stay clean.
    static func callback(_ label: String, console: Console) -> (@Sendable (Int, Int) -> Void)? {
        guard console.isErrorTerminal else { return nil }
        let box = ConsoleBox(console: console)
        return { done, total in
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            box.console.writeError("\r\(label) [\(bar)] \(done)/\(total)" + (done == total ? "\n" : ""))
        }
    }
}

/// The console, passed to a progress callback that runs on worker threads one call at a time.
final class ConsoleBox: @unchecked Sendable {
    let console: Console

    init(console: Console) {
        self.console = console
    }
}
