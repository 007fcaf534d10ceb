#include "storage/SecretStore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Storage;

/// Secrets in a real Secret Service (gnome-keyring in the test's dbus session, see scripts/test) and in memory.
class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    void exercise(SecretStore& store, const QString& service)
    {
        QObject ctx;
        const QString key = service + QStringLiteral("/client-secret");
        const QByteArray secret = "0123456789abcdef\x00\xff binary"; // binary-safe

        std::optional<Util::Status> written;
        store.write(key, secret, &ctx, [&](Util::Status s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 15000);
        QVERIFY2(written->ok(), qPrintable(written->ok() ? QString() : written->error().toString()));

        std::optional<Util::Result<QByteArray>> read;
        store.read(key, &ctx, [&](Util::Result<QByteArray> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
        QVERIFY(read->ok());
        QCOMPARE(read->value(), secret);

        std::optional<Util::Status> removed;
        store.remove(key, &ctx, [&](Util::Status s) { removed = s; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
        QVERIFY(removed->ok());

        read.reset();
        store.read(key, &ctx, [&](Util::Result<QByteArray> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
        QVERIFY(!read->ok());
        QCOMPARE(read->error().code, SecretError::NotFound);
    }

private slots:
    void memoryStore()
    {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        exercise(store, QStringLiteral("memory"));
    }

    void keychainProbeFindsSecretService()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
            "run inside dbus-run-session with gnome-keyring (./scripts/test does)");
        QObject ctx;
        std::optional<Util::Status> probed;
        KeychainSecretStore::probe(
            &ctx, [&](Util::Status s) { probed = s; }, QStringLiteral("iamsmart-console-test"));
        QTRY_VERIFY_WITH_TIMEOUT(probed.has_value(), 15000);
        QVERIFY2(probed->ok(), qPrintable(probed->ok() ? QString() : probed->error().toString()));
    }

    void serviceIsSeenOnTheBus() { QVERIFY(KeychainSecretStore::isServiceAvailable()); }

    void keychainStoreRoundTrip()
    {
        KeychainSecretStore store(QStringLiteral("iamsmart-console-test"));
        QVERIFY(store.isPersistent());
        exercise(store, QStringLiteral("env-local"));
    }

    void keychainSecretsSurviveANewStoreObject()
    {
        QObject ctx;
        std::optional<Util::Status> written;
        {
            KeychainSecretStore store(QStringLiteral("iamsmart-console-test"));
            store.write(QStringLiteral("persist"), "kept", &ctx, [&](Util::Status s) { written = s; });
            QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 15000);
            QVERIFY(written->ok());
        }
        KeychainSecretStore again(QStringLiteral("iamsmart-console-test"));
        std::optional<Util::Result<QByteArray>> read;
        again.read(QStringLiteral("persist"), &ctx, [&](Util::Result<QByteArray> r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
        QVERIFY(read->ok());
        QCOMPARE(read->value(), QByteArray("kept"));
        std::optional<Util::Status> removed;
        again.remove(QStringLiteral("persist"), &ctx, [&](Util::Status s) { removed = s; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
