#pragma once

#include <QString>

namespace Util {

/// Starts `command` (split as a shell would, without a shell) with `url` appended as its last argument,
/// detached: a browser that stays open never blocks the caller. False when it could not be started.
bool openWithBrowserCommand(const QString& command, const QString& url);

} // namespace Util
