#include "HttpClient.h"
#include "ConsoleFixture.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "ViewSupport.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "crypto/HmacSigner.h"
#include "forms/TryItForm.h"
#include "history/HistoryPanel.h"
#include "mock/Simulator.h"
#include "phone/PhonePanel.h"
#include "qr/QrPanel.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeView>

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

/// The Try-it pages of the main window, driven as a user would, against the in-process simulator.
class TestApiPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;

    ApiPage* open(const QString& id)
    {
        if (!m_window->selectApi(id))
            return nullptr;
        return m_window->currentPage();
    }

    template <typename T> static T* child(QWidget* parent, const QString& name)
    {
        return parent ? parent->findChild<T*>(name) : nullptr;
    }

    QString sendAndWaitForCode(ApiPage* page)
    {
        auto* send = child<QPushButton>(page, QStringLiteral("sendButton"));
        auto* status = child<QLabel>(page, QStringLiteral("responseStatusLabel"));
        QTest::mouseClick(send, Qt::LeftButton);
        QElapsedTimer t;
        t.start();
        while (!status->text().startsWith(QStringLiteral("HTTP")) && t.elapsed() < 10000)
            QTest::qWait(10);
        return child<QLabel>(page, QStringLiteral("responseCodeLabel"))->text().left(6);
    }

