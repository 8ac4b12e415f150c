import Foundation

/// The output streams of a command: data goes to standard output, messages and progress to
/// standard error.
///
/// Tests pass a console that collects both streams in memory.
public final class Console {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""
    let isCapturing: Bool
    /// Whether standard error is a terminal, so a progress bar may be drawn there.
    public let isErrorTerminal: Bool
    /// Whether standard output may carry colour: a terminal, and NO_COLOR unset.
    public let allowsColor: Bool
    /// The program name as invoked (`CommandLine.arguments[0]`), used in the commands that hints
    /// print. A capturing console uses `simctl`.
    public let programName: String

    /// Returns a console that writes to the process's real standard output and standard error.
    public static func process() -> Console {
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let invoked = CommandLine.arguments.first.flatMap { $0.isEmpty ? nil : $0 } ?? "simctl"
        return Console(capturing: false, isErrorTerminal: isatty(2) == 1,
                       allowsColor: isatty(1) == 1 && !noColor, programName: invoked)
    }

    /// Returns a console that keeps everything written in memory, for tests.
    public static func capturing() -> Console {
        Console(capturing: true, isErrorTerminal: false, allowsColor: false, programName: "simctl")
    }

    init(capturing: Bool, isErrorTerminal: Bool, allowsColor: Bool, programName: String) {
        self.isCapturing = capturing
        self.programName = programName
        self.isErrorTerminal = isErrorTerminal
        self.allowsColor = allowsColor
    }

    /// Writes `text` to standard output as it is.
    public func write(_ text: String) {
        if isCapturing {
            standardOutput += text
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Writes one message line to standard error.
    public func message(_ text: String) {
        writeError(text + "\n")
    }

    /// Writes `text` to standard error as it is, for progress bars that redraw a line.
    public func writeError(_ text: String) {
        if isCapturing {
            standardError += text
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
