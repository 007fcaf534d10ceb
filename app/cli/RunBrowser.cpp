#include "RunBrowser.h"

#include "qr/QrEncoder.h"
#include "util/BrowserLauncher.h"

#include <QProcess>
#include <QUrl>

#include <cstdio>

namespace Cli {

bool parseListenAddress(const QString& text, QHostAddress* address, quint16* port);

void addRunBrowserOptions(Parser& p)
{
    p.option(QStringLiteral("browser"),
        QStringLiteral("with --env: the command that opens each QR page, the URL appended as its last argument "
                       "(default: $BROWSER, else xdg-open); started detached"),
        QStringLiteral("COMMAND"));
    p.option(QStringLiteral("listen"),
        QStringLiteral("with --env: the callback listener's address (default 127.0.0.1 on an OS-chosen port)"),
        QStringLiteral("HOST:PORT"));
    p.option(QStringLiteral("callback-base"),
        QStringLiteral("with --env: the public URL that maps to the listener (a tunnel), used in redirectURI and "
                       "callback URLs (default: the environment's callbackBaseUrl, else the listener's own URL)"),
        QStringLiteral("URL"));
}

int readRunBrowserOptions(const Parser& p, bool withEnv, RunBrowserOptions* out)
{
    for (const QString& name : {QStringLiteral("browser"), QStringLiteral("listen"), QStringLiteral("callback-base")}) {
        if (p.isSet(name) && !withEnv)
            return usageError(QStringLiteral("--%1: only with --env (the simulator plays the browser itself)").arg(name));
    }
    if (!withEnv)
        return -1;
    if (p.isSet(QStringLiteral("phone")))
        return usageError(QStringLiteral("--phone: the simulator's virtual phone only; with --env a person (or whoever "
                                         "drives that server) decides on the phone"));
    out->browser = p.value(QStringLiteral("browser"));
    if (out->browser.isEmpty())
        out->browser = qEnvironmentVariable("BROWSER");
    if (out->browser.isEmpty())
        out->browser = QStringLiteral("xdg-open");
    if (QProcess::splitCommand(out->browser).isEmpty())
        return usageError(QStringLiteral("--browser: '%1' names no program").arg(out->browser));
    if (p.isSet(QStringLiteral("listen"))) {
        const QString listen = p.value(QStringLiteral("listen"));
        if (!parseListenAddress(listen, &out->listenAddress, &out->listenPort))
            return usageError(QStringLiteral("--listen: '%1' is not HOST:PORT").arg(listen));
        if (!out->listenAddress.isLoopback())
            return usageError(QStringLiteral("--listen: a loopback address (RFC 8252 §7.3); reach it from outside "
                                             "through a tunnel and --callback-base"));
        out->listenSet = true;
    }
    out->callbackBase = p.value(QStringLiteral("callback-base"));
    if (!out->callbackBase.isEmpty()) {
        const QUrl url(out->callbackBase, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty() || url.hasQuery() || url.hasFragment())
            return usageError(
                QStringLiteral("--callback-base: '%1' is not an http(s) URL without query").arg(out->callbackBase));
    }
    return -1;
}

std::function<void(const QString& url)> browserLauncher(const QString& command)
{
    return [command](const QString& url) {
        QString text = QStringLiteral("Open this page in a browser (a person decides on the iAM Smart app):\n%1\n")
                           .arg(url);
        if (auto qr = Qr::QrEncoder::encode(url.toUtf8()))
            text += Qr::QrEncoder::toTerminal(qr.value());
        if (!Util::openWithBrowserCommand(command, url))
            text += QStringLiteral("could not start the browser '%1': open the page yourself\n").arg(command);
        const QByteArray bytes = text.toUtf8();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
    };
}

} // namespace Cli