private slots:
    void initTestCase()
    {
        TestSupport::openConsole(QStringLiteral("tst_apipage"), m_dir, m_sim, m_languages, m_window);
    }

    void formIsPrefilledWithMockValues_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto& api : Protocol::ApiCatalog::builtin().apis()) {
            if (api.kind != Protocol::ApiKind::Callback)
                QTest::newRow(qPrintable(api.id)) << api.id;
        }
    }

    void formIsPrefilledWithMockValues()
    {
        QFETCH(QString, id);
        ApiPage* page = open(id);
        QVERIFY(page);
        QJsonObject expected = page->api().mockValues();
        QJsonObject actual = page->form()->values();
        // A businessID is single-use: each page starts with a fresh one instead of the sample.
        if (expected.contains(QLatin1String("businessID")) && page->form()->findChild<QWidget*>(
                QStringLiteral("field_businessID_regenerate"))) {
            QCOMPARE(actual.value(QLatin1String("businessID")).toString().size(), 32);
            QVERIFY(actual.value(QLatin1String("businessID")) != expected.value(QLatin1String("businessID")));
            expected.remove(QStringLiteral("businessID"));
            actual.remove(QStringLiteral("businessID"));
        }
        // redirectURI (the gateway's redirect) points at the console's own listener.
        for (const QString& key : {QStringLiteral("redirectURI"), QStringLiteral("redirect")}) {
            if (!expected.contains(key))
                continue;
            QVERIFY2(actual.value(key).toString().startsWith(m_window->listener()->baseUrl()),
                qPrintable(actual.value(key).toString()));
            expected.remove(key);
            actual.remove(key);
        }
        // The browser API's clientID is the environment's.
        if (page->api().kind == Protocol::ApiKind::Browser) {
            QCOMPARE(actual.value(QStringLiteral("clientID")).toString(), m_sim->clients().devClient().clientId);
            expected.remove(QStringLiteral("clientID"));
            actual.remove(QStringLiteral("clientID"));
        }
        QCOMPARE(actual, expected);
        QVERIFY(page->form()->problems().isEmpty());
        // The raw JSON editor holds the same body.
        auto* json = child<QPlainTextEdit>(page, QStringLiteral("rawJsonEditor"));
        QCOMPARE(QJsonDocument::fromJson(json->toPlainText().toUtf8()).object(), page->form()->values());
    }

    void editorsFollowTheFieldType()
    {
        ApiPage* page = open(QStringLiteral("auth.profile"));
        QVERIFY(child<QComboBox>(page, QStringLiteral("field_source")));
        QVERIFY(child<QCheckBox>(page, QStringLiteral("field_profileFields_idNo"))->isChecked());
        QVERIFY(!child<QCheckBox>(page, QStringLiteral("field_profileFields_birthDate"))->isChecked());
        QVERIFY(child<QToolButton>(page, QStringLiteral("field_businessID_regenerate")));
        auto* business = child<QLineEdit>(page, QStringLiteral("field_businessID"));
        const QString before = business->text();
        QTest::mouseClick(child<QToolButton>(page, QStringLiteral("field_businessID_regenerate")), Qt::LeftButton);
        QVERIFY(business->text() != before);
        QCOMPARE(business->text().size(), 32);
        QVERIFY(child<QToolButton>(open(QStringLiteral("signing.sign")), QStringLiteral("field_hashCode_fromFile")));
        // Checking a box changes the body and the JSON editor.
        QTest::mouseClick(child<QCheckBox>(page, QStringLiteral("field_profileFields_birthDate")), Qt::LeftButton);
        QVERIFY(page->form()
                    ->values()
                    .value(QStringLiteral("profileFields"))
                    .toArray()
                    .contains(QStringLiteral("birthDate")));
        QVERIFY(child<QPlainTextEdit>(page, QStringLiteral("rawJsonEditor"))
                    ->toPlainText()
                    .contains(QStringLiteral("birthDate")));
    }

    void jsonEditorUpdatesTheForm()
    {
        ApiPage* page = open(QStringLiteral("auth.getToken"));
        auto* json = child<QPlainTextEdit>(page, QStringLiteral("rawJsonEditor"));
        json->setPlainText(QStringLiteral(R"({"code":"typed-in-json","grantType":"authorization_code"})"));
        QCOMPARE(child<QLineEdit>(page, QStringLiteral("field_code"))->text(), QStringLiteral("typed-in-json"));
        json->setPlainText(QStringLiteral("{broken"));
        QVERIFY(!child<QLabel>(page, QStringLiteral("rawJsonErrorLabel"))->text().isEmpty());
        QCOMPARE(child<QLineEdit>(page, QStringLiteral("field_code"))->text(), QStringLiteral("typed-in-json"));
    }

    void invalidValueShowsInlineErrorNamingTheField()
    {
        ApiPage* page = open(QStringLiteral("auth.profile"));
        auto* state = child<QLineEdit>(page, QStringLiteral("field_state"));
        state->clear();
        QTest::keyClicks(state, QStringLiteral("not valid!"));
        auto* error = child<QLabel>(page, QStringLiteral("field_state_error"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("state")), qPrintable(error->text()));
        QVERIFY(page->form()->problems().contains(QStringLiteral("state")));
        auto* business = child<QLineEdit>(page, QStringLiteral("field_businessID"));
        business->clear();
        QVERIFY(child<QLabel>(page, QStringLiteral("field_businessID_error"))
                    ->text()
                    .contains(QStringLiteral("businessID")));
        state->setText(QStringLiteral("ok_state"));
        QVERIFY(!error->isVisible());
        QTest::mouseClick(child<QToolButton>(page, QStringLiteral("field_businessID_regenerate")), Qt::LeftButton);
        QVERIFY(page->form()->problems().isEmpty());
    }

    void sendGetKeyThenPreviewMatchesTheSigner()
    {
        ApiPage* key = open(QStringLiteral("keys.getKey"));
        QCOMPARE(sendAndWaitForCode(key), QStringLiteral("D00000"));
        QVERIFY(child<QPlainTextEdit>(key, QStringLiteral("responseContentEdit"))
                    ->toPlainText()
                    .contains(QStringLiteral("secretKey")));
        QCOMPARE(m_window->session()->cek().size(), 32);

        // With a CEK, the encrypted API's preview is the exact signed request.
        ApiPage* token = open(QStringLiteral("auth.getToken"));
        auto* code = child<QLineEdit>(token, QStringLiteral("field_code"));
        code->setText(QStringLiteral("edited-code"));
        QTRY_VERIFY(token->previewRequest().has_value() && token->previewRequest()->plaintext.contains("edited-code"));
        const Protocol::PreparedRequest& r = *token->previewRequest();
        const auto& creds = m_window->session()->credentials();
        const auto expected
            = Crypto::HmacSigner::sign(creds.clientId, creds.clientSecret, r.timestamp, r.nonce, r.body);
        QCOMPARE(r.signature->stringToSign, expected.stringToSign);
        QCOMPARE(r.signature->headerValue, expected.headerValue);
        const QString shown = child<QPlainTextEdit>(token, QStringLiteral("previewSigning"))->toPlainText();
        QVERIFY(shown.contains(QString::fromUtf8(expected.stringToSign)));
        QVERIFY(shown.contains(QString::fromLatin1(expected.headerValue)));
        QVERIFY(child<QPlainTextEdit>(token, QStringLiteral("previewHttp"))
                    ->toPlainText()
                    .startsWith(QStringLiteral("POST /api/v1/auth/getToken")));
        QVERIFY(child<QPlainTextEdit>(token, QStringLiteral("previewEncryption"))
                    ->toPlainText()
                    .contains(QString::fromLatin1(r.encrypted->tag.toHex())));
    }

    void loginSendAndCallbackEndToEnd()
    {
        // getQR: the page shows the QR URL; the phone approves; the browser lands on the console's listener.
        ApiPage* qr = open(QStringLiteral("auth.getQR"));
        auto* clientId = child<QLineEdit>(qr, QStringLiteral("field_clientID"));
        clientId->setText(m_sim->clients().devClient().clientId);
        child<QLineEdit>(qr, QStringLiteral("field_state"))->setText(QStringLiteral("uistate"));
        QTest::mouseClick(child<QPushButton>(qr, QStringLiteral("showQrButton")), Qt::LeftButton);
        QCOMPARE(TestSupport::http("GET", qr->qrText()).status, 303);
        const QString redirect
            = m_sim->approve(m_sim->pending().last().id).value().value(QStringLiteral("redirect")).toString();
        QCOMPARE(TestSupport::http("GET", redirect).status, 200);
        QTRY_VERIFY(!m_window->session()->earned().value(QStringLiteral("code")).isEmpty());

        ApiPage* token = open(QStringLiteral("auth.getToken"));
        auto* useEarned = child<QToolButton>(token, QStringLiteral("field_code_useEarned"));
        QVERIFY(useEarned->isEnabled());
        QTest::mouseClick(useEarned, Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(token, QStringLiteral("field_code"))->text(),
            m_window->session()->earned().value(QStringLiteral("code")));
        QCOMPARE(sendAndWaitForCode(token), QStringLiteral("D00000"));
        QVERIFY(child<QPlainTextEdit>(token, QStringLiteral("responseContentEdit"))
                    ->toPlainText()
                    .contains(QStringLiteral("accessToken")));
        QVERIFY(child<QLabel>(token, QStringLiteral("responseCodeLabel"))->text().contains(QStringLiteral("D00000")));

        // Profile with the earned token; the phone approves; the callback arrives matched.
        ApiPage* profile = open(QStringLiteral("auth.profile"));
        QTest::mouseClick(child<QToolButton>(profile, QStringLiteral("field_accessToken_useEarned")), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(profile, QStringLiteral("field_openID_useEarned")), Qt::LeftButton);
        QTest::mouseClick(child<QToolButton>(profile, QStringLiteral("field_businessID_regenerate")), Qt::LeftButton);
        QCOMPARE(sendAndWaitForCode(profile), QStringLiteral("D00000"));
        const qsizetype before = m_window->listener()->records().size();
        QVERIFY(m_sim->approve(m_sim->pending().last().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->listener()->records().size() > before, 10000);
        const Callback::CallbackRecord& r = m_window->listener()->records().last();
        QCOMPARE(r.callbackId, QStringLiteral("callback.profile"));
        QCOMPARE(r.matchStatus, Callback::Match::Matched);
        QVERIFY(r.content.toObject().contains(QStringLiteral("idNo")));
    }

    void qrPanelEncodesExactlyTheDisplayedText()
    {
        ApiPage* qr = open(QStringLiteral("auth.getQR"));
        QTest::mouseClick(child<QPushButton>(qr, QStringLiteral("showQrButton")), Qt::LeftButton);
        QrPanel* panel = m_window->qrPanel();
        const QString shown = child<QLabel>(panel, QStringLiteral("qrTextLabel"))->text().remove(QChar(0x200B)); // break opportunities
        QCOMPARE(shown, qr->qrText());
        const auto expected = Qr::QrEncoder::encode(shown.toUtf8());
        QCOMPARE(panel->matrix().modules, expected->modules);
        // And a reader gets the text back from the saved image.
        const QString png = m_dir.filePath(QStringLiteral("panel.png"));
        QVERIFY(panel->savePng(png, 4));
        const auto decoded = TestSupport::run(QStringLiteral("zbarimg"),
            {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sbinary"), png});
        QCOMPARE(decoded.out.trimmed(), shown.toUtf8());
        QVERIFY(panel->saveSvg(m_dir.filePath(QStringLiteral("panel.svg"))));
    }

    void phoneApprovalAndCallbackInspector()
    {
        // A fresh login through the phone panel's buttons; the console follows the browser redirect.
        ApiPage* qr = open(QStringLiteral("auth.getQR"));
        child<QLineEdit>(qr, QStringLiteral("field_clientID"))->setText(m_sim->clients().devClient().clientId);
        child<QLineEdit>(qr, QStringLiteral("field_state"))->setText(QStringLiteral("phonestate"));
        QTest::mouseClick(child<QPushButton>(qr, QStringLiteral("showQrButton")), Qt::LeftButton);
        QCOMPARE(TestSupport::http("GET", qr->qrText()).status, 303);
        PhonePanel* phone = m_window->phonePanel();
        QVERIFY(phone);
        QTRY_VERIFY(child<QListView>(phone, QStringLiteral("phonePendingList"))->model()->rowCount() >= 1);
        QVERIFY(child<QLabel>(phone, QStringLiteral("phoneScreenLabel"))->text().contains(QStringLiteral("Log in")));
        const int before = m_window->callbackInspector()->count();
        QTest::mouseClick(child<QPushButton>(phone, QStringLiteral("phoneApproveButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->callbackInspector()->count() > before, 10000);
        auto* list = child<QTreeView>(m_window->callbackInspector(), QStringLiteral("callbackList"));
        const int last = list->model()->rowCount() - 1;
        QCOMPARE(list->model()->index(last, 1).data().toString(), QStringLiteral("callback.auth"));
        QCOMPARE(list->model()->index(last, 3).data().toString(), QStringLiteral("matched"));
        m_window->findChild<QDockWidget*>(QStringLiteral("callbacksDock"))->raise();
        QVERIFY(TestSupport::clickIndex(list, list->model()->index(last, 0)));
        QVERIFY(child<QPlainTextEdit>(m_window->callbackInspector(), QStringLiteral("callbackDetail"))
                    ->toPlainText()
                    .contains(QStringLiteral("GET /callback/auth")));
        QTRY_VERIFY(!m_window->session()->earned().value(QStringLiteral("code")).isEmpty());
    }

    void noSecretInSettingsFiles()
    {
        m_window->close(); // writes the layout
        QSettings settings;
        settings.sync();
        const QByteArray secret = m_sim->clients().devClient().clientSecret;
        QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), QDir::Files,
            QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(QFile::exists(settings.fileName()));
        QVERIFY(files >= 1);
        m_window->show();
    }

    void historyReopenResendAndHarWithoutSecrets()
    {
        HistoryPanel* history = m_window->historyPanel();
        QVERIFY(history->exchanges().size() >= 3); // getKey, getToken, profile... from the tests above

        // Reopen the getToken exchange: its body comes back into the form.
        int tokenRow = -1;
        for (int i = 0; i < history->exchanges().size(); ++i) {
            if (history->exchanges().at(i).apiId == QLatin1String("auth.getToken"))
                tokenRow = i;
        }
        QVERIFY(tokenRow >= 0);
        open(QStringLiteral("keys.getKey"));
        m_window->findChild<QDockWidget*>(QStringLiteral("historyDock"))->raise();
        auto* rows = child<QTreeView>(history, QStringLiteral("historyList"));
        QVERIFY(TestSupport::clickIndex(rows, rows->model()->index(tokenRow, 0)));
        QTest::mouseClick(child<QPushButton>(history, QStringLiteral("historyReopenButton")), Qt::LeftButton);
        QCOMPARE(m_window->currentApiId(), QStringLiteral("auth.getToken"));
        const QJsonObject sent = QJsonDocument::fromJson(history->exchanges().at(tokenRow).request.plaintext).object();
        QCOMPARE(m_window->currentPage()->form()->values().value(QStringLiteral("code")),
            sent.value(QStringLiteral("code")));

        // Resend as new: a new exchange with a fresh nonce.
        QVERIFY(TestSupport::clickIndex(rows, rows->model()->index(0, 0)));
        const Session::Exchange first = history->exchanges().at(0);
        const qsizetype before = history->exchanges().size();
        QTest::mouseClick(child<QPushButton>(history, QStringLiteral("historyResendButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(history->exchanges().size() == before + 1, 10000);
        QCOMPARE(history->exchanges().last().apiId, first.apiId);
        QVERIFY(history->exchanges().last().request.header("nonce") != first.request.header("nonce"));

        // A subscription key sent in a header never reaches the HAR.
        Session::ConsoleSession* session = m_window->session();
        const QByteArray cek = session->cek();
        QCOMPARE(cek.size(), 32);
        const auto environment = session->environment();
        const auto credentials = session->credentials();
        auto withKey = environment;
        withKey.usesSubscriptionKey = true;
        session->setEnvironment(withKey, {credentials.clientId, credentials.clientSecret, "SUBSCRIPTION-KEY-9f3c"});
        QCOMPARE(sendAndWaitForCode(open(QStringLiteral("keys.getKey"))), QStringLiteral("D00000"));
        QVERIFY(history->exchanges().last().request.header("Ocp-Apim-Subscription-Key").isEmpty()
            || history->exchanges().last().request.header("Ocp-Apim-Subscription-Key") == "SUBSCRIPTION-KEY-9f3c");
        const QString har = m_dir.filePath(QStringLiteral("export.har"));
        QVERIFY(m_window->exportHar(har));
        QFile f(har);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        const QJsonObject log = QJsonDocument::fromJson(text).object().value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        QCOMPARE(log.value(QStringLiteral("entries")).toArray().size(), history->exchanges().size());
        QVERIFY(text.contains("Ocp-Apim-Subscription-Key"));
        QVERIFY(!text.contains("SUBSCRIPTION-KEY-9f3c"));
        QVERIFY(!text.contains(credentials.clientSecret));
        QVERIFY(!text.contains(cek.toHex()) && !text.contains(cek.toBase64()));
        QVERIFY(m_window->selectEnvironment(QStringLiteral("local-strict")));
        QTRY_COMPARE(session->cek().size(), 32);

        // The history on disk holds no secret either, and a new window reloads it.
        QDirIterator it(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation), QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains("SUBSCRIPTION-KEY-9f3c") && !content.contains(credentials.clientSecret),
                qPrintable(file.fileName()));
        }
        LanguageManager languages;
        MainWindow again(&languages, m_sim.get());
        again.show(); // the stored history is read once the window has painted
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QSet<QString> ids; // every exchange of the first window comes back (the new one may add its own getKey)
        for (const Session::Exchange& e : history->exchanges())
            ids.insert(e.id);
        auto reloaded = [&again, &ids] {
            QSet<QString> seen;
            for (const Session::Exchange& e : again.historyPanel()->exchanges())
                seen.insert(e.id);
            return seen.contains(ids);
        };
        QTRY_VERIFY(reloaded());
    }

    void codeSamplesFollowTheForm()
    {
        ApiPage* token = open(QStringLiteral("auth.getToken"));
        child<QLineEdit>(token, QStringLiteral("field_code"))->setText(QStringLiteral("sample-code-42"));
        auto* language = child<QComboBox>(token, QStringLiteral("codeLanguageCombo"));
        QCOMPARE(language->count(), 8);
        language->setCurrentIndex(language->findText(QStringLiteral("Python")));
        auto* code = child<QPlainTextEdit>(token, QStringLiteral("previewCode"));
        QTRY_VERIFY(code->toPlainText().contains(QStringLiteral("sample-code-42")));
        QVERIFY(code->toPlainText().contains(m_window->session()->credentials().clientId));
        QVERIFY(code->toPlainText().contains(QStringLiteral("IAMSMART_CLIENT_SECRET")));
        QVERIFY(!code->toPlainText().contains(QString::fromLatin1(m_window->session()->credentials().clientSecret)));
        language->setCurrentIndex(language->findText(QStringLiteral("Java")));
        QTRY_VERIFY(code->toPlainText().contains(QStringLiteral("javax.crypto")));
    }

    void ticketAnswersOfferTheAppLinkAsQr()
    {
        ApiPage* anon = open(QStringLiteral("anonymous.eme.initiate"));
        QTest::mouseClick(child<QToolButton>(anon, QStringLiteral("field_businessID_regenerate")), Qt::LeftButton);
        QCOMPARE(sendAndWaitForCode(anon), QStringLiteral("D00000"));
        auto* button = child<QPushButton>(anon, QStringLiteral("ticketQrButton"));
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        const QString text = m_window->qrPanel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("hk.gov.iamsmart.testapp://form-filling?ticketID=")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("source=App_Scheme")));
        QCOMPARE(m_window->qrPanel()->matrix().modules, Qr::QrEncoder::encode(text.toUtf8())->modules);
    }

    void subscriptionKeyMaskedUnlessRevealed()
    {
        Session::ConsoleSession* session = m_window->session();
        const auto environment = session->environment();
        const auto credentials = session->credentials();
        auto withKey = environment;
        withKey.usesSubscriptionKey = true;
        withKey.encrypted = false;
        session->setEnvironment(withKey, {credentials.clientId, credentials.clientSecret, "SUBKEY-SHOWN-ONLY-ON-ASK"});
        ApiPage* page = open(QStringLiteral("keys.getKey"));
        page->refreshPreview();
        auto* http = child<QPlainTextEdit>(page, QStringLiteral("previewHttp"));
        QVERIFY(http->toPlainText().contains(QStringLiteral("Ocp-Apim-Subscription-Key")));
        QVERIFY(!http->toPlainText().contains(QStringLiteral("SUBKEY-SHOWN-ONLY-ON-ASK")));
        child<QCheckBox>(page, QStringLiteral("revealSecretsCheck"))->setChecked(true);
        QVERIFY(http->toPlainText().contains(QStringLiteral("SUBKEY-SHOWN-ONLY-ON-ASK")));
        child<QCheckBox>(page, QStringLiteral("revealSecretsCheck"))->setChecked(false);
        QVERIFY(m_window->selectEnvironment(QStringLiteral("local-strict")));
        QTRY_COMPARE(session->cek().size(), 32);
    }

    void gatewayLoginPollAndJweTab()
    {
        // Request auth through the gateway: client id and secret headers (the secret masked), plain JSON.
        ApiPage* auth = open(QStringLiteral("gateway.auth"));
        QVERIFY(auth);
        auth->refreshPreview();
        auto* http = child<QPlainTextEdit>(auth, QStringLiteral("previewHttp"));
        const QString secret = QString::fromUtf8(m_sim->clients().devClient().clientSecret);
        QVERIFY(http->toPlainText().contains(QStringLiteral("/iamsmart/v2/request/auth")));
        QVERIFY(http->toPlainText().contains(QStringLiteral("x-client-secret")));
        QVERIFY(!http->toPlainText().contains(secret));
        QVERIFY(!child<QPlainTextEdit>(auth, QStringLiteral("previewCurl"))->toPlainText().contains(secret));
        sendAndWaitForCode(auth);
        QVERIFY(child<QLabel>(auth, QStringLiteral("responseCodeLabel"))->text().startsWith(QStringLiteral("HTTP200")));
        const QString token = m_window->session()->earned().value(QStringLiteral("gatewayToken"));
        QVERIFY(!token.isEmpty());
        QVERIFY(child<QPushButton>(auth, QStringLiteral("ticketQrButton"))->isVisibleTo(auth));

        // Polling before the user answers: 202, explained.
        ApiPage* poll = open(QStringLiteral("gateway.poll"));
        QTest::mouseClick(child<QToolButton>(poll, QStringLiteral("field_token_useEarned")), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(poll, QStringLiteral("field_token"))->text(), token);
        sendAndWaitForCode(poll);
        QVERIFY(child<QLabel>(poll, QStringLiteral("responseCodeLabel"))->text().startsWith(QStringLiteral("HTTP202")));

        // The phone approves; the console follows the redirect to its own listener.
        const qsizetype before = m_window->listener()->records().size();
        PhonePanel* phone = m_window->phonePanel();
        auto* pending = child<QListView>(phone, QStringLiteral("phonePendingList"));
        QString gatewayRequest;
        for (const Mock::PendingRequest& p : m_sim->pending()) {
            if (p.apiId == QLatin1String("gateway.auth") && p.status == QLatin1String("pending"))
                gatewayRequest = p.id;
        }
        QTRY_VERIFY(pending->model()->rowCount() > 0);
        m_window->findChild<QDockWidget*>(QStringLiteral("phoneDock"))->raise();
        QVERIFY(TestSupport::clickIndex(pending, TestSupport::findIndex(pending, gatewayRequest, Qt::UserRole)));
        QCOMPARE(pending->currentIndex().data(Qt::UserRole).toString(), gatewayRequest);
        QTest::mouseClick(child<QPushButton>(phone, QStringLiteral("phoneApproveButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->listener()->records().size() > before, 10000);
        QCOMPARE(m_window->listener()->records().last().callbackId, QStringLiteral("callback.gateway"));
        QCOMPARE(m_window->listener()->records().last().matchStatus, Callback::Match::Matched);

        // Poll again: the JWE result is decrypted and shown with its header and claims.
        sendAndWaitForCode(poll);
        QVERIFY(child<QLabel>(poll, QStringLiteral("responseCodeLabel"))->text().startsWith(QStringLiteral("HTTP200")));
        const QString jose = child<QPlainTextEdit>(poll, QStringLiteral("responseJoseEdit"))->toPlainText();
        QVERIFY2(jose.contains(QStringLiteral("\"enc\": \"A256GCM\"")), qPrintable(jose));
        QVERIFY(jose.contains(QStringLiteral("\"service\": \"auth\"")));
        const QString openId = m_window->session()->earned().value(QStringLiteral("openID"));
        QVERIFY(!openId.isEmpty());
        QVERIFY(jose.contains(openId));
        // A second poll: the result is gone (410), and the JWE tab goes away.
        sendAndWaitForCode(poll);
        QVERIFY(child<QLabel>(poll, QStringLiteral("responseCodeLabel"))->text().startsWith(QStringLiteral("HTTP410")));
        auto* tabs = child<QTabWidget>(poll, QStringLiteral("responseTabs"));
        QCOMPARE(tabs->indexOf(child<QPlainTextEdit>(poll, QStringLiteral("responseJoseEdit"))), -1);
    }

    void badSignatureShowsWhereTheStringsDiffer()
    {
        // A session with the wrong secret: the simulator answers D20006 and its string-to-sign.
        ApiPage* key = open(QStringLiteral("keys.getKey"));
        Session::ConsoleSession* session = m_window->session();
        const auto good = session->credentials();
        auto env = session->environment();
        session->setEnvironment(env, {good.clientId, "wrong-secret", {}});
        QCOMPARE(sendAndWaitForCode(key), QStringLiteral("D20006"));
        auto* diff = child<QLabel>(key, QStringLiteral("signatureDiffLabel"));
        QVERIFY(diff->isVisible());
        QVERIFY2(diff->text().contains(QStringLiteral("secret")), qPrintable(diff->text()));
        QVERIFY(m_window->selectEnvironment(QStringLiteral("local-strict")));
        QTRY_COMPARE(session->cek().size(), 32);
    }
};

QTEST_MAIN(TestApiPage)
#include "tst_apipage.moc"
