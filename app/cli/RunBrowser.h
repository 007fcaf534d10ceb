#pragma once

#include "CliSupport.h"

#include <QHostAddress>
#include <QString>

#include <functional>

namespace Cli {

/// `iamsmart run --env`: the system browser and the loopback listener of RFC 8252 (OAuth 2.0 for Native Apps).
struct RunBrowserOptions
{
    QString browser; ///< the command that opens a QR page (the URL is appended as its last argument)
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 0;
    bool listenSet = false;
    QString callbackBase; ///< a tunnel's public URL that maps to the listener (empty: the listener's own)
};

void addRunBrowserOptions(Parser& parser);
/// Reads --browser, --listen and --callback-base; a usage error (exit code >= 0) when they are wrong or given
/// without --env. `browser` defaults to $BROWSER, else xdg-open.
int readRunBrowserOptions(const Parser& parser, bool withEnv, RunBrowserOptions* out);
/// Opens each URL with `command` detached (a browser that stays open never blocks the run), after printing the
/// URL and its QR code (UTF-8 half blocks) on stderr for a person with a phone.
std::function<void(const QString& url)> browserLauncher(const QString& command);

} // namespace Cli
