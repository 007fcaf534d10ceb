#include "SecretStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Storage {
namespace {

/// Calls `f` from the event loop (never re-entrantly), unless `context` died meanwhile.
void later(QObject* context, std::function<void()> f)
{
    QTimer::singleShot(0, context, std::move(f));
}

Util::Error keychainError(QKeychain::Job* job)
{
    QString code = SecretError::Other;
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        code = SecretError::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        code = SecretError::Unavailable;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        code = SecretError::Denied;
        break;
    default:
        break;
    }
    return {code, job->errorString()};
}

} // namespace

void MemorySecretStore::read(const QString& key, QObject* context, ReadCallback callback)
{
    const auto it = m_secrets.constFind(key);
    Util::Result<QByteArray> result = it == m_secrets.constEnd()
        ? Util::Result<QByteArray>(Util::Error {SecretError::NotFound, QStringLiteral("no secret named %1").arg(key)})
        : Util::Result<QByteArray>(*it);
    later(context, [callback, result] { callback(result); });
}

void MemorySecretStore::write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback callback)
{
    m_secrets.insert(key, secret);
    later(context, [callback] { callback(Util::success()); });
}

void MemorySecretStore::remove(const QString& key, QObject* context, DoneCallback callback)
{
    m_secrets.remove(key);
    later(context, [callback] { callback(Util::success()); });
}

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString& key, QObject* context, ReadCallback callback)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [callback](QKeychain::Job* j) {
        if (j->error() != QKeychain::NoError)
            callback(keychainError(j));
        else
            callback(static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString& key, const QByteArray& secret, QObject* context, DoneCallback callback)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [callback](QKeychain::Job* j) {
        callback(j->error() != QKeychain::NoError ? Util::Status(keychainError(j)) : Util::success());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& key, QObject* context, DoneCallback callback)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [callback](QKeychain::Job* j) {
        // Deleting what is not there leaves the store as asked.
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)
            callback(keychainError(j));
        else
            callback(Util::success());
    });
    job->start();
}

bool KeychainSecretStore::isServiceAvailable()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false; // never let D-Bus autolaunch a bus (and a keyring prompt) just to ask
    QDBusConnectionInterface* bus = QDBusConnection::sessionBus().interface();
    if (!bus)
        return false;
    const QString service = QStringLiteral("org.freedesktop.secrets");
    if (bus->isServiceRegistered(service))
        return true;
    const QDBusReply<QStringList> activatable = bus->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(service);
}

void KeychainSecretStore::probe(QObject* context, std::function<void(Util::Status)> callback, const QString& service)
{
    auto store = std::make_shared<KeychainSecretStore>(service);
    const QString key = QStringLiteral("probe");
    const QByteArray value = QByteArrayLiteral("probe-value");
    store->write(key, value, context, [=](Util::Status written) {
        if (!written) {
            callback(written);
            return;
        }
        store->read(key, context, [=](Util::Result<QByteArray> read) {
            if (!read || read.value() != value) {
                callback(read ? Util::Status(Util::Error {SecretError::Other, QStringLiteral("probe read back wrong")})
                              : Util::Status(read.error()));
                return;
            }
            store->remove(key, context, [=](Util::Status removed) { callback(removed); });
        });
    });
}

} // namespace Storage
