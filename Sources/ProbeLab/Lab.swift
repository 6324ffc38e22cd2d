public import ProbeCore
import Glibc
import Synchronization

/// A miniature of a PrivateLink interface endpoint, in-process on loopback:
/// a resolver that answers the private name with the endpoint addresses and
/// a TLS listener on each of them, so `plprobe lab` can show a real
/// end-to-end pass with nothing installed and no endpoint anywhere.
///
/// Linux only: it uses Glibc calls and relies on all of 127.0.0.0/8 reaching `lo`.
public final class Lab: Sendable {
    public let configuration: LabConfiguration
    /// The lab's resolver, 127.0.0.1 on an ephemeral UDP port.
    public let resolver: ResolverAddress
    /// The TLS port every endpoint address listens on.
    public let port: Int
    /// The lab CA in PEM, in a private temporary directory removed by `stop()`.
    public let caFile: String

    private let served: LabNames
    private let directory: String
    private let dns: DNSServer
    private let listener: LabPort
    private let running = Mutex(true)

    private init(configuration: LabConfiguration, served: LabNames, directory: String, caFile: String, dns: DNSServer, listener: LabPort) {
        self.configuration = configuration
        self.served = served
        self.directory = directory
        self.caFile = caFile
        self.dns = dns
        self.listener = listener
        resolver = dns.address
        port = listener.port
    }

    /// Makes fresh certificates, writes the CA, and starts the resolver and
    /// the listener; on failure nothing is left running or on disk.
    public static func start(_ configuration: LabConfiguration) throws(LabError) -> Lab {
        try configuration.validate()
        let served = LabNames(hostName: configuration.hostName, extraCount: configuration.extraNames)
        let setup = LabSetup(configuration, served: served)
        let certificates = try LabCertificates(hostName: setup.certificateHostName, leafValidity: setup.certificateValidity)
        let context = try TLSServerContext(certificates)
        let pem = try (setup.trustsServingCA ? certificates : LabCertificates(hostName: LabSetup.otherName)).authorityPEM()
        let directory = try PrivateDirectory.make()
        do throws(LabError) {
            let caFile = try PrivateDirectory.write(pem, named: "ca.pem", in: directory)
            let dns = try DNSServer(responder: DNSResponder(names: setup.dnsNames, addresses: setup.dnsAddresses))
            do throws(LabError) {
                let listener = try LabPort.start(setup, endpointAddresses: configuration.endpointAddresses, context: context)
                return Lab(configuration: configuration, served: served, directory: directory, caFile: caFile, dns: dns, listener: listener)
            } catch {
                dns.stop()
                throw error
            }
        } catch {
            PrivateDirectory.remove(directory)
            throw error
        }
    }

    deinit { stop() }

    /// The host name, then `n<i>.lab.plprobe.test` for each extra name.
    public var names: [String] { served.all }

    /// Ready-made check targets, one per name: `https://NAME:PORT/` asking the
    /// lab's resolver, trusting the lab CA, expecting the endpoint addresses
    /// and the lab's body.
    public func targets() -> [ProbeTarget] {
        let expectations = Expectations(addresses: configuration.endpointAddresses, body: configuration.body)
        return names.map { name in
            ProbeTarget(
                url: ProbeURL(scheme: .https, host: name, port: port),
                expectations: expectations, dnsServers: [resolver], caFile: caFile)
        }
    }

    /// Closes every socket, waits for the lab's threads, and removes the
    /// temporary directory. Idempotent.
    public func stop() {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        guard wasRunning else { return }
        listener.stop()
        dns.stop()
        PrivateDirectory.remove(directory)
    }
}
