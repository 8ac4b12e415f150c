import Foundation

/// A folder that receives a run's files all at once or not at all.
///
/// The files are written into a hidden staging folder next to the target, then moved in: the
/// whole staging folder is renamed when the target does not exist yet, or each file is renamed
/// into an existing target. On any failure the staging folder is removed and nothing of the
/// run is left in the target.
///
/// NOTE: into an existing folder each file is renamed on its own. A failure between two renames
/// (the disk removed mid-way) could leave the first files moved, although a rename within one
/// file system does not fail for lack of space or permission once staging succeeded.
struct OutputFolder {
    var path: String

    func write(_ files: [(name: String, text: String)]) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")

        var isDirectory: ObjCBool = false
        let targetExists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if targetExists && !isDirectory.boolValue {
            throw InputError("--out \(path): exists and is not a folder; pass a folder path")
        }
        // mkdir(2) rather than FileManager, whose errors on Linux do not carry the system's reason.
        guard mkdir(staging.path, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            throw InputError("--out \(path): cannot create a staging folder in \(parent.path): \(reason); "
                + "pass a folder whose parent exists and is writable")
        }

        do {
            for file in files {
                try Data(file.text.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            // rename(2) replaces an existing file in one step, which FileManager on Linux does not.
            if targetExists {
                for file in files {
                    try Self.rename(staging.appendingPathComponent(file.name), to: target.appendingPathComponent(file.name))
                }
                try manager.removeItem(at: staging)
            } else {
                try Self.rename(staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw InputError("--out \(path): cannot write the output files: \(Self.reason(error)); nothing was written")
        }
    }

    static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw InputError("cannot move \(source.lastPathComponent) to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The system's reason for `error`: the POSIX message underneath Foundation's wrapper when
    /// there is one ("Not a directory"), else Foundation's description.
    static func reason(_ error: Error) -> String {
        if let input = error as? InputError {
            return input.message
        }
        var error = error as NSError
        while let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            error = underlying
        }
        if error.domain == NSPOSIXErrorDomain, let message = strerror(Int32(error.code)) {
            return String(cString: message)
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }
}
