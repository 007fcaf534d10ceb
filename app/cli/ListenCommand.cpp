#include "CliSupport.h"
#include "SignalQuit.h"
#include "callback/CallbackListener.h"
#include "crypto/Encoding.h"
#include "net/RequestGuard.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Cli {

/// Parses "HOST:PORT", "HOST" or "PORT" (IPv6 as [::1]:PORT).
bool parseListenAddress(const QString& text, QHostAddress* address, quint16* port)
{
    QString host = text;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype end = text.indexOf(QLatin1Char(']'));
        if (end < 0)
            return false;
        host = text.mid(1, end - 1);
        if (text.size() > end + 1) {
            if (text.at(end + 1) != QLatin1Char(':'))
                return false;
            portText = text.mid(end + 2);
        }
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        portText = text.section(QLatin1Char(':'), 1);
    } else if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char(':'))) {
        host = QStringLiteral("127.0.0.1");
        portText = text;
    }
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    *address = QHostAddress(host);
    if (address->isNull())
        return false;
    *port = 0;
    if (!portText.isEmpty()) {
        bool ok = false;
        const uint p = portText.toUInt(&ok);
        if (!ok || p > 65535)
            return false;
        *port = quint16(p);
    }
    return true;
}

int listenCommand(const QStringList& args)
{
    Parser p(QStringLiteral("listen"),
        QStringLiteral("Receive, decrypt and match iAM Smart callbacks; print one JSON line per callback."));
    p.option(QStringLiteral("listen"), QStringLiteral("address to bind (default 127.0.0.1 on an OS-chosen port)"),
        QStringLiteral("HOST:PORT"));
    p.option(QStringLiteral("kek-key"), QStringLiteral("KEK private key (PEM, DER or PKCS#12) to unwrap secretKey"),
        QStringLiteral("FILE"));
    p.secretOption(
        QStringLiteral("password"), QStringLiteral("password of --kek-key"), QStringLiteral("IAMSMART_KEK_PASSWORD"));
    p.secretOption(QStringLiteral("cek-hex"), QStringLiteral("current CEK, for callbacks without secretKey"),
        QStringLiteral("IAMSMART_CEK_HEX"));
    p.option(QStringLiteral("history"), QStringLiteral("directory that keeps every callback across restarts"),
        QStringLiteral("DIR"));
    p.option(QStringLiteral("lang"), QStringLiteral("language of browser pages: en, zh-HK or zh-CN"),
        QStringLiteral("LANG"));
    p.flag(QStringLiteral("keep-personal-data"),
        QStringLiteral("keep tokens and decrypted personal data in --history (default: [redacted])"));
    p.flag(QStringLiteral("https"), QStringLiteral("serve HTTPS with a generated self-signed certificate"));
    p.flag(QStringLiteral("allow-remote"), QStringLiteral("allow binding an address other machines can reach"));
    p.option(QStringLiteral("public-name"),
        QStringLiteral("a host name a tunnel forwards to this listener with (repeatable); other Host headers get 421"),
        QStringLiteral("NAME"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    const QStringList publicNames = p.values(QStringLiteral("public-name"));
    for (const QString& name : publicNames) {
        if (auto s = Net::RequestGuard::checkPublicName(name); !s)
            return usageError(QStringLiteral("--public-name: ") + s.error().detail);
    }

    Callback::ListenerOptions options;
    if (p.isSet(QStringLiteral("listen"))
        && !parseListenAddress(p.value(QStringLiteral("listen")), &options.address, &options.port))
        return usageError(QStringLiteral("--listen: '%1' is not HOST:PORT").arg(p.value(QStringLiteral("listen"))));
    options.allowNonLoopback = p.isSet(QStringLiteral("allow-remote"));
    options.https = p.isSet(QStringLiteral("https"));
    options.historyDir = p.value(QStringLiteral("history"));
    options.publicNames = publicNames;
    options.keepPersonalData = p.isSet(QStringLiteral("keep-personal-data"));
    if (p.isSet(QStringLiteral("lang"))) {
        const QString lang = p.value(QStringLiteral("lang"));
        if (lang != QLatin1String("en") && lang != QLatin1String("zh-HK") && lang != QLatin1String("zh-CN"))
            return usageError(QStringLiteral("--lang: '%1' is not en, zh-HK or zh-CN").arg(lang));
        options.language = Protocol::languageFromCode(lang);
    }

    Callback::CallbackListener listener;
    if (p.isSet(QStringLiteral("kek-key"))) {
        auto password = p.secret(QStringLiteral("password"));
        if (!password)
            return usageError(password.error().detail);
        auto key = Crypto::RsaPrivateKey::fromFile(p.value(QStringLiteral("kek-key")), password.value());
        if (!key)
            return usageError(QStringLiteral("--kek-key: ") + key.error().toString());
        listener.setKekPrivateKey(key.value());
    }
    if (p.hasSecret(QStringLiteral("cek-hex"))) {
        auto hex = p.secret(QStringLiteral("cek-hex"));
        if (!hex)
            return usageError(hex.error().detail);
        auto cek = Crypto::Encoding::fromHex(hex->trimmed());
        if (!cek || cek->size() != 32)
            return usageError(QStringLiteral("--cek-hex: 64 hex digits (32 bytes) needed"));
        listener.setCurrentCek(cek.value());
    }
    const Util::Status started = listener.start(options);
    if (!started)
        return started.error().code == QLatin1String("not-loopback")
            ? usageError(QStringLiteral("--listen: ") + started.error().detail)
            : failure(started.error());

    QJsonObject callbacks;
    const auto paths = listener.callbackPaths();
    for (auto it = paths.begin(); it != paths.end(); ++it)
        callbacks.insert(it.key(), it.value());
    QJsonObject ready {{QStringLiteral("baseUrl"), listener.baseUrl()}, {QStringLiteral("callbacks"), callbacks}};
    if (!options.historyDir.isEmpty())
        ready.insert(QStringLiteral("history"), options.historyDir);
    printJson(ready);
    QObject::connect(&listener, &Callback::CallbackListener::callbackReceived, &listener,
        [](const Callback::CallbackRecord& record) { printJson(record.toJson()); });
    quitOnTerminationSignals();
    const int rc = QCoreApplication::exec();
    listener.stop();
    return rc;
}

} // namespace Cli
