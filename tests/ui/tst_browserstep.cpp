#include "ConsoleFixture.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"
#include "storage/SecretStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeView>

/// The console against a real environment (RFC 8252): Open in browser hands the QR page to the browser named by
/// $BROWSER (here a script running headless Chromium), the page waits with Cancel, and the redirect that the
/// page's JavaScript makes once the phone approves brings the code back to the page and the History. The server
/// is the independent Python stand-in of tests/standin, not the simulator.
class TestBrowserStep : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
    Storage::MemorySecretStore m_secrets;
    QProcess m_standin;
    QString m_standinUrl;
    QNetworkAccessManager m_network;

    /// The stand-in's phone approves what waits; false when nothing waits (yet).
    bool approveOnPhone()
    {
        QNetworkRequest request(QUrl(m_standinUrl + QStringLiteral("/standin/phone/approve")));
        QNetworkReply* reply = m_network.post(request, QByteArray());
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QSKIP("chromium is not installed (scripts/lib.sh installs it): the QR page needs a real browser");
        TestSupport::openConsole(QStringLiteral("tst_browserstep"), m_dir, m_sim, m_languages, m_window);
        if (QTest::currentTestFailed())
            return;
        const Mock::RegisteredClient& dev = m_sim->clients().devClient();
        const QString secretFile = m_dir.filePath(QStringLiteral("secret"));
        QFile f(secretFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(dev.clientSecret);
        f.close();
        m_standin.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_standin.start(QStringLiteral("python3"),
            {QStringLiteral(IAMSMART_SOURCE_DIR "/tests/standin/standin.py"), QStringLiteral("--client-id"),
                dev.clientId, QStringLiteral("--client-secret-file"), secretFile, QStringLiteral("--kek-cert"),
                dev.kekCertificatePath});
        QVERIFY(m_standin.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_standin.canReadLine(), 20000);
        m_standinUrl = QJsonDocument::fromJson(m_standin.readLine()).object().value(QStringLiteral("baseUrl")).toString();
        QVERIFY(m_standinUrl.startsWith(QStringLiteral("http://127.0.0.1:")));

        Session::Environment env;
        env.id = QStringLiteral("standin");
        env.name = QStringLiteral("Stand-in");
        env.baseUrl = m_standinUrl;
        env.clientId = dev.clientId;
        env.kekCertificatePath = dev.kekCertificatePath;
        env.kekPrivateKeyPath = dev.kekPrivateKeyPath;
        Session::EnvironmentStore store(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/environments"));
        QVERIFY(store.save(env).ok());
        m_window->setSecretStore(&m_secrets);
        bool written = false;
        m_secrets.write(env.secretKey(Session::Environment::ClientSecret), dev.clientSecret, this,
            [&written](Util::Status) { written = true; });
        QTRY_VERIFY(written);
        QVERIFY(m_window->selectEnvironment(env.id));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->credentials().clientSecret, dev.clientSecret, 10000);
        qputenv("BROWSER", IAMSMART_SOURCE_DIR "/tests/standin/headless-browser.sh");
    }

    void openInBrowserEarnsTheCode()
    {
        QVERIFY(m_window->selectApi(QStringLiteral("auth.getQR")));
        ApiPage* page = m_window->currentPage();
        auto* send = page->findChild<QPushButton*>(QStringLiteral("sendButton"));
        auto* cancel = page->findChild<QPushButton*>(QStringLiteral("cancelButton"));
        auto* status = page->findChild<QLabel*>(QStringLiteral("responseStatusLabel"));
        QCOMPARE(send->text(), QStringLiteral("Open in &browser"));
        QVERIFY(page->qrText().startsWith(m_standinUrl + QStringLiteral("/api/v1/auth/getQR?")));
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY2(status->text().contains(QStringLiteral("Waiting for its redirect to /callback/auth")),
            qPrintable(status->text()));
        QVERIFY(cancel->isVisible() && cancel->isEnabled());
        // The QR dock shows the page URL as text, for another machine.
        auto* qrText = m_window->findChild<QLabel*>(QStringLiteral("qrTextLabel"));
        QVERIFY(qrText->text().remove(QChar(0x200B)).startsWith(m_standinUrl));

        // The person approves on the phone once the browser has the page; its JavaScript then redirects.
        bool approved = false;
        for (int i = 0; i < 300 && !approved; ++i) {
            approved = approveOnPhone();
            if (!approved)
                QTest::qWait(100);
        }
        QVERIFY(approved);
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("code")) && status->text().contains(QStringLiteral("earned")),
            qPrintable(status->text()), 60000);
        const QString code = m_window->session()->earned().value(QStringLiteral("code"));
        QCOMPARE(code.size(), 32);
        QVERIFY(status->text().contains(code));
        QVERIFY(!cancel->isEnabled());
        auto* history = m_window->findChild<QTreeView*>(QStringLiteral("historyList"));
        QVERIFY(history);
        const QAbstractItemModel* rows = history->model();
        const int last = rows->rowCount() - 1;
        QCOMPARE(rows->index(last, 1).data().toString(), QStringLiteral("auth.getQR"));
        QCOMPARE(rows->index(last, 3).data().toString(), QStringLiteral("D00000"));
    }

    void cancelStopsWaiting()
    {
        ApiPage* page = m_window->currentPage();
        auto* cancel = page->findChild<QPushButton*>(QStringLiteral("cancelButton"));
        auto* status = page->findChild<QLabel*>(QStringLiteral("responseStatusLabel"));
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("sendButton")), Qt::LeftButton);
        QVERIFY(cancel->isEnabled());
        QVERIFY(page->isBrowserWaiting());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!page->isBrowserWaiting());
        QVERIFY2(status->text().startsWith(QStringLiteral("Stopped waiting")), qPrintable(status->text()));
        QVERIFY(!cancel->isEnabled());
    }

    void cleanupTestCase()
    {
        if (m_standin.state() != QProcess::NotRunning) {
            m_standin.terminate();
            m_standin.waitForFinished(10000);
        }
        m_window.reset();
    }
};

QTEST_MAIN(TestBrowserStep)
#include "tst_browserstep.moc"
