#include "ClientRegistry.h"

#include "crypto/Certificates.h"
#include "util/RandomSource.h"
#include "util/RequestStamp.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

namespace Mock {
namespace {

Util::Status writeFile(const QString& path, const QByteArray& data, QFile::Permissions permissions)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    f.setPermissions(permissions);
    f.write(data);
    if (!f.commit())
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    return Util::success();
}

} // namespace

namespace {

/// One registered redirect URI, parsed once.
struct RedirectRule
{
    bool valid = false;
    QString scheme;
    QString host;
    int port = -1; ///< the effective port; -1 with anyPort
    bool anyPort = false; ///< "host:*" (loopback hosts of the dev client only)
    QString path; ///< decoded; with anyPath a prefix ending in '/'
    bool anyPath = false; ///< ".../*"
    QString query; ///< exact entries only
};

int defaultPort(const QString& scheme)
{
    return scheme == QLatin1String("https") ? 443 : 80;
}

bool isLoopbackHost(const QString& host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

/// What is wrong with `uri` as a redirect target, or an empty string; fills `url` when it is fine.
QString urlProblem(const QString& uri, QUrl* url)
{
    for (QChar c : uri) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\\'))
            return QStringLiteral("a space, control character or backslash is not allowed");
    }
    const QUrl u(uri, QUrl::StrictMode);
    if (!u.isValid() || u.isRelative() || u.host().isEmpty())
        return QStringLiteral("not an absolute URL");
    const QString scheme = u.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("the scheme must be http or https");
    const qsizetype start = uri.indexOf(QLatin1String("://"));
    const QString authority = start < 0 ? QString() : uri.mid(start + 3).section(QLatin1Char('/'), 0, 0);
    if (!u.userInfo().isEmpty() || authority.contains(QLatin1Char('@')))
        return QStringLiteral("user information (…@ before the host) is not allowed");
    if (u.hasFragment() || uri.contains(QLatin1Char('#')))
        return QStringLiteral("a fragment (#…) is not allowed");
    const QStringList segments = u.path(QUrl::FullyDecoded).split(QLatin1Char('/'));
    if (segments.contains(QStringLiteral(".")) || segments.contains(QStringLiteral("..")))
        return QStringLiteral("dot segments (/./ or /../) are not allowed in the path");
    *url = u;
    return {};
}

QString pathOf(const QUrl& u)
{
    const QString path = u.path(QUrl::FullyDecoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

RedirectRule parseRule(const QString& text, bool wildcards)
{
    RedirectRule r;
    QString t = text;
    if (wildcards) {
        if (t.endsWith(QLatin1String("/*"))) {
            r.anyPath = true;
            t.chop(1);
        }
        const qsizetype start = t.indexOf(QLatin1String("://"));
        const qsizetype end = start < 0 ? -1 : t.indexOf(QLatin1Char('/'), start + 3);
        if (end > 0 && t.mid(0, end).endsWith(QLatin1String(":*"))) {
            r.anyPort = true;
            t.remove(end - 2, 2);
        }
    }
    QUrl u;
    if (t.contains(QLatin1Char('*')) || !urlProblem(t, &u).isEmpty())
        return r; // a literal '*' (or a broken entry) never matches
    r.scheme = u.scheme().toLower();
    r.host = u.host().toLower();
    if (r.anyPort && !isLoopbackHost(r.host))
        return r; // any port is for loopback addresses only
    r.port = r.anyPort ? -1 : u.port(defaultPort(r.scheme));
    r.path = pathOf(u);
    if (r.anyPath && !r.path.endsWith(QLatin1Char('/')))
        return r;
    r.query = u.query(QUrl::FullyEncoded);
    r.valid = true;
    return r;
}

} // namespace

Util::Status RegisteredClient::checkRedirect(const QString& uri) const
{
    QUrl u;
    if (const QString problem = urlProblem(uri, &u); !problem.isEmpty())
        return Util::Error {QStringLiteral("bad-redirect"), QStringLiteral("%1: %2").arg(uri, problem)};
    const QString scheme = u.scheme().toLower();
    const QString host = u.host().toLower();
    const int port = u.port(defaultPort(scheme));
    const QString path = pathOf(u);
    for (const QString& registered : redirectUris) {
        const RedirectRule rule = parseRule(registered, wildcards);
        if (!rule.valid || rule.scheme != scheme || rule.host != host || (!rule.anyPort && rule.port != port))
            continue;
        if (rule.anyPath ? path.startsWith(rule.path)
                         : (path == rule.path && u.query(QUrl::FullyEncoded) == rule.query))
            return Util::success();
    }
    return Util::Error {QStringLiteral("bad-redirect"), QStringLiteral("%1 is not registered").arg(uri)};
}

QStringList ClientRegistry::allScopes()
{
    return {QStringLiteral("eidapi_auth"), QStringLiteral("eidapi_profiles"), QStringLiteral("eidapi_formFilling"),
        QStringLiteral("eidapi_sign"), QStringLiteral("eidapi_fr"), QStringLiteral("eidapi_bulksign"),
        QStringLiteral("eidapi_sua")};
}

Util::Status ClientRegistry::loadOrCreateDevClient(const QString& stateDir)
{
    if (!QDir().mkpath(stateDir))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot create %1").arg(stateDir)};
    const QDir dir(stateDir);
    const QString clientFile = dir.filePath(QStringLiteral("dev-client.json"));
    const QString keyFile = dir.filePath(QStringLiteral("dev-kek.key"));
    const QString certFile = dir.filePath(QStringLiteral("dev-kek.crt"));

    RegisteredClient c;
    QFile existing(clientFile);
    if (existing.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(existing.readAll()).object();
        c.clientId = o.value(QLatin1String("clientID")).toString();
        c.clientSecret = o.value(QLatin1String("clientSecret")).toString().toUtf8();
    }
    auto key = Crypto::RsaPrivateKey::fromFile(keyFile);
    auto cert = Crypto::RsaPublicKey::fromFile(certFile);
    if (c.clientId.isEmpty() || !key || !cert) {
        // First start (or a damaged state dir): a new dev client and KEK.
        c.clientId = QString::fromLatin1(Util::RandomSource::system().bytes(16).toHex());
        c.clientSecret = Util::RandomSource::system().bytes(32).toHex();
        auto generated = Crypto::RsaPrivateKey::generate(2048);
        if (!generated)
            return generated.error();
        auto pem = Crypto::Certificates::selfSigned(
            *generated, QStringLiteral("iAM Smart simulator dev client KEK"), 3650);
        if (!pem)
            return pem.error();
        if (auto s = writeFile(keyFile, generated->toPem(), QFile::ReadOwner | QFile::WriteOwner); !s)
            return s;
        if (auto s = writeFile(
                certFile, *pem, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            !s)
            return s;
        const QJsonObject o {{QStringLiteral("clientID"), c.clientId},
            {QStringLiteral("clientSecret"), QString::fromLatin1(c.clientSecret)},
            {QStringLiteral("note"), QStringLiteral("Simulator test fixture, not a real credential.")}};
        if (auto s = writeFile(clientFile, QJsonDocument(o).toJson(), QFile::ReadOwner | QFile::WriteOwner); !s)
            return s;
        cert = Crypto::RsaPublicKey::fromData(*pem);
        if (!cert)
            return cert.error();
    }
    c.kek = *cert;
    c.kekCertificatePath = certFile;
    c.kekPrivateKeyPath = keyFile;
    c.redirectUris = {QStringLiteral("http://127.0.0.1:*/*"), QStringLiteral("http://localhost:*/*"),
        QStringLiteral("https://127.0.0.1:*/*"), QStringLiteral("http://[::1]:*/*"),
        QStringLiteral("https://rp.example.hk/*")};
    c.scopes = allScopes();
    c.wildcards = true;
    m_devClientId = c.clientId;
    add(c);
    return Util::success();
}

Util::Status ClientRegistry::loadConfig(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Util::Error {QStringLiteral("bad-config"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return Util::Error {QStringLiteral("bad-config"), QStringLiteral("%1: %2").arg(path, error.errorString())};
    const QJsonArray clients = doc.object().value(QLatin1String("clients")).toArray();
    for (int i = 0; i < clients.size(); ++i) {
        const QJsonObject o = clients.at(i).toObject();
        RegisteredClient c;
        c.clientId = o.value(QLatin1String("clientID")).toString();
        c.clientSecret = o.value(QLatin1String("clientSecret")).toString().toUtf8();
        const QString where = QStringLiteral("%1: clients[%2]").arg(path).arg(i);
        if (c.clientId.isEmpty() || c.clientSecret.isEmpty())
            return Util::Error {
                QStringLiteral("bad-config"), where + QStringLiteral(": clientID and clientSecret are required")};
        QString certPath = o.value(QLatin1String("kekCertificate")).toString();
        if (QFileInfo(certPath).isRelative())
            certPath = QFileInfo(path).dir().filePath(certPath);
        auto kek = Crypto::RsaPublicKey::fromFile(certPath);
        if (!kek)
            return Util::Error {
                QStringLiteral("bad-config"), where + QStringLiteral(".kekCertificate: ") + kek.error().toString()};
        c.kek = *kek;
        c.kekCertificatePath = certPath;
        const QJsonArray redirects = o.value(QLatin1String("redirectURIs")).toArray();
        for (int j = 0; j < redirects.size(); ++j) {
            // Registered exactly, as seed 002 A12 requires: an absolute http(s) URL without wildcard, user
            // information or fragment.
            const QString uri = redirects.at(j).toString();
            if (!parseRule(uri, false).valid)
                return Util::Error {QStringLiteral("bad-config"),
                    where
                        + QStringLiteral(".redirectURIs[%1]: '%2' is not an exact http(s) URL (no '*', user "
                                         "information or fragment)")
                              .arg(j)
                              .arg(uri)};
            c.redirectUris << uri;
        }
        for (const QJsonValue& v : o.value(QLatin1String("scopes")).toArray())
            c.scopes << v.toString();
        if (c.scopes.isEmpty())
            c.scopes = allScopes();
        add(c);
    }
    return Util::success();
}

void ClientRegistry::add(const RegisteredClient& client)
{
    m_clients.insert(client.clientId, client);
}

const RegisteredClient* ClientRegistry::find(const QString& clientId) const
{
    const auto it = m_clients.constFind(clientId);
    return it == m_clients.constEnd() ? nullptr : &*it;
}

} // namespace Mock
