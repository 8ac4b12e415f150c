import Foundation

/// A scenario file read and parsed: its bytes, their hash, the JSON document and its `kind`.
public struct ScenarioFile {
    /// The kind of a queueing-network scenario.
    public static let queueingNetworkKind = "queueing_network"

    /// The path as the user gave it, used in every message.
    public var path: String
    public var bytes: [UInt8]
    public var document: JSONValue

    /// Reads and parses the file at `path`.
    ///
    /// - Throws: `ScenarioError.unreadable` or `ScenarioError.syntax`.
    public static func load(_ path: String) throws -> ScenarioFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "the file does not exist or is not readable"
            throw ScenarioError.unreadable(file: path, reason: reason)
        }
        return try parse(Array(data), path: path)
    }

    /// Parses `bytes` as the contents of the file named `path`.
    ///
    /// - Throws: `ScenarioError.syntax`.
    public static func parse(_ bytes: [UInt8], path: String) throws -> ScenarioFile {
        do {
            let document = try JSONParser().parse(bytes)
            return ScenarioFile(path: path, bytes: bytes, document: document)
        } catch let error as JSONParseError {
            throw ScenarioError.syntax(file: path, error)
        }
    }

    /// The hash of the file's bytes (see `ScenarioHash`).
    public var hash: String { ScenarioHash.hex(of: bytes) }

    /// The top-level `kind` string, or nil when it is absent or not a string.
    public var kind: String? { document["kind"]?.stringValue }

    /// Whether the file is a queueing-network scenario; any other kind, or none, is a platform scenario.
    public var isQueueingNetwork: Bool { kind == Self.queueingNetworkKind }

    /// The top-level `description` string, or nil.
    public var description: String? { document["description"]?.stringValue }
}
