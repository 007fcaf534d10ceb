#pragma once

#include "crypto/RsaKeys.h"
#include "util/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Mock {

/// A registered online service, as iAM Smart's registration (ESP) holds it.
struct RegisteredClient
{
    QString clientId;
    QByteArray clientSecret;
    Crypto::RsaPublicKey kek;
    QString kekCertificatePath;
    QString kekPrivateKeyPath; ///< only for the generated dev client
    QStringList redirectUris; ///< exact URLs; for the dev client also patterns (see `wildcards`)
    QStringList scopes;
    /// Only the generated dev client: a registered URI may end in "/*" (any path below) and name a loopback host
    /// with port "*" (any port). Clients from --config are matched exactly (seed 002 A12: no wildcard).
    bool wildcards = false;

    /// Parses `uri` as a URL and compares scheme, host, port and path with the registered ones (and the query,
    /// for an exact entry). Error "bad-redirect" names why: not an absolute http(s) URL, user information (…@),
    /// a fragment (#…), dot segments, or not registered.
    Util::Status checkRedirect(const QString& uri) const;
    bool allowsRedirect(const QString& uri) const { return checkRedirect(uri).ok(); }
    bool hasScope(const QString& scope) const { return scopes.contains(scope); }
};

/// The simulator's registered clients: a dev client generated into the state directory on first start
/// (RSA KEK key pair, private key mode 0600) and reused afterwards, plus any from a JSON config file.
class ClientRegistry
{
public:
    /// Loads or creates the dev client under `stateDir`: its id and secret, and its KEK when `createKek` (without it
    /// a missing KEK stays null until ensureDevKek made it and this ran again). Errors: "io-error", "crypto-failure".
    Util::Status loadOrCreateDevClient(const QString& stateDir, bool createKek = true);
    /// Makes the dev client's KEK (an RSA key pair, the private key 0600) under `stateDir` unless a readable one is
    /// there. Slow the first time; touches only files, so it may run on any thread.
    static Util::Status ensureDevKek(const QString& stateDir);
    /// Registers clients from a config file: {"clients": [{"clientID", "clientSecret", "kekCertificate": PATH,
    /// "redirectURIs": [...], "scopes": [...]}]}. Errors: "bad-config" naming the problem.
    Util::Status loadConfig(const QString& path);
    void add(const RegisteredClient& client);

    const RegisteredClient* find(const QString& clientId) const;
    /// The generated dev client (loadOrCreateDevClient must have succeeded).
    const RegisteredClient& devClient() const { return *m_clients.constFind(m_devClientId); }
    QList<RegisteredClient> all() const { return m_clients.values(); }

    static QStringList allScopes();

private:
    QHash<QString, RegisteredClient> m_clients;
    QString m_devClientId;
};

} // namespace Mock
