import Glibc

/// The text of an `errno` value, for messages that name the failed call.
func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
