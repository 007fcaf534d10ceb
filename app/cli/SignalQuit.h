#pragma once

namespace Cli {

/// Makes SIGINT and SIGTERM end the Qt event loop cleanly (exit code 0) through a self-pipe,
/// so long-running subcommands shut down their servers properly.
void quitOnTerminationSignals();

} // namespace Cli
