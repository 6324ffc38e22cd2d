public import ProbeCore

/// What the built-in lab serves: a miniature of a PrivateLink interface
/// endpoint, small enough to run in-process on loopback.
public struct LabConfiguration: Sendable {
    /// The private DNS name of the endpoint; its parent domain is the lab's zone.
    public var hostName: String
    /// Endpoint "ENI" addresses; the TLS listener binds each of them on one
    /// shared port. Loopback only (127.0.0.0/8, ::1), at most 8.
    public var endpointAddresses: [IPAddress]
    /// Extra distinct names `n<i>.lab.plprobe.test` (i in 0..<extraNames), all
    /// answered with the endpoint addresses, for load runs (up to 100_000).
    public var extraNames: Int
    /// What every HTTP response carries, followed by a newline.
    public var body: String
    /// A fault to inject, so a check or a diagnosis shows what it looks like.
    public var fault: LabFault?

    public init(
        hostName: String = "privatelink.test.cloud5.jp",
        endpointAddresses: [IPAddress] = [.v4(0x7F00_0002), .v4(0x7F00_0003)],
        extraNames: Int = 0,
        body: String = "This is test server",
        fault: LabFault? = nil
    ) {
        self.hostName = hostName
        self.endpointAddresses = endpointAddresses
        self.extraNames = extraNames
        self.body = body
        self.fault = fault
    }

    /// The most extra names a lab serves; enough for load runs, small enough to list.
    public static let maximumExtraNames = 100_000
    /// Keeps every DNS answer within a plain 512-byte UDP message.
    public static let maximumEndpointAddresses = 8
}
