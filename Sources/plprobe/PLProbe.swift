import ArgumentParser

@main
struct PLProbe: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "plprobe",
        abstract: "Verify AWS PrivateLink interface endpoints from the consumer side.",
        discussion: """
            plprobe resolves an endpoint's private DNS name, checks that the answers are
            the endpoint's network-interface addresses and private, then probes every
            address on its own: TCP connect, TLS handshake and certificate verification,
            an HTTP/1.1 GET and a check of the response body. Every failure carries a
            stable code (dns.nxdomain, tls.name_mismatch, ...), the facts, and a hint on
            what to check next.

            Use 'plprobe check' against real endpoints (after a deployment, from
            monitoring, while helping a user), 'plprobe serve' to probe them on a
            schedule for Prometheus, and 'plprobe lab' to watch plprobe work against a
            miniature endpoint on this machine's loopback interface.

            EXIT STATUS
              0  every target passed
              1  at least one target failed
              2  bad usage or bad configuration: nothing was probed, and standard
                 error says what is wrong and where (file, line, key)

            EXAMPLES
              plprobe check https://privatelink.test.cloud5.jp/ \\
                  --expect-address 10.0.1.23 --expect-address 10.0.2.45 --retry-for 10m

              plprobe check --config probes/privatelink-test-cloud5.yaml \\
                  --report junit:out/plprobe.xml

              plprobe lab
            """,
        version: version,
        subcommands: [CheckCommand.self, DiagnoseCommand.self, ServeCommand.self, LabCommand.self]
    )

    /// Runs the command, turning every usage or configuration error into exit
    /// status 2 as the interface promises (ArgumentParser's own is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as UsageError {
            Console.writeError("Error: \(error)\n")
            exit(withError: ExitCode(2))
        } catch {
            if error is ExitCode || exitCode(for: error) == .success {
                exit(withError: error)
            }
            Console.writeError(fullMessage(for: error) + "\n")
            exit(withError: ExitCode(2))
        }
    }
}
