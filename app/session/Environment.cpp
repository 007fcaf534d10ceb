#include "Environment.h"

#include "util/RequestStamp.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace Session {
namespace {

const QList<QPair<Environment::Kind, QString>> kindNames {
    {Environment::Kind::LocalStrict, QStringLiteral("local-strict")},
    {Environment::Kind::LocalSandbox, QStringLiteral("local-sandbox")},
    {Environment::Kind::Cyberport, QStringLiteral("cyberport-sandbox")},
    {Environment::Kind::TestEnvironment, QStringLiteral("iamsmart-test")},
    {Environment::Kind::Custom, QStringLiteral("custom")},
};

Util::Status writeJson(const QString& path, const QJsonObject& o)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    return Util::success();
}

} // namespace

QString Environment::kindName(Kind kind)
{
    for (const auto& k : kindNames) {
        if (k.first == kind)
            return k.second;
    }
    return QStringLiteral("custom");
}

bool Environment::isValidId(const QString& id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

QString Environment::freshId()
{
    return QStringLiteral("env-") + Util::randomHex32().left(12);
}

QJsonObject Environment::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("baseUrl"), baseUrl}, {QStringLiteral("clientID"), clientId},
        {QStringLiteral("kekCertificate"), kekCertificatePath}, {QStringLiteral("kekPrivateKey"), kekPrivateKeyPath},
        {QStringLiteral("callbackBaseUrl"), callbackBaseUrl}, {QStringLiteral("encrypted"), encrypted},
        {QStringLiteral("usesSubscriptionKey"), usesSubscriptionKey}};
}

Util::Result<Environment> Environment::fromJson(const QJsonObject& o)
{
    Environment e;
    auto bad = [](const QString& field, const QString& why) {
        return Util::Error {QStringLiteral("bad-environment"), QStringLiteral("%1: %2").arg(field, why)};
    };
    e.id = o.value(QLatin1String("id")).toString();
    if (e.id.isEmpty())
        return bad(QStringLiteral("id"), QStringLiteral("missing"));
    if (!isValidId(e.id))
        return bad(QStringLiteral("id"), QStringLiteral("'%1' is not 1 to 64 letters, digits, '_' or '-'").arg(e.id));
    e.name = o.value(QLatin1String("name")).toString();
    if (e.name.trimmed().isEmpty())
        return bad(QStringLiteral("name"), QStringLiteral("missing"));
    const QString kind = o.value(QLatin1String("kind")).toString(QStringLiteral("custom"));
    bool known = false;
    for (const auto& k : kindNames) {
        if (k.second == kind) {
            e.kind = k.first;
            known = true;
        }
    }
    if (!known)
        return bad(QStringLiteral("kind"), QStringLiteral("'%1' is not a known kind").arg(kind));
    e.baseUrl = o.value(QLatin1String("baseUrl")).toString();
    const QUrl url(e.baseUrl, QUrl::StrictMode);
    if (!e.isLocal()
        && (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()))
        return bad(QStringLiteral("baseUrl"), QStringLiteral("'%1' is not an http(s) URL").arg(e.baseUrl));
    e.clientId = o.value(QLatin1String("clientID")).toString();
    e.kekCertificatePath = o.value(QLatin1String("kekCertificate")).toString();
    e.kekPrivateKeyPath = o.value(QLatin1String("kekPrivateKey")).toString();
    e.callbackBaseUrl = o.value(QLatin1String("callbackBaseUrl")).toString();
    e.encrypted = o.value(QLatin1String("encrypted")).toBool(true);
    e.usesSubscriptionKey = o.value(QLatin1String("usesSubscriptionKey")).toBool(false);
    // A secret in an environment file is refused rather than silently used or kept.
    for (const QString& secret :
        {QStringLiteral("clientSecret"), QStringLiteral("subscriptionKey"), QStringLiteral("password")}) {
        if (o.contains(secret))
            return bad(secret, QStringLiteral("secrets are not read from environment files; enter it in the console"));
    }
    return e;
}

