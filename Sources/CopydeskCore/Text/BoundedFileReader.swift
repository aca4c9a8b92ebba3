#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, named apart from `BoundedFileReader.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Why a file's bytes could not be read. The description says what the file
/// is and what to do about it; callers prefix the path.
public enum FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound
    case isDirectory
    /// A FIFO, a device, a socket: reading one could block forever or never end.
    case notRegularFile(kind: String)
    /// More bytes than the limit (`size` is nil when only reading found out).
    case tooLarge(size: Int64?, limit: Int)
    /// A NUL byte near the start: an image, a PDF, a word-processor file.
    case binary(offset: Int)
    case permissionDenied
    /// Standard input is closed.
    case closed
    case system(String)

    public var description: String {
        switch self {
        case .notFound:
            return "no such file; check the path"
        case .isDirectory:
            return "is a directory, not a file; name a file"
        case .notRegularFile(let kind):
            return "is not a regular file (it is \(kind)); name a regular file"
        case .tooLarge(let size, let limit):
            let actual = size.map { "its \(ByteSize.describe($0)) are" } ?? "it is"
            return "too large: \(actual) over the \(ByteSize.describe(Int64(limit))) limit; "
                + "raise the limit with --max-file-size (for example --max-file-size \(ByteSize.suggestion(above: size ?? Int64(limit))))"
        case .binary(let offset):
            return "binary file (NUL byte at offset \(offset)), not linted; lint text, Markdown or HTML files only"
        case .permissionDenied:
            return "permission denied; check its permissions"
        case .closed:
            return "standard input is closed; give a file instead of -, or redirect standard input"
        case .system(let reason):
            return "cannot be read (\(reason))"
        }
    }
}

/// Byte counts as people write them: `64M`, `512K`, `2G`, `1000`.
public enum ByteSize {
    /// Bytes for `text`: a whole number, optionally followed by K, M or G
    /// (powers of 1024, with or without a trailing B or iB). Nil when it is
    /// not one, or is zero.
    public static func parse(_ text: String) -> Int? {
        var body = text.trimmingASCIIWhitespace().uppercased()
        for suffix in ["IB", "B"] where body.hasSuffix(suffix) && body.count > suffix.count {
            body = String(body.dropLast(suffix.count))
            break
        }
        var multiplier = 1
        if let last = body.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][String(last)] {
            multiplier = 1 << (10 * power)
            body = String(body.dropLast())
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(body), number > 0 else {
            return nil
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }

    /// `64 MB`, `1.5 GB`, `300 bytes` (powers of 1024).
    public static func describe(_ bytes: Int64) -> String {
        let units = [(Int64(1) << 40, "TB"), (Int64(1) << 30, "GB"), (Int64(1) << 20, "MB"), (Int64(1) << 10, "KB")]
        for (size, name) in units where bytes >= size {
            let whole = bytes / size
            let tenth = (bytes % size) * 10 / size
            return tenth == 0 ? "\(whole) \(name)" : "\(whole).\(tenth) \(name)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// A round `--max-file-size` value that admits `bytes`.
    static func suggestion(above bytes: Int64) -> String {
        let mebibytes = bytes / (1 << 20) + 1
        if mebibytes >= 1024 { return "\(mebibytes / 1024 + 1)G" }
        return "\(mebibytes)M"
    }
}

/// Reads files with POSIX calls so that nothing hostile gets through:
/// only regular files are opened for reading (a FIFO is opened without
/// blocking and refused, a device such as /dev/zero is refused), the size
/// is checked before reading and enforced while reading, and binary content
/// is caught in the first few kilobytes before the rest is read.
public enum BoundedFileReader {
    /// The per-article limit unless `--max-file-size` says otherwise.
    public static let defaultLimit = 64 << 20
    /// How much of the start is checked for NUL bytes before the rest is read.
    public static let sniffLength = 8192

    /// The bytes of the regular file at `path`.
    /// - Parameter rejectBinary: throw `.binary` when a NUL byte appears in
    ///   the first `sniffLength` bytes (UTF-16 text with a byte order mark excepted).
    public static func read(path: String, limit: Int = defaultLimit, rejectBinary: Bool = true) throws(FileReadError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw error(errno) }
        try checkRegular(info)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(errno) }
        defer { close(descriptor) }
        // The file may have been swapped between stat and open.
        guard fstat(descriptor, &info) == 0 else { throw error(errno) }
        try checkRegular(info)
        if Int64(info.st_size) > Int64(limit) { throw .tooLarge(size: Int64(info.st_size), limit: limit) }
        return try readAll(descriptor, limit: limit, rejectBinary: rejectBinary, expectedSize: Int(info.st_size))
    }

    /// What `path` is, for messages about paths that are not regular files:
    /// nil when it is a regular file or does not exist.
    public static func kindIfNotRegular(path: String) -> FileReadError? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        do { try checkRegular(info) } catch { return error }
        return nil
    }

    /// Standard input (or any open descriptor), up to `limit` bytes.
    public static func readStandardInput(limit: Int = defaultLimit, rejectBinary: Bool = true) throws(FileReadError) -> [UInt8] {
        var info = stat()
        guard fstat(STDIN_FILENO, &info) == 0 else { throw errno == EBADF ? .closed : error(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        if (info.st_mode & S_IFMT) == S_IFREG && Int64(info.st_size) > Int64(limit) {
            throw .tooLarge(size: Int64(info.st_size), limit: limit)
        }
        return try readAll(STDIN_FILENO, limit: limit, rejectBinary: rejectBinary)
    }

    private static func checkRegular(_ info: stat) throws(FileReadError) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .isDirectory
        case S_IFIFO: throw .notRegularFile(kind: "a FIFO (named pipe)")
        case S_IFCHR: throw .notRegularFile(kind: "a character device")
        case S_IFBLK: throw .notRegularFile(kind: "a block device")
        case S_IFSOCK: throw .notRegularFile(kind: "a socket")
        default: throw .notRegularFile(kind: "a special file")
        }
    }

    private static func error(_ code: Int32) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .isDirectory
        case EBADF: return .closed
        default: return .system(String(cString: strerror(code)))
        }
    }

    /// Reads to the end or until more than `limit` bytes have come in.
    /// - Parameter expectedSize: the size `fstat` gave, reserved up front: an
    ///   array grown by appending ends with up to twice the file's size in
    ///   capacity, and the article keeps that buffer for its whole lint.
    private static func readAll(_ descriptor: Int32, limit: Int, rejectBinary: Bool,
                                expectedSize: Int = 0) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        if expectedSize > 0 { bytes.reserveCapacity(min(expectedSize, limit)) }
        var chunk = [UInt8](repeating: 0, count: 65536)
        var sniffed = !rejectBinary
        while true {
            // The first read is small so a binary file is caught early.
            let wanted = sniffed ? chunk.count : sniffLength - bytes.count
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&request, 1, -1)
                    continue
                }
                throw error(code)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(size: nil, limit: limit) }
            if !sniffed && bytes.count >= sniffLength {
                if let offset = nulOffset(bytes) { throw .binary(offset: offset) }
                sniffed = true
            }
        }
        if !sniffed, let offset = nulOffset(bytes) { throw .binary(offset: offset) }
        return bytes
    }

    /// The first NUL in the first `sniffLength` bytes, unless the bytes
    /// start with a UTF-16 byte order mark (UTF-16 text is full of NULs).
    static func nulOffset(_ bytes: [UInt8]) -> Int? {
        if InputDecoder.utf16ByteOrder(bytes) != nil { return nil }
        return bytes.prefix(sniffLength).firstIndex(of: 0)
    }
}
