import ArgumentParser
import ProbeCore

/// How many probes run at once.
struct ConcurrencyOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Probes in flight at once, 1 to 100000. (default: 256)", valueName: "n"),
        transform: { text throws(InputError) in try ValueText.concurrency(text) })
    var concurrency: Int = 256
}
