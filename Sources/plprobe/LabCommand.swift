import ArgumentParser
import ProbeCore
import ProbeLab

/// `plprobe lab`: start a miniature PrivateLink endpoint on loopback and check it.
struct LabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Check a miniature PrivateLink endpoint that plprobe runs on loopback.",
        discussion: """
            The lab is a PrivateLink interface endpoint in miniature, started inside
            this process on the loopback interface, so plprobe can be seen (and tested)
            working end to end with no cloud account and no traffic leaving the machine:

              - a DNS resolver answering the private name privatelink.test.cloud5.jp
                with two "ENI" addresses, 127.0.0.2 and 127.0.0.3 (NXDOMAIN for other
                names of its zone);
              - a TLS listener on both addresses and one port, with a CA and a server
                certificate generated on the spot (the CA is written to a PEM file);
              - an HTTP/1.1 server behind it answering "This is test server".

            plprobe lab runs exactly what 'plprobe check' runs against it (no retries,
            5s timeout), prints the report, stops the lab and exits with check's status:
            0 when every target passed. A line on standard error says what was started.

            EXAMPLES
              plprobe lab
              plprobe lab --names 10000 --report json:out/lab.json       (a load run)
              plprobe lab --keep-running      (then try the printed command line)
            """
    )

    @Option(
        help: ArgumentHelp(
            "Extra names to serve and probe, from 0 to 100000, for load runs. (default: 0)",
            discussion: "The names n0.lab.plprobe.test, n1.lab.plprobe.test, ... all resolve to the endpoint addresses, and each is probed as its own target.",
            valueName: "n"),
        transform: { text throws(InputError) in try Self.extraNames(text) })
    var names: Int = 0

    @Flag(
        help: ArgumentHelp(
            "After the check, keep the lab up until Ctrl-C (SIGINT) or SIGTERM. (default: off)",
            discussion: "plprobe prints a 'plprobe check' command line to try against the running lab from another terminal."))
    var keepRunning = false

    @OptionGroup(title: "Faults")
    var faults: LabFaultOptions

    @OptionGroup(title: "Reports")
    var reports: ReportOptions

    @OptionGroup(title: "Load")
    var load: ConcurrencyOptions

    func run() async throws {
        let configuration = LabConfiguration(extraNames: names, fault: faults.fault)
        let lab: Lab
        do throws(LabError) {
            lab = try Lab.start(configuration)
        } catch {
            throw UsageError("the lab could not start: \(error)")
        }
        defer { lab.stop() }
        let addresses = configuration.endpointAddresses.map(\.description).joined(separator: " and ")
        Console.writeError(
            "plprobe lab: resolver \(lab.resolver) answering \(lab.names.count) name(s) with \(addresses); "
                + "TLS and HTTP on port \(lab.port); CA \(lab.caFile)\n")
        let targets = lab.targets()
        if faults.diagnose, let target = targets.first {
            let status = try await DiagnoseRun(target: target, reports: faults.diagnosisReports(for: reports.requests)).execute()
            if status != .success { throw status }
            return
        }
        let run = CheckRun(
            targets: targets, concurrency: load.concurrency, engineOptions: load.engineOptions,
            reports: reports.requests, showsProgress: !reports.quiet)
        let status = try await run.execute()
        if keepRunning, let target = targets.first {
            Console.writeError(
                "The lab keeps running until Ctrl-C (SIGINT) or SIGTERM. Try, from another terminal:\n"
                    + "  \(CheckCommandLine.text(for: target))\n")
            await TerminationSignal.wait()
        }
        if status != .success { throw status }
    }

    private static func extraNames(_ text: String) throws(InputError) -> Int {
        let range = 0...LabConfiguration.maximumExtraNames
        guard let value = Int(text), range.contains(value) else {
            throw InputError("'\(text)' is not a number from 0 to \(range.upperBound)")
        }
        return value
    }
}
