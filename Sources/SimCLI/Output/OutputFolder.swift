import Foundation

/// A folder that receives a run's files all at once or not at all.
///
/// The files are written into a hidden staging folder next to the target, then moved in: the
/// whole staging folder is renamed when the target does not exist yet. Into an existing target,
/// every destination is checked first. Then each old file is moved aside into the staging folder
/// before its new file is renamed in. If a rename fails, the files already moved in are taken
/// out and the old ones put back, so either every file is replaced or none is.
///
/// NOTE: putting an old file back is itself a rename. If that fails too (the disk removed
/// mid-way), the message names the staging folder that still contains the old files.
struct OutputFolder {
    var path: String

    func write(_ files: [(name: String, text: String)]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")

        var isDirectory: ObjCBool = false
        let targetExists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if targetExists && !isDirectory.boolValue {
            throw InputError("--out \(path): exists and is not a folder; pass a folder path")
        }
        if targetExists {
            try checkDestinations(files.map { target.appendingPathComponent($0.name) })
        }
        // mkdir(2) rather than FileManager, whose errors on Linux do not carry the system's reason.
        guard mkdir(staging.path, 0o755) == 0 else {
            throw InputError("--out \(path): cannot create a staging folder in \(parent.path): "
                + "\(FileAccess.writeProblem(errno)); nothing was written")
        }

        do {
            for file in files {
                try FileAccess.write(Array(file.text.utf8), to: staging.appendingPathComponent(file.name).path)
            }
            if !targetExists {
                try Self.rename(staging, to: target)
                return
            }
        } catch let error as InputError {
            try? FileManager.default.removeItem(at: staging)
            throw InputError("--out \(path): cannot write the output files: \(error.message); nothing was written")
        }
        try replace(files.map(\.name), in: target, from: staging)
    }

    /// Throws when a destination exists and is not a regular file, before anything moves.
    func checkDestinations(_ destinations: [URL]) throws {
        for destination in destinations {
            var info = stat()
            guard lstat(destination.path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFREG else {
                let what = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file"
                throw InputError("--out \(path): \(destination.path) is \(what); remove it or pass another folder; "
                    + "nothing was written")
            }
        }
    }

    /// Moves each staged file into `target`, the old file aside first; on a failure, undoes the
    /// moves made so far in reverse order, then throws.
    func replace(_ names: [String], in target: URL, from staging: URL) throws {
        let backup = staging.appendingPathComponent(".previous")
        var undo: [(from: URL, to: URL)] = []
        do {
            try Self.makeFolder(backup)
            for name in names {
                let destination = target.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: destination.path) {
                    try Self.rename(destination, to: backup.appendingPathComponent(name))
                    undo.append((backup.appendingPathComponent(name), destination))
                }
                try Self.rename(staging.appendingPathComponent(name), to: destination)
                undo.append((destination, staging.appendingPathComponent(name)))
            }
        } catch let error as InputError {
            var unrestored: [String] = []
            for move in undo.reversed() where Foundation.rename(move.from.path, move.to.path) != 0 {
                unrestored.append(move.to.lastPathComponent)
            }
            guard unrestored.isEmpty else {
                throw InputError("--out \(path): cannot write the output files: \(error.message); restoring the old "
                    + "files failed too, so \(staging.path) keeps them (\(unrestored.joined(separator: ", ")))")
            }
            try? FileManager.default.removeItem(at: staging)
            throw InputError("--out \(path): cannot write the output files: \(error.message); nothing was written")
        }
        try? FileManager.default.removeItem(at: staging)
    }

    static func makeFolder(_ folder: URL) throws {
        guard mkdir(folder.path, 0o755) == 0 else {
            throw InputError("cannot create \(folder.path): \(FileAccess.writeProblem(errno))")
        }
    }

    /// Renames with rename(2), which replaces an existing file in one step, as FileManager on
    /// Linux does not.
    static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw InputError("cannot move \(source.lastPathComponent) to \(destination.path): \(FileAccess.writeProblem(errno))")
        }
    }
}
