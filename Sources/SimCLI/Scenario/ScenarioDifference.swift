import Foundation
import ScaleSim

/// The first field where two decoded values differ, with the line of that field in each file.
///
/// Fields are found by walking both values with `Mirror` in declaration order. Dictionary
/// entries are visited in the order of their keys' descriptions, so every run names the same field. A field name maps to a JSON key by snake case, and a key that adds a unit
/// suffix (`duration` to `duration_s`) also matches.
struct ScenarioDifference {
    /// The field's path as JSON keys: `customers.count`.
    var path: String
    var left: String
    var right: String

    /// Returns the first differing field of `left` and `right` under the JSON key `root`, or
    /// nil when they print alike.
    static func first(_ left: Any, _ right: Any, root: String) -> ScenarioDifference? {
        find(left, right, path: [root]).map { ScenarioDifference(path: $0.path.joined(separator: "."), left: $0.left, right: $0.right) }
    }

    private static func find(_ left: Any, _ right: Any, path: [String]) -> (path: [String], left: String, right: String)? {
        let leftText = describe(left), rightText = describe(right)
        guard leftText != rightText else { return nil }
        let leftMirror = Mirror(reflecting: left), rightMirror = Mirror(reflecting: right)
        let isLeaf = left is CustomStringConvertible || leftMirror.children.isEmpty || rightMirror.children.isEmpty
        if !isLeaf {
            switch leftMirror.displayStyle {
            case .struct?, .class?:
                for (leftChild, rightChild) in zip(leftMirror.children, rightMirror.children) {
                    guard let label = leftChild.label else { continue }
                    if let found = find(leftChild.value, rightChild.value, path: path + [snakeCase(label)]) { return found }
                }
            case .optional?:
                if let leftValue = leftMirror.children.first?.value, let rightValue = rightMirror.children.first?.value {
                    return find(leftValue, rightValue, path: path)
                }
            case .dictionary?:
                let leftEntries = entries(leftMirror), rightEntries = entries(rightMirror)
                for key in Set(leftEntries.keys).union(rightEntries.keys).sorted() {
                    switch (leftEntries[key], rightEntries[key]) {
                    case let (leftValue?, rightValue?):
                        if let found = find(leftValue, rightValue, path: path + [key]) { return found }
                    case let (leftValue?, nil):
                        return (path + [key], short(describe(leftValue)), "none")
                    case let (nil, rightValue?):
                        return (path + [key], "none", short(describe(rightValue)))
                    case (nil, nil):
                        break
                    }
                }
            default:
                break
            }
        }
        return (path, short(leftText), short(rightText))
    }

    /// Returns a value as a message shows it: durations in seconds, numbers as tables print them.
    private static func describe(_ value: Any) -> String {
        if let duration = value as? SimDuration { return NumberFormat.standard.string(duration.seconds) + " s" }
        if let number = value as? Double { return NumberFormat.standard.string(number) }
        return String(describing: value)
    }

    /// Returns a dictionary's entries keyed by the description of each key.
    private static func entries(_ mirror: Mirror) -> [String: Any] {
        var result: [String: Any] = [:]
        for child in mirror.children {
            let pair = Array(Mirror(reflecting: child.value).children)
            guard pair.count == 2 else { continue }
            result[String(describing: pair[0].value)] = pair[1].value
        }
        return result
    }

    /// Returns `text`, cut to 60 characters with an ellipsis.
    private static func short(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Returns the line of the field at `path` in `document`, or nil when the file leaves it out.
    static func line(of path: String, in document: JSONValue) -> Int? {
        var value = document
        var line: Int?
        for key in path.split(separator: ".").map(String.init) {
            guard let members = value.objectMembers,
                  let member = members.first(where: { $0.key == key || $0.key.hasPrefix(key + "_") }) else { return nil }
            line = member.keyPosition.line
            value = member.value
        }
        return line
    }
}