QList<Environment> Environment::builtins()
{
    Environment strict;
    strict.id = QStringLiteral("local-strict");
    strict.name = QStringLiteral("Local simulator — strict");
    strict.kind = Kind::LocalStrict;
    Environment sandbox = strict;
    sandbox.id = QStringLiteral("local-sandbox");
    sandbox.name = QStringLiteral("Local simulator — sandbox-compatible");
    sandbox.kind = Kind::LocalSandbox;
    sandbox.encrypted = false;
    Environment cyberport;
    cyberport.id = QStringLiteral("cyberport-sandbox");
    cyberport.name = QStringLiteral("Cyberport sandbox");
    cyberport.kind = Kind::Cyberport;
    cyberport.baseUrl = QStringLiteral("https://test-eidapi-cyberport.azure-api.net/authentication");
    cyberport.clientId = QStringLiteral("edae2e2529ff46228af1e4d18c8405d1");
    cyberport.encrypted = false;
    cyberport.usesSubscriptionKey = true;
    Environment ite;
    ite.id = QStringLiteral("iamsmart-test");
    ite.name = QStringLiteral("iAM Smart test environment");
    ite.kind = Kind::TestEnvironment;
    ite.baseUrl = QStringLiteral("https://apigw-isit.staging-eid.gov.hk");
    return {strict, sandbox, cyberport, ite};
}

Environment Environment::builtin(Kind kind)
{
    for (const Environment& e : builtins()) {
        if (e.kind == kind)
            return e;
    }
    return {};
}

EnvironmentStore::EnvironmentStore(QString directory)
    : m_directory(std::move(directory))
{
}

QList<Environment> EnvironmentStore::load(QStringList* problems) const
{
    QList<Environment> out = Environment::builtins();
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        const QJsonDocument doc = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()) : QJsonDocument();
        auto e = Environment::fromJson(doc.object());
        if (!e || e->isBuiltin()) {
            if (problems)
                *problems << name + QStringLiteral(": ")
                        + (e ? QStringLiteral("built-in kinds cannot be saved") : e.error().detail);
            continue;
        }
        out.append(e.value());
    }
    return out;
}

Util::Status EnvironmentStore::save(const Environment& environment) const
{
    if (environment.isBuiltin())
        return Util::Error {QStringLiteral("bad-environment"), QStringLiteral("built-in environments are not saved")};
    if (!Environment::isValidId(environment.id))
        return Util::Error {QStringLiteral("bad-environment"), QStringLiteral("id: '%1' is not a valid id").arg(environment.id)};
    if (!QDir().mkpath(m_directory))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot create %1").arg(m_directory)};
    return writeJson(QDir(m_directory).filePath(environment.id + QStringLiteral(".json")), environment.toJson());
}

Util::Status EnvironmentStore::remove(const QString& id) const
{
    if (!Environment::isValidId(id))
        return Util::Error {QStringLiteral("bad-environment"), QStringLiteral("id: '%1' is not a valid id").arg(id)};
    QFile f(QDir(m_directory).filePath(id + QStringLiteral(".json")));
    if (f.exists() && !f.remove())
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(f.fileName(), f.errorString())};
    return Util::success();
}

Util::Status EnvironmentStore::exportTo(const Environment& environment, const QString& path)
{
    return writeJson(path, environment.toJson());
}

Util::Result<Environment> EnvironmentStore::importFrom(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return Util::Error {QStringLiteral("bad-environment"), QStringLiteral("%1: %2").arg(path, error.errorString())};
    // The file's id is never trusted: it would name the saved file. An import always gets a fresh one.
    QJsonObject object = doc.object();
    object.insert(QStringLiteral("id"), Environment::freshId());
    auto e = Environment::fromJson(object);
    if (!e)
        return e;
    Environment env = e.value();
    env.kind = Environment::Kind::Custom; // an import is always the user's own
    return env;
}

} // namespace Session
