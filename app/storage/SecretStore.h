#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Storage {

namespace SecretError {
inline const QString NotFound = QStringLiteral("not-found");
inline const QString Unavailable = QStringLiteral("unavailable");
inline const QString Denied = QStringLiteral("denied");
inline const QString Other = QStringLiteral("keychain-error");
} // namespace SecretError

/// Where secrets (client secret, subscription key, private key passwords) live. Asynchronous because
/// OS keychains are; callbacks run on the caller's thread and are dropped if `context` is destroyed.
class SecretStore
{
public:
    using ReadCallback = std::function<void(Util::Result<QByteArray>)>;
    using DoneCallback = std::function<void(Util::Status)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString& key, QObject* context, ReadCallback callback) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback callback) = 0;
    virtual void remove(const QString& key, QObject* context, DoneCallback callback) = 0;
    /// False when secrets are kept for this session only.
    virtual bool isPersistent() const = 0;
};

/// Secrets in memory only, for this session (used when no OS keychain is available, and by tests).
class MemorySecretStore : public SecretStore
{
public:
    void read(const QString& key, QObject* context, ReadCallback callback) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback callback) override;
    void remove(const QString& key, QObject* context, DoneCallback callback) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QByteArray> m_secrets;
};

/// Secrets in the OS keychain (Secret Service on Linux) through QtKeychain.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("iamsmart-console"));
    void read(const QString& key, QObject* context, ReadCallback callback) override;
    void write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback callback) override;
    void remove(const QString& key, QObject* context, DoneCallback callback) override;
    bool isPersistent() const override { return true; }

    /// Whether a Secret Service is on the session bus (running or activatable), asked over D-Bus without
    /// touching any keyring, so no unlock or create-keyring prompt appears.
    static bool isServiceAvailable();
    /// Writes, reads back and deletes a probe entry; reports whether a working keychain is there.
    static void probe(QObject* context, std::function<void(Util::Status)> callback,
        const QString& service = QStringLiteral("iamsmart-console"));

private:
    QString m_service;
};

} // namespace Storage
