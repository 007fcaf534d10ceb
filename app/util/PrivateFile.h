#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace Util {

/// Files that hold personal data (history, received callbacks): the folder is made 0700 and each file is
/// written atomically with 0600, whatever the umask says.
Util::Status makePrivateDirectory(const QString& directory);
Util::Status writePrivateFile(const QString& path, const QByteArray& contents);

/// Retention for folders of "<15-digit msecs>-<id>.json" files: removes those older than `maxAgeDays`
/// (0: no age limit) and then the oldest beyond `maxCount` (0: no count limit). Returns how many went.
int pruneTimestampedFiles(const QString& directory, int maxAgeDays, int maxCount, qint64 nowMs);

} // namespace Util
