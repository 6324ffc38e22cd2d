import Glibc

/// A temporary directory only this user can enter, for the lab CA.
enum PrivateDirectory {
    /// A fresh `plprobe-lab-XXXXXX` directory (mode 0700) under `$TMPDIR` or `/tmp`.
    static func make() throws(LabError) -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/plprobe-lab-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let made else {
            throw LabError("make a temporary directory in \(base): \(errnoText())", hint: "set TMPDIR to a writable directory")
        }
        return made
    }

    /// Writes `bytes` to a new file in `directory` and returns its path.
    static func write(_ bytes: [UInt8], named name: String, in directory: String) throws(LabError) -> String {
        let path = "\(directory)/\(name)"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LabError("create \(path): \(errnoText())", hint: "set TMPDIR to a writable directory") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw LabError("write \(path): \(errnoText())", hint: "check free space in the temporary directory") }
            written += count
        }
        return path
    }

    /// Removes the directory and the files the lab put in it.
    static func remove(_ directory: String) {
        guard let entries = opendir(directory) else { return }
        while let entry = readdir(entries) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { unlink("\(directory)/\(name)") }
        }
        closedir(entries)
        rmdir(directory)
    }
}
