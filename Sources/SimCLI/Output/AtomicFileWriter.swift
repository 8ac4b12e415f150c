import Foundation

/// Writes a file whole or not at all: the text goes to a temporary file in the same folder,
/// which is then renamed over the target.
///
/// rename(2) within one file system replaces the target atomically, so a reader sees the old
/// file or the new one, never a part, and a failed write leaves the target untouched.
public enum AtomicFileWriter {
    /// Writes `text` as UTF-8 to `path`.
    ///
    /// - Throws: `InputError` naming the file, the problem and the fix, such as
    ///   `out/x.json: folder not found; create the folder or check the path`.
    public static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileAccess.write(Array(text.utf8), to: temporary.path)
        } catch let error as InputError {
            try? FileManager.default.removeItem(at: temporary)
            throw InputError("\(path): \(error.message)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let problem = FileAccess.writeProblem(errno)
            try? FileManager.default.removeItem(at: temporary)
            throw InputError("\(path): \(problem)")
        }
    }
}
