/// Splits a file's bytes into lines ended by LF or CR LF, numbered from 1.
///
/// The line ending is not part of a line. A final line ending does not start an empty line, so
/// a file that ends with a newline has as many lines as newlines.
struct TextLines: Sequence {
    let bytes: [UInt8]

    func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var start = 0
        var number = 0

        mutating func next() -> (number: Int, text: ArraySlice<UInt8>)? {
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
                end += 1
            }
            var textEnd = end
            if textEnd > start && bytes[textEnd - 1] == UInt8(ascii: "\r") {
                textEnd -= 1
            }
            number += 1
            let text = bytes[start..<textEnd]
            start = end + 1
            return (number, text)
        }
    }
}
