#include "LanguageManager.h"
#include "MainWindow.h"
#include "mock/Simulator.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"
#include "settings/EnvironmentDialog.h"
#include "storage/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

/// Environments in the console: the selector, the editor, secrets in the keychain (a real Secret Service
/// under scripts/test) or for the session only with a visible banner, and no secret in any file.
class TestEnvironments : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_environments"));
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).removeRecursively();
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void bannerOnlyWithoutKeychain()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        window.show();
        auto* banner = window.findChild<QLabel*>(QStringLiteral("secretsBanner"));
        QVERIFY(banner->isVisible()); // the default store is memory
        QVERIFY(banner->text().contains(QStringLiteral("session only")));
        Storage::KeychainSecretStore keychain(QStringLiteral("iamsmart-console-test"));
        window.setSecretStore(&keychain);
        QVERIFY(!banner->isVisible());
        window.setSecretStore(nullptr);
        QVERIFY(banner->isVisible());
    }

    void selectorListsTheBuiltins()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        auto* combo = window.findChild<QComboBox*>(QStringLiteral("environmentCombo"));
        QVERIFY(combo->count() >= 4);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("local-strict"));
        QCOMPARE(combo->itemText(2), QStringLiteral("Cyberport sandbox"));
        QCOMPARE(window.session()->environment().baseUrl, m_sim->baseUrl());
    }

    void sandboxCompatibleEnvironmentSendsPlainJson()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        QVERIFY(window.selectEnvironment(QStringLiteral("local-sandbox")));
        QCOMPARE(window.currentEnvironmentId(), QStringLiteral("local-sandbox"));
        QVERIFY(window.session()->environment().baseUrl != m_sim->baseUrl());
        QVERIFY(!window.session()->environment().encrypted);
        QVERIFY(window.selectApi(QStringLiteral("auth.getToken")));
        ApiPage* page = window.currentPage();
        QTRY_VERIFY(page->previewRequest().has_value());
        QVERIFY(!page->previewRequest()->encrypted.has_value()); // plain JSON, no CEK needed
        QVERIFY(page->previewRequest()->body.contains("grantType"));
        QVERIFY(window.selectEnvironment(QStringLiteral("local-strict")));
        QCOMPARE(window.session()->environment().baseUrl, m_sim->baseUrl());
    }

    void failedKeychainWriteIsShown()
    {
        /// A keychain that refuses every write (a locked or denied Secret Service), answering later as real ones do.
        class RefusingStore : public Storage::MemorySecretStore
        {
        public:
            void write(const QString&, const QByteArray&, QObject* context, DoneCallback callback) override
            {
                QTimer::singleShot(10, context, [callback] {
                    callback(Util::Error {Storage::SecretError::Denied, QStringLiteral("the keyring is locked")});
                });
            }
            bool isPersistent() const override { return true; }
        };
        RefusingStore refusing;
        QTemporaryDir dir;
        Session::EnvironmentStore envStore(dir.path());
        EnvironmentDialog dialog(&envStore, &refusing);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // From an editable (remote) environment: "New" keeps the fields of a local one disabled.
        dialog.findChild<QListWidget*>(QStringLiteral("environmentList"))->setCurrentRow(2);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("envAddButton")), Qt::LeftButton);
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("envNameEdit")), QStringLiteral("Locked"));
        QTest::keyClicks(
            dialog.findChild<QLineEdit*>(QStringLiteral("envBaseUrlEdit")), QStringLiteral("https://a.example"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("envClientSecretEdit")), QStringLiteral("s3cret"));
        QSignalSpy refused(&dialog, &EnvironmentDialog::secretsNotStored);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("envSaveButton")), Qt::LeftButton);
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("envStatusLabel"));
        QVERIFY(!status->text().contains(QStringLiteral("are in the system keychain")));
        QTRY_VERIFY2_WITH_TIMEOUT(refused.count() == 1, qPrintable(status->text() + dialog.lastError()), 5000);
        QVERIFY2(status->text().contains(QStringLiteral("the keyring is locked")), qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("Client secret")));
        QVERIFY(!status->text().contains(QStringLiteral("are in the system keychain")));
        QVERIFY(status->isVisible());
        QCOMPARE(dialog.lastError(), status->text());
    }

    /// Test connection: a getKey round trip from the form as typed; success, D20006 naming the client secret,
    /// and the sandbox gateway's 401 naming the subscription key.
    void testConnectionExplainsTheOutcome()
    {
        Storage::MemorySecretStore memory;
        QTemporaryDir dir;
        Session::EnvironmentStore envStore(dir.path());
        EnvironmentDialog dialog(&envStore, &memory);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        dialog.findChild<QListWidget*>(QStringLiteral("environmentList"))->setCurrentRow(2);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("envAddButton")), Qt::LeftButton);
        const Mock::RegisteredClient& dev = m_sim->clients().devClient();
        auto type = [&](const char* name, const QString& text) {
            auto* edit = dialog.findChild<QLineEdit*>(QLatin1String(name));
            edit->clear();
            QTest::keyClicks(edit, text);
            return edit;
        };
        type("envNameEdit", QStringLiteral("Staging"));
        type("envBaseUrlEdit", m_sim->baseUrl());
        type("envClientIdEdit", dev.clientId);
        auto* secret = type("envClientSecretEdit", QString::fromLatin1(dev.clientSecret));
        type("envKekCertificateEdit", dev.kekCertificatePath);
        type("envKekKeyEdit", dev.kekPrivateKeyPath);
        auto* test = dialog.findChild<QPushButton*>(QStringLiteral("envTestButton"));
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("envStatusLabel"));
        QVERIFY(test->isVisible());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Connected: getKey answered D00000")),
            qPrintable(status->text()), 10000);

        type("envClientSecretEdit", QStringLiteral("not-the-secret"));
        dialog.findChild<QLineEdit*>(QStringLiteral("envNameEdit"))->setFocus();
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("D20006")), qPrintable(status->text()), 10000);
        QVERIFY2(status->text().contains(QStringLiteral("client secret is wrong")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("clock")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("Field to fix: Client secret")), qPrintable(status->text()));
        QCOMPARE(dialog.focusWidget(), secret);

        // A sandbox-compatible simulator behind a subscription key: 401 until the key is given.
        Mock::Simulator sandbox;
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("sandbox"));
        options.mode = Mock::Mode::Sandbox;
        options.subscriptionKey = "sub-key-77c1";
        QVERIFY(sandbox.start(options).ok());
        type("envBaseUrlEdit", sandbox.baseUrl());
        for (const char* name : {"envEncryptedCheck", "envSubscriptionCheck"}) {
            auto* box = dialog.findChild<QCheckBox*>(QLatin1String(name));
            box->setFocus(); // the box has no text of its own (its label is the form's): toggled with the space bar
            QTest::keyClick(box, Qt::Key_Space);
        }
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("HTTP 401")), qPrintable(status->text()), 10000);
        QVERIFY2(status->text().contains(QStringLiteral("Field to fix: Subscription key")), qPrintable(status->text()));
        QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("envSubscriptionCheck"))->isChecked());
        QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("envEncryptedCheck"))->isChecked());
        type("envSubscriptionKeyEdit", QStringLiteral("sub-key-77c1"));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Connected")), qPrintable(status->text()), 10000);

        // An unreachable host names the base URL.
        type("envBaseUrlEdit", QStringLiteral("http://127.0.0.1:9"));
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("Field to fix: Base URL")),
            qPrintable(status->text()), 10000);
    }

    void customEnvironmentKeepsItsSecretOutOfFiles_data()
    {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("session memory") << false;
        QTest::newRow("system keychain") << true;
    }

    void customEnvironmentKeepsItsSecretOutOfFiles()
    {
        QFETCH(bool, keychain);
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        Storage::MemorySecretStore memory;
        Storage::KeychainSecretStore system(QStringLiteral("iamsmart-console-test"));
        Storage::SecretStore* store = keychain ? static_cast<Storage::SecretStore*>(&system) : &memory;
        window.setSecretStore(store);
        Session::EnvironmentStore envStore(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/environments"));
        EnvironmentDialog dialog(&envStore, store);
        const QByteArray secret = keychain ? "KEYCHAIN-SECRET-4d1e" : "MEMORY-SECRET-77aa";
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("envAddButton")), Qt::LeftButton);
        dialog.findChild<QLineEdit*>(QStringLiteral("envNameEdit"))
            ->setText(QStringLiteral("Staging ") + QString::number(keychain));
        dialog.findChild<QLineEdit*>(QStringLiteral("envBaseUrlEdit"))->setText(m_sim->baseUrl());
        dialog.findChild<QLineEdit*>(QStringLiteral("envClientIdEdit"))->setText(m_sim->clients().devClient().clientId);
        auto* secretEdit = dialog.findChild<QLineEdit*>(QStringLiteral("envClientSecretEdit"));
        QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
        secretEdit->setText(QString::fromLatin1(secret));
        QVERIFY2(dialog.saveCurrent(), qPrintable(dialog.lastError()));

        // A bad URL is refused, naming the field.
        dialog.findChild<QLineEdit*>(QStringLiteral("envBaseUrlEdit"))->setText(QStringLiteral("not a url"));
        QVERIFY(!dialog.saveCurrent());
        QVERIFY(dialog.lastError().contains(QStringLiteral("baseUrl")));

        // The console picks the secret up when the environment is chosen.
        QString id;
        for (const auto& e : envStore.load()) {
            if (e.name == QStringLiteral("Staging ") + QString::number(keychain))
                id = e.id;
        }
        QVERIFY(!id.isEmpty());
        QVERIFY(window.selectEnvironment(id));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->credentials().clientSecret, secret, 10000);

        // No file of the console holds it.
        QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), QDir::Files,
            QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files >= 1);
        if (keychain) {
            QObject ctx;
            std::optional<Util::Status> removed;
            system.remove(id + QStringLiteral("/clientSecret"), &ctx, [&](Util::Status s) { removed = s; });
            QTRY_VERIFY(removed.has_value());
        }
    }
};

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
