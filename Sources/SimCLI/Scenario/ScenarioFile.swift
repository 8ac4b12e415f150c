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
        let bytes: [UInt8]
        do {
            bytes = try FileAccess.read(path)
        } catch let error as InputError {
            throw ScenarioError.unreadable(file: path, reason: error.message)
        }
        return try parse(bytes, path: path)
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

    /// Whether the file is a queueing-network scenario. A file that passed `checkKind()` and is
    /// not one is a SaaS platform scenario: `"kind": "saas"` or no `kind` at all.
    public var isQueueingNetwork: Bool { kind == Self.queueingNetworkKind }

    /// Throws unless `kind` is absent, `"saas"` or `"queueing_network"`, the two kinds the
    /// decoders read, so a misspelt kind is not decoded as the wrong world.
    ///
    /// - Throws: `ScenarioError.invalid` with one diagnostic on the `kind` member.
    public func checkKind() throws {
        guard let value = document["kind"] else { return }
        let kinds = [PlatformScenarioDecoder.kind, Self.queueingNetworkKind]
        if let text = value.stringValue, kinds.contains(text) { return }

        var expected = "\"saas\" or \"queueing_network\" (a file without kind is a SaaS scenario)"
        if let text = value.stringValue, let nearest = nearestName(to: text, among: kinds) {
            expected += "; did you mean \"\(nearest)\"?"
        }
        let ordinal = document.objectMembers?.firstIndex { $0.key == "kind" } ?? 0
        let diagnostic = ScenarioDiagnostic.invalid(value, at: FieldPath.root.appending(member: "kind", ordinal: ordinal),
                                                    expected: expected)
        throw ScenarioError.invalid(file: path, diagnostics: [diagnostic])
    }

    /// The top-level `description` string, or nil.
    public var description: String? { document["description"]?.stringValue }
}
