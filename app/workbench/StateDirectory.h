#pragma once

#include "util/Result.h"

#include <QString>

namespace Workbench {

/// Where the embedded simulator keeps its dev client, KEK and mock CA when no --state-dir is given: one directory
/// for the console, `iamsmart mock` and `iamsmart run` (GenericDataLocation/iamsmart-console/mock, that is
/// ~/.local/share/iamsmart-console/mock), so a tester meets the same dev client everywhere.
QString defaultStateDir();

/// Where consoles before the shared policy kept it (AppLocalDataLocation/mock of the console,
/// ~/.local/share/iamsmart-console/iamsmart-console/mock).
QString legacyConsoleStateDir();

/// Moves the legacy console state to `stateDir` when `stateDir` holds nothing yet and the legacy directory
/// holds a dev client; a state already in `stateDir` (made by the CLI) wins and the legacy one is left alone.
/// True when something moved. Errors "io-error" naming both directories.
Util::Result<bool> adoptLegacyConsoleState(const QString& legacyDir, const QString& stateDir);

} // namespace Workbench
