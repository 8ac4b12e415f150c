import SimModels

/// A decoded queueing-network scenario: the validated network and what the file says about it.
public struct NetworkScenario {
    public var spec: NetworkSpec
    /// The file's `description`, one line for `simctl list`.
    public var description: String?
    /// Problems that do not stop a run, such as an unstable station, each as
    /// `FILE:LINE: field.path: warning: ...`.
    public var warnings: [String]
}
