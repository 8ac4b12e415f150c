/// A path that cannot be followed in a document: an index past the end of an array, or a step
/// into a value that is neither an object nor an array.
public struct JSONEditError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public var description: String { message }
}

extension JSONValue {
    /// Returns a copy of the document with `newValue` at `path`, replacing any value there.
    ///
    /// A missing object member on the way is created as an empty object, and a missing last
    /// member is added. The scenario decoder then judges the result, so a key the schema does
    /// not know is reported there as an unknown field. Array elements are never created. The new
    /// value takes the position of the value it replaces, or of the object it is added to, so
    /// the decoder's messages point at that line of the file.
    ///
    /// - Throws: `JSONEditError` when an index is out of range or a step goes through a string,
    ///   number, Boolean or null.
    public func setting(_ newValue: JSONValue, at path: JSONEditPath) throws -> JSONValue {
        try setting(newValue, at: path.components[...], path: path, walked: "")
    }

    private func setting(_ newValue: JSONValue, at rest: ArraySlice<JSONEditPath.Component>,
                         path: JSONEditPath, walked: String) throws -> JSONValue {
        guard let step = rest.first else {
            return JSONValue(newValue.kind, at: position)
        }
        let remaining = rest.dropFirst()
        let location = walked.isEmpty ? "the top level" : walked

        switch (step, kind) {
        case (.member(let key), .object(var members)):
            let childPath = walked.isEmpty ? key : walked + "." + key
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = try members[index].value.setting(newValue, at: remaining, path: path, walked: childPath)
            } else {
                let empty = JSONValue(.object([]), at: position)
                let child = try empty.setting(newValue, at: remaining, path: path, walked: childPath)
                members.append(JSONMember(key: key, keyPosition: position, value: child))
            }
            return JSONValue(.object(members), at: position)

        case (.element(let index), .array(var elements)):
            guard index < elements.count else {
                throw JSONEditError(message: "field path '\(path)': index \(index) is out of range because \(location) "
                                    + "has \(elements.count) element\(elements.count == 1 ? "" : "s")")
            }
            elements[index] = try elements[index].setting(newValue, at: remaining, path: path,
                                                          walked: walked + "[\(index)]")
            return JSONValue(.array(elements), at: position)

        case (.member(let key), _):
            throw JSONEditError(message: "field path '\(path)': cannot set '\(key)' because \(location) is "
                                + "\(typeDescription), not an object")
        case (.element(let index), _):
            throw JSONEditError(message: "field path '\(path)': cannot set [\(index)] because \(location) is "
                                + "\(typeDescription), not an array")
        }
    }
}
