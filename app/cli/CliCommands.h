#pragma once

#include <QStringList>

/// The headless `iamsmart` tool: protocol core operations for testers and scripts.
namespace Cli {

enum ExitCode
{
    Ok = 0,
    Failed = 1,
    Usage = 2
};

/// Runs one invocation (`arguments[0]` is the program). Needs a QCoreApplication; long-running
/// subcommands (mock, listen) enter its event loop.
int run(const QStringList& arguments);

} // namespace Cli
