import Foundation

/// Reads and writes whole files with POSIX calls, so a failure is known by its `errno` and
/// reported in plain words with the fix, such as `x.json: file not found; check the path`.
///
/// Foundation's own messages ("The file doesn’t exist.") name neither the path nor the fix, and
/// on Linux they sometimes hide the system's reason, so the commands use these functions.
enum FileAccess {
    /// Returns the bytes of the regular file at `path`.
    ///
    /// - Throws: `InputError` whose message is the problem and the fix, without the path, such
    ///   as "file not found; check the path" or "is a directory; pass a file".
    static func read(_ path: String) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw InputError(readProblem(errno))
        }
        let type = info.st_mode & S_IFMT
        guard type != S_IFDIR else {
            throw InputError("is a directory; pass a file")
        }
        guard type == S_IFREG else {
            throw InputError("is not a regular file; pass a regular file")
        }

        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(readProblem(errno))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw InputError(readProblem(errno))
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// Writes `bytes` to a new or truncated file at `path`.
    ///
    /// - Throws: `InputError` with the problem and the fix, without the path.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(writeProblem(errno))
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + written, buffer.count - written)
            }
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                let problem = writeProblem(errno)
                close(descriptor)
                throw InputError(problem)
            }
            written += count
        }
        guard close(descriptor) == 0 else {
            throw InputError(writeProblem(errno))
        }
    }

    /// Returns the problem of a failed read or stat, in plain words with the fix.
    static func readProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "file not found; check the path"
        case EACCES, EPERM: return "permission denied; check the file's permissions"
        case EISDIR: return "is a directory; pass a file"
        default: return "cannot read the file: \(systemReason(code))"
        }
    }

    /// Returns the problem of a failed create, write or rename, in plain words with the fix.
    static func writeProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "folder not found; create the folder or check the path"
        case EACCES, EPERM: return "permission denied; pass a path in a writable folder"
        case EISDIR: return "is a directory; pass a file path"
        case EROFS: return "the file system is read-only; pass a path on a writable one"
        case ENOSPC, EDQUOT: return "no space left on the device; free some space or pass another path"
        default: return "cannot write the file: \(systemReason(code))"
        }
    }

    /// Returns the system's text for `code`, starting in lower case like the messages around it.
    static func systemReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
