#include "PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace Util {

namespace {
constexpr QFileDevice::Permissions ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions ownerOnlyDir = ownerOnlyFile | QFileDevice::ExeOwner;
} // namespace

Util::Status makePrivateDirectory(const QString& directory)
{
    if (!QDir().mkpath(directory))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot create %1").arg(directory)};
    if (!QFile::setPermissions(directory, ownerOnlyDir))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot make %1 private").arg(directory)};
    return Util::success();
}

Util::Status writePrivateFile(const QString& path, const QByteArray& contents)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    // The temporary file becomes the file on commit, so it is private before a byte is written.
    if (!f.setPermissions(ownerOnlyFile)) {
        f.cancelWriting();
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: cannot make it private").arg(path)};
    }
    f.write(contents);
    if (!f.commit())
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    return Util::success();
}

int pruneTimestampedFiles(const QString& directory, int maxAgeDays, int maxCount, qint64 nowMs)
{
    if (directory.isEmpty() || (maxAgeDays <= 0 && maxCount <= 0))
        return 0; // no limit: nothing to list (a big folder is not read on every write)
    QDir dir(directory);
    // Names start with the zero-padded time, so name order is age order (oldest first).
    QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    int removed = 0;
    const qint64 cutoff = maxAgeDays > 0 ? nowMs - qint64(maxAgeDays) * 24 * 3600 * 1000 : 0;
    qsizetype first = 0;
    for (; first < names.size(); ++first) {
        bool ok = false;
        const qint64 at = names.at(first).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        const bool tooOld = ok && at < cutoff;
        const bool tooMany = maxCount > 0 && names.size() - first > maxCount;
        if (!tooOld && !tooMany)
            break;
        if (dir.remove(names.at(first)))
            ++removed;
    }
    return removed;
}

} // namespace Util
