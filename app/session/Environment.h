#pragma once

#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Session {

/// Where requests go and how they are protected. Secrets are not members: they live in the SecretStore
/// under secretKey(...) names, so an environment file never holds one.
struct Environment
{
    enum class Kind
    {
        LocalStrict, ///< the embedded simulator, strict (the default)
        LocalSandbox, ///< the embedded simulator, sandbox-compatible
        Cyberport, ///< the Cyberport sandbox portal (plain JSON, subscription key)
        TestEnvironment, ///< the iAM Smart test environment (signed, encrypted)
        Custom,
    };

    QString id;
    QString name;
    Kind kind = Kind::Custom;
    QString baseUrl;
    QString clientId;
    QString kekCertificatePath;
    QString kekPrivateKeyPath;
    QString callbackBaseUrl; ///< empty: the console's own listener
    bool encrypted = true; ///< sign and encrypt (false: plain JSON as the Cyberport sandbox takes it)
    bool usesSubscriptionKey = false;

    bool isLocal() const { return kind == Kind::LocalStrict || kind == Kind::LocalSandbox; }
    bool isBuiltin() const { return kind != Kind::Custom; }

    /// Names of the secrets of this environment in the SecretStore.
    QString secretKey(const QString& what) const { return id + QLatin1Char('/') + what; }
    static inline const QString ClientSecret = QStringLiteral("clientSecret");
    static inline const QString SubscriptionKey = QStringLiteral("subscriptionKey");
    static inline const QString KekPassword = QStringLiteral("kekPassword");

    /// Plain JSON without secrets (what is saved, exported and imported).
    QJsonObject toJson() const;
    /// Errors "bad-environment" naming the field.
    static Util::Result<Environment> fromJson(const QJsonObject& object);
    static QString kindName(Kind kind);
    /// Ids name files: [A-Za-z0-9_-]{1,64}, nothing else (no path separators, no dots).
    static bool isValidId(const QString& id);
    /// A fresh random id ("env-" and 12 hex digits).
    static QString freshId();

    /// The four environments every console starts with.
    static QList<Environment> builtins();
    /// The built-in environment of a kind (Custom: an empty one), so no caller counts positions in builtins().
    static Environment builtin(Kind kind);
};

/// Environments as plain-text JSON files (one per environment) in a directory; never a secret.
class EnvironmentStore
{
public:
    explicit EnvironmentStore(QString directory);

    /// The built-in environments followed by the saved custom ones (unreadable files are reported).
    QList<Environment> load(QStringList* problems = nullptr) const;
    Util::Status save(const Environment& environment) const;
    Util::Status remove(const QString& id) const;
    static Util::Status exportTo(const Environment& environment, const QString& path);
    /// Reads an exported file; the result always gets a fresh id (the file's own id is never used).
    static Util::Result<Environment> importFrom(const QString& path);

private:
    QString m_directory;
};

} // namespace Session
