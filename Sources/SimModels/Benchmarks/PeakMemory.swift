#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The peak resident memory of this process, as the benchmarks report it.
public enum PeakMemory {
    /// Returns the peak resident set size in bytes, or nil when it cannot be read.
    ///
    /// The figure is VmHWM from /proc/self/status where Linux provides it, otherwise
    /// `getrusage`'s `ru_maxrss`.
    public static func bytes() -> Int? {
        if let kibibytes = highWaterMarkKibibytes() {
            return kibibytes * 1024
        }
        var usage = rusage()
        #if canImport(Glibc)
        let target = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let target = RUSAGE_SELF
        #endif
        guard getrusage(target, &usage) == 0 else { return nil }
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// Resets the peak to the current resident size, so the next reading covers one benchmark
    /// only; returns false where that is not possible.
    ///
    /// Writing "5" to /proc/self/clear_refs resets VmHWM on Linux 4.0 and later. `ru_maxrss`
    /// cannot be reset, so without that file the readings stay process-wide peaks.
    @discardableResult
    public static func reset() -> Bool {
        #if os(Linux)
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let command: [UInt8] = [UInt8(ascii: "5")]
        return command.withUnsafeBytes { write(descriptor, $0.baseAddress, 1) } == 1
        #else
        return false
        #endif
    }

    /// VmHWM in KiB from /proc/self/status, or nil where the file or the line is missing.
    static func highWaterMarkKibibytes() -> Int? {
        #if os(Linux)
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 256)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(cString: buffer)
            guard line.hasPrefix("VmHWM:") else { continue }
            let digits = line.dropFirst("VmHWM:".count).filter { $0.isNumber }
            return Int(String(digits))
        }
        return nil
        #else
        return nil
        #endif
    }
}
