#include "storage/SecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace Storage;

/// Runs with a session bus address that leads nowhere (set by CMake): the keychain must report that it
/// is unavailable, and must not quietly fall back to writing the secret into a plain file.
class TestNoKeychain : public QObject
{
    Q_OBJECT

private slots:
    void unavailableAndNothingWritten()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        qputenv("HOME", home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
        QVERIFY(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"));

        QVERIFY(!KeychainSecretStore::isServiceAvailable());
        QObject ctx;
        std::optional<Util::Status> probed;
        KeychainSecretStore::probe(
            &ctx, [&](Util::Status s) { probed = s; }, QStringLiteral("iamsmart-no-bus"));
        QTRY_VERIFY_WITH_TIMEOUT(probed.has_value(), 30000);
        QVERIFY(!probed->ok());

        KeychainSecretStore store(QStringLiteral("iamsmart-no-bus"));
        std::optional<Util::Status> written;
        store.write(QStringLiteral("client-secret"), "TOP-SECRET-VALUE", &ctx, [&](Util::Status s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
        QVERIFY(!written->ok());

        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("TOP-SECRET-VALUE"), qPrintable(f.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
