import Foundation

/// A folder that receives a run's files all at once or not at all.
///
/// The files are written into a hidden staging folder next to the target, then moved in: the
/// whole staging folder is renamed when the target does not exist yet, or each file is renamed
/// into an existing target. On any failure the staging folder is removed and nothing of the
/// run is left in the target.
///
/// NOTE: into an existing folder the renames are one per file, so a failure between two of
/// them (the disk gone mid-way) could leave the first files moved; renames within one file
/// system do not fail for the usual reasons (space, permissions) once staging succeeded.
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
            if targetExists {
                for file in files {
                    let destination = target.appendingPathComponent(file.name)
                    if manager.fileExists(atPath: destination.path) {
                        _ = try manager.replaceItemAt(destination, withItemAt: staging.appendingPathComponent(file.name))
                    } else {
                        try manager.moveItem(at: staging.appendingPathComponent(file.name), to: destination)
                    }
                }
                try manager.removeItem(at: staging)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw InputError("--out \(path): cannot write the output files: \(Self.reason(error)); nothing was written")
        }
    }

    /// The system's reason for `error`: the POSIX message underneath Foundation's wrapper when
    /// there is one ("Not a directory"), else Foundation's description.
    static func reason(_ error: Error) -> String {
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
