#include "StateDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Workbench {

namespace {
const QString kDevClientFile = QStringLiteral("dev-client.json"); // what makes a directory a simulator's state

QString dataHome()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
}
} // namespace

QString defaultStateDir()
{
    return dataHome() + QStringLiteral("/iamsmart-console/mock");
}

QString legacyConsoleStateDir()
{
    // The console's AppLocalDataLocation (organisation and application both "iamsmart-console"), spelled out so
    // the CLI, whose application name differs, finds the same directory.
    return dataHome() + QStringLiteral("/iamsmart-console/iamsmart-console/mock");
}

Util::Result<bool> adoptLegacyConsoleState(const QString& legacyDir, const QString& stateDir)
{
    if (!QFileInfo::exists(QDir(legacyDir).filePath(kDevClientFile))
        || QFileInfo::exists(QDir(stateDir).filePath(kDevClientFile)))
        return false;
    QDir target(stateDir);
    if (target.exists() && !target.isEmpty())
        return false; // something else lives there: never mixed with the legacy state
    const auto failed = [&] {
        return Util::Error {QStringLiteral("io-error"),
            QStringLiteral("cannot move the simulator state %1 to %2").arg(legacyDir, stateDir)};
    };
    if (target.exists() && !QDir().rmdir(stateDir))
        return failed();
    if (!QDir().mkpath(QFileInfo(stateDir).absolutePath()) || !QDir().rename(legacyDir, stateDir))
        return failed();
    return true;
}

} // namespace Workbench
