import Foundation

/// Writes a set of files into a folder whole or not at all.
///
/// Every file is first written into a hidden temporary folder inside the target. Only when all
/// are written is each renamed into place, and a rename within one file system is atomic, so a
/// failed write leaves the folder as it was.
enum OutputFolder {
    /// Writes `files` (name, contents) into the folder at `path`, creating it when absent.
    ///
    /// - Throws: `InputError` naming the folder and the file that could not be written.
    static func write(_ files: [(name: String, contents: String)], to path: String) throws {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: path)
        let staging = folder.appendingPathComponent(".simctl-\(ProcessInfo.processInfo.processIdentifier)-staging")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw InputError("\(path): cannot create the output folder: \(error.localizedDescription)")
        }
        defer { try? manager.removeItem(at: staging) }

        for file in files {
            do {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            } catch {
                throw InputError("\(path)/\(file.name): cannot write the file: \(error.localizedDescription); nothing was written")
            }
        }
        for file in files {
            let target = folder.appendingPathComponent(file.name)
            guard rename(staging.appendingPathComponent(file.name).path, target.path) == 0 else {
                throw InputError("\(target.path): cannot move the file into place (errno \(errno))")
            }
        }
    }
}
