#include "ClientRegistry.h"

#include "crypto/Certificates.h"
#include "util/RandomSource.h"
#include "util/RequestStamp.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

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

bool RegisteredClient::allowsRedirect(const QString& uri) const
{
    for (const QString& pattern : redirectUris) {
        if (pattern == uri)
            return true;
        if (pattern.contains(QLatin1Char('*'))) {
            // '*' stands for one host/port segment; a trailing "/*" for any path and query.
            const bool anyPath = pattern.endsWith(QLatin1String("/*"));
            QString re = QRegularExpression::escape(anyPath ? pattern.chopped(1) : pattern);
            re.replace(QStringLiteral("\\*"), QStringLiteral("[^/?#]*"));
            if (anyPath)
                re += QStringLiteral(".*");
            if (QRegularExpression(QRegularExpression::anchoredPattern(re)).match(uri).hasMatch())
                return true;
        }
    }
    return false;
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
            generated.value(), QStringLiteral("iAM Smart simulator dev client KEK"), 3650);
        if (!pem)
            return pem.error();
        if (auto s = writeFile(keyFile, generated->toPem(), QFile::ReadOwner | QFile::WriteOwner); !s)
            return s;
        if (auto s = writeFile(
                certFile, pem.value(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            !s)
            return s;
        const QJsonObject o {{QStringLiteral("clientID"), c.clientId},
            {QStringLiteral("clientSecret"), QString::fromLatin1(c.clientSecret)},
            {QStringLiteral("note"), QStringLiteral("Simulator test fixture, not a real credential.")}};
        if (auto s = writeFile(clientFile, QJsonDocument(o).toJson(), QFile::ReadOwner | QFile::WriteOwner); !s)
            return s;
        cert = Crypto::RsaPublicKey::fromData(pem.value());
        if (!cert)
            return cert.error();
    }
    c.kek = cert.value();
    c.kekCertificatePath = certFile;
    c.kekPrivateKeyPath = keyFile;
    c.redirectUris = {QStringLiteral("http://127.0.0.1:*/*"), QStringLiteral("http://localhost:*/*"),
        QStringLiteral("https://127.0.0.1:*/*"), QStringLiteral("http://[::1]:*/*"),
        QStringLiteral("https://rp.example.hk/*")};
    c.scopes = allScopes();
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
        c.kek = kek.value();
        c.kekCertificatePath = certPath;
        for (const QJsonValue& v : o.value(QLatin1String("redirectURIs")).toArray())
            c.redirectUris << v.toString();
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
