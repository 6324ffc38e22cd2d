import ProbeCore

/// What the lab serves once its fault, if any, is applied: which names the
/// resolver knows and with which addresses, where the listener listens,
/// which certificate it presents, and how it answers.
struct LabSetup {
    static let publicAddress = IPAddress.v4(0xCB00_710A)
    static let unknownAddress = IPAddress.v4(0x7F00_0009)
    static let otherName = "other.example.test"
    static let day = 86_400

    var dnsNames: LabNames
    var dnsAddresses: [IPAddress]
    /// Empty when nothing may accept connections.
    var listenerAddresses: [IPAddress]
    var certificateHostName: String
    var certificateValidity: (notBefore: Int, notAfter: Int) = Certificate.validity
    /// Whether the CA file given to clients is the CA that issued the certificate.
    var trustsServingCA = true
    var responder: HTTPResponder

    init(_ configuration: LabConfiguration, served: LabNames) {
        let addresses = configuration.endpointAddresses
        dnsNames = served
        dnsAddresses = addresses
        listenerAddresses = addresses
        certificateHostName = served.hostName
        responder = HTTPResponder(body: configuration.body)
        switch configuration.fault {
        case nil:
            break
        case .nxdomain:
            // The zone is served, the name is not: NXDOMAIN with the zone's SOA.
            dnsNames = LabNames(hostName: "absent." + (served.zones.first { served.hostName.hasSuffix("." + $0) } ?? served.hostName), extraCount: 0)
        case .publicAddress:
            dnsAddresses = [Self.publicAddress]
        case .wrongAddresses:
            dnsAddresses = [addresses[0], Self.unknownAddress]
        case .reset:
            listenerAddresses = []
        case .partial:
            listenerAddresses = [addresses[0]]
        case .nameMismatch:
            certificateHostName = Self.otherName
        case .untrusted:
            trustsServingCA = false
        case .expired:
            certificateValidity = (-90 * Self.day, -Self.day)
        case .clockSkew:
            certificateValidity = (Self.day, 90 * Self.day)
            responder = HTTPResponder(body: configuration.body, clockOffset: Double(2 * Self.day))
        case .serverError:
            responder = HTTPResponder(body: "maintenance", status: (503, "Service Unavailable"))
        case .wrongBody:
            responder = HTTPResponder(body: "Welcome to nginx!")
        case .stall:
            responder = HTTPResponder(body: configuration.body, stalls: true)
        }
    }
}
