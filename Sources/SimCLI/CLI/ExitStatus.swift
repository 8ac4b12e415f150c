/// The process exit statuses of simctl, following Unix habits.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// A check ran and an assertion failed.
    public static let checkFailed: Int32 = 1
    /// Bad input or usage: a flag, a scenario file, a trace.
    public static let badInput: Int32 = 2
}

/// An input error found while loading a scenario, a trace or a shard: exit status 2.
public struct InputError: Error, CustomStringConvertible {
    /// One or more lines, each naming the file, the field or line, the value and the fix.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
