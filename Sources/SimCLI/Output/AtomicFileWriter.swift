import Foundation

/// Writes a file whole or not at all: the text goes to a temporary file in the same folder,
/// which is then renamed over the target.
///
/// rename(2) within one file system replaces the target atomically, so a reader sees the old
/// file or the new one, never a part, and a failed write leaves the target untouched.
public enum AtomicFileWriter {
    /// Writes `text` as UTF-8 to `path`.
    ///
    /// - Throws: `InputError` naming the file and the system's reason.
    public static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw InputError("\(path): cannot write the file: \(reason(error)); check that the folder exists and is writable")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw InputError("\(path): cannot replace the file: \(reason)")
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        return nsError.localizedFailureReason ?? nsError.localizedDescription
    }
}
