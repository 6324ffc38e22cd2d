import Logging
import ProbeCore
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP. A configuration that does not load
/// leaves the one in force untouched, says why in the log, and shows as
/// `plprobe_config_last_reload_successful 0` until a reload succeeds.
struct ReloadService: Service {
    let signals: UnixSignalsSequence
    let load: @Sendable () throws(InputError) -> ServeConfiguration
    let state: ServeState
    let scheduler: ProbeScheduler
    let logger: Logger

    func run() async {
        for await _ in signals.cancelOnGracefulShutdown() {
            let configuration: ServeConfiguration
            do throws(InputError) {
                configuration = try load()
            } catch {
                await state.reloadFailed()
                let kept = await state.configuration.targets.count
                logger.error(
                    "reload failed; keeping the previous configuration",
                    metadata: ["error": "\(error.message)", "targets": "\(kept)"])
                continue
            }
            await state.apply(configuration)
            scheduler.update(configuration.targets)
            logger.info("reloaded", metadata: ["targets": "\(configuration.targets.count)"])
        }
    }
}
