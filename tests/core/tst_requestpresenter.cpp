#include "SimulatorFixture.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"
#include "session/ConsoleSession.h"
#include "session/Environment.h"
#include "session/RequestPresenter.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Session;

/// What an API page shows, computed without a widget: the getQR link, the request preview (through a session on the
/// real simulator over loopback), the answer in words with return codes worded in one place, the string-to-sign
/// diff, and the Specification tab from the catalog.
class TestRequestPresenter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;

    static const Protocol::ApiSpec& api(const char* id) { return *Protocol::ApiCatalog::builtin().api(QLatin1String(id)); }

    Environment localEnvironment() const
    {
        Environment e = Environment::builtins().first();
        e.baseUrl = m_sim->baseUrl();
        e.clientId = m_sim->clients().devClient().clientId;
        return e;
    }

    void connect(ConsoleSession& session, const QByteArray& secret = {}) const
    {
        const auto& dev = m_sim->clients().devClient();
        session.setEnvironment(localEnvironment(), {dev.clientId, secret.isEmpty() ? dev.clientSecret : secret, {}},
            Crypto::RsaPrivateKey::fromFile(dev.kekPrivateKeyPath).value());
    }

    static Exchange sendAndWait(ConsoleSession& session, const RequestPresenter& presenter, const QJsonObject& body)
    {
        const RequestPreview p = presenter.preview(body, {}, QStringLiteral("python"), false);
        if (!p.request)
            return {};
        QSignalSpy finished(&session, &ConsoleSession::exchangeFinished);
        const QString id = session.send(presenter.api().id, *p.request, 10000);
        finished.wait(15000);
        return *session.exchange(id);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = TestSupport::startSimulator(m_dir);
        QVERIFY(m_sim);
    }

    void qrTextIsTheGetQrUrlOfTheForm()
    {
        ConsoleSession session;
        connect(session);
        RequestPresenter qr(api("auth.getQR"), &session);
        const QJsonObject values {{QStringLiteral("clientID"), QStringLiteral("client-1")},
            {QStringLiteral("source"), QStringLiteral("PC_Browser")},
            {QStringLiteral("redirectURI"), QStringLiteral("http://127.0.0.1:9/callback/auth?x=1&y=2")},
            {QStringLiteral("scope"), QStringLiteral("eidapi_auth eidapi_profiles")},
            {QStringLiteral("lang"), QStringLiteral("zh-HK")}, {QStringLiteral("state"), QStringLiteral("s 1")}};
        const QUrl url(qr.qrText(values));
        QVERIFY2(url.toString().startsWith(m_sim->baseUrl()), qPrintable(url.toString()));
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(QStringLiteral("clientID")), QStringLiteral("client-1"));
        QCOMPARE(q.queryItemValue(QStringLiteral("redirectURI"), QUrl::FullyDecoded),
            QStringLiteral("http://127.0.0.1:9/callback/auth?x=1&y=2"));
        QCOMPARE(q.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), QStringLiteral("eidapi_auth eidapi_profiles"));
        QCOMPARE(q.queryItemValue(QStringLiteral("lang")), QStringLiteral("zh-HK"));
        // The browser page's preview is that GET; other pages have no QR text.
        const RequestPreview p = qr.preview(values, {}, QStringLiteral("python"), false);
        QCOMPARE(p.http, QStringLiteral("GET ") + url.toString(QUrl::FullyEncoded));
        QVERIFY(p.code.isEmpty());
        QVERIFY(RequestPresenter(api("keys.getKey"), &session).qrText(values).isEmpty());
        QVERIFY(RequestPresenter(api("auth.getQR"), nullptr).qrText(values).isEmpty());
    }

    void previewShowsTheExactRequestAndHidesSecrets()
    {
        ConsoleSession session;
        connect(session);
        RequestPresenter key(api("keys.getKey"), &session);
        const RequestPreview p = key.preview({}, {}, QStringLiteral("javascript"), false);
        QVERIFY2(p.problem.isEmpty(), qPrintable(p.problem));
        QVERIFY(p.request);
        QVERIFY(p.signing.contains(QString::fromUtf8(p.request->signature->stringToSign)));
        QVERIFY(p.signing.contains(QString::fromLatin1(p.request->signature->base64)));
        QCOMPARE(p.encryption, QStringLiteral("Sent as plain JSON."));
        QVERIFY(p.code.contains(QStringLiteral("node iamsmart_sample.js")));
        QVERIFY(p.http.contains(QString::fromLatin1(p.request->signature->headerValue)));
        // A secret header (the gateway's client secret) is hidden on screen until revealed.
        RequestPresenter gateway(api("gateway.auth"), &session);
        const QString secret = QString::fromLatin1(m_sim->clients().devClient().clientSecret);
        const RequestPreview hidden = gateway.preview(api("gateway.auth").mockValues(), {}, QStringLiteral("curl"), false);
        QVERIFY2(hidden.problem.isEmpty(), qPrintable(hidden.problem));
        QVERIFY(!hidden.http.contains(secret) && !hidden.curl.contains(secret));
        QVERIFY(hidden.http.contains(QStringLiteral("x-client-secret: ••••••••")));
        QVERIFY(hidden.signing.startsWith(QStringLiteral("Gateway requests are not signed")));
        const RequestPreview shown = gateway.preview(api("gateway.auth").mockValues(), {}, QStringLiteral("curl"), true);
        QVERIFY(shown.http.contains(secret) && shown.curl.contains(secret));
        QVERIFY(!shown.code.contains(secret)); // a code sample never embeds it

        // An encrypted API before getKey: the reason, everywhere, and no request.
        RequestPresenter token(api("auth.getToken"), &session);
        const RequestPreview early = token.preview(api("auth.getToken").mockValues(), {}, QStringLiteral("python"), false);
        QVERIFY(!early.request);
        QVERIFY(early.problem.startsWith(QStringLiteral("No content encryption key yet")));
        QCOMPARE(early.http, early.problem);
        QCOMPARE(token.statusLine({}, 0, early.problem), early.problem);
        QVERIFY(token.statusLine(QStringLiteral("bad"), 2, early.problem).startsWith(QStringLiteral("Send is blocked")));
        QCOMPARE(token.statusLine({}, 2, early.problem),
            QStringLiteral("2 field(s) break their rules; Send still sends, to test the answer."));
        QCOMPARE(token.sendProblem({QStringLiteral("no-cek"), {}}),
            QStringLiteral("No content encryption key yet: request one first (Key management)."));

        // After getKey over loopback the same body is encrypted.
        const Exchange got = sendAndWait(session, key, {});
        QCOMPARE(got.returnCode(), QStringLiteral("D00000"));
        const RequestPreview later = token.preview(api("auth.getToken").mockValues(), {}, QStringLiteral("python"), false);
        QVERIFY(later.request && later.request->encrypted);
        QVERIFY(later.encryption.startsWith(QStringLiteral("AES-256-GCM, no AAD\nIV (12 bytes): ")
            + QString::fromLatin1(later.request->encrypted->iv.toHex())));
        // The answer in words.
        const AnswerView a = key.answer(got, false, {});
        QVERIFY(a.arrived);
        QVERIFY(a.status.startsWith(QStringLiteral("HTTP 200 in ")));
        QVERIFY(a.codeLine.startsWith(QStringLiteral("D00000 — Success\n")));
        QVERIFY(a.content.contains(QStringLiteral("secretKey")));
    }

    /// A wrong client secret: the simulator answers D20006 with its string-to-sign, which is the console's, so the
    /// presenter says the secret must differ.
    void wrongSecretIsExplained()
    {
        ConsoleSession session;
        connect(session, "not-the-secret");
        RequestPresenter key(api("keys.getKey"), &session);
        const Exchange e = sendAndWait(session, key, {});
        QCOMPARE(e.returnCode(), QStringLiteral("D20006"));
        const AnswerView a = key.answer(e, false, {});
        QCOMPARE(a.signatureDiffHtml, QStringLiteral("The strings to sign are identical, so the client secret must differ."));
        QVERIFY(a.codeLine.startsWith(QStringLiteral("D20006 — Signature verification failed")));
    }

    void signatureDiffFindsTheFirstDifference()
    {
        QCOMPARE(RequestPresenter::diffStringsToSign(QStringLiteral("abcdef"), QStringLiteral("abcXef")).at, 3);
        QVERIFY(!RequestPresenter::diffStringsToSign(QStringLiteral("abc"), QStringLiteral("abcd")).identical);
        QCOMPARE(RequestPresenter::diffStringsToSign(QStringLiteral("abc"), QStringLiteral("abcd")).at, 3);
        QVERIFY(RequestPresenter::diffStringsToSign(QStringLiteral("same"), QStringLiteral("same")).identical);

        // Shown marked, HTML-escaped, from the first difference on.
        Exchange e;
        e.httpStatus = 200;
        Protocol::ResponseEnvelope envelope;
        envelope.code = QStringLiteral("D20006");
        envelope.extra.insert(QStringLiteral("debug"),
            QJsonObject {{QStringLiteral("stringToSign"), QStringLiteral("client<1>HmacSHA256170000{\"b\":2}")}});
        e.envelope = envelope;
        e.request.signature = Crypto::SignatureParts {};
        e.request.signature->stringToSign = "client<1>HmacSHA256170000{\"a\":1}";
        const AnswerView a = RequestPresenter(api("keys.getKey"), nullptr).answer(e, false, {});
        QVERIFY2(a.signatureDiffHtml.startsWith(QStringLiteral("The strings to sign differ from character 27:")),
            qPrintable(a.signatureDiffHtml));
        QVERIFY(a.signatureDiffHtml.contains(
            QStringLiteral("client&lt;1&gt;HmacSHA256170000{&quot;<span style=\"background:#ffd54f\">a&quot;:1}</span>")));
    }

    void returnCodesAreWordedInOnePlace()
    {
        using Protocol::Language;
        // The Specification tab shows the placeholder; an answer fills it from the message or the form, or drops it.
        QCOMPARE(RequestPresenter::codeMeaning(QStringLiteral("D20001"), Language::English, QStringLiteral("…")),
            QStringLiteral("Parameter … is missing"));
        RequestPresenter profile(api("auth.profile"), nullptr);
        QCOMPARE(profile.explainCode(QStringLiteral("D20001"), QStringLiteral("Parameter businessID is missing"), {}),
            QStringLiteral("Parameter businessID is missing"));
        QCOMPARE(profile.explainCode(QStringLiteral("D20003"), QStringLiteral("bad"), QStringLiteral("profileFields")),
            QStringLiteral("Parameter profileFields is invalid"));
        QCOMPARE(profile.explainCode(QStringLiteral("D20002"), {}, {}), QStringLiteral("Parameter is empty"));
        QCOMPARE(profile.explainCode(QStringLiteral("D99999"), {}, {}), QStringLiteral("Unknown code"));
        QVERIFY(profile.explainCode(QStringLiteral("D20012"), {}, {})
                    .endsWith(QStringLiteral("Next: log in again requesting the scope eidapi_profiles, then use the new token.")));
        QVERIFY(RequestPresenter(api("auth.getToken"), nullptr)
                    .explainCode(QStringLiteral("D40004"), {}, {})
                    .contains(QStringLiteral("Next: log in again (Request QR page, Send, approve on the phone)")));
        // The same words on the Specification tab, in each language.
        for (Language lang : Protocol::allLanguages()) {
            const QString html = RequestPresenter::specHtml(api("auth.profile"), lang);
            const QString d20001 = RequestPresenter::codeMeaning(QStringLiteral("D20001"), lang, QStringLiteral("…"));
            QVERIFY(html.contains(QStringLiteral("<td><code>D20001</code></td><td>%1</td>").arg(d20001.toHtmlEscaped())));
        }
    }

    void answersCarryTheirLinks()
    {
        // A same-device answer's ticketID becomes the app link; an anonymous one carries source and redirect.
        Exchange e;
        e.httpStatus = 200;
        e.envelope = Protocol::ResponseEnvelope {};
        e.envelope->code = QStringLiteral("D00000");
        e.content = QJsonObject {{QStringLiteral("ticketID"), QStringLiteral("T-1")}};
        QCOMPARE(RequestPresenter(api("auth.profile"), nullptr).answer(e, false, {}).link,
            QStringLiteral("hk.gov.iamsmart.testapp://profile?ticketID=T-1"));
        e.request.plaintext = R"({"redirectURI":"http://127.0.0.1:9/cb","state":"st"})";
        const QString anonymous = RequestPresenter(api("anonymous.sign.initiate"), nullptr).answer(e, false, {}).link;
        QVERIFY2(anonymous.contains(QStringLiteral("ticketID=T-1")) && anonymous.contains(QStringLiteral("source=App_Scheme"))
                && anonymous.contains(QStringLiteral("state=st")),
            qPrintable(anonymous));
        // A gateway answer's url: the link, and a QR page the browser opens.
        Exchange g;
        g.gateway = true;
        g.httpStatus = 200;
        g.content = QJsonObject {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/qr")}};
        const AnswerView a = RequestPresenter(api("gateway.auth"), nullptr).answer(g, false, {});
        QCOMPARE(a.link, QStringLiteral("http://127.0.0.1:9/qr"));
        QCOMPARE(a.openUrl, QStringLiteral("http://127.0.0.1:9/qr"));
        // A transport failure is a status only.
        Exchange t;
        t.errorCode = QStringLiteral("timeout");
        const AnswerView late = RequestPresenter(api("gateway.auth"), nullptr).answer(t, false, {});
        QVERIFY(!late.arrived);
        QCOMPARE(late.status, QStringLiteral("No answer in time."));
    }

    void specificationComesFromTheCatalog()
    {
        const QString html = RequestPresenter::specHtml(api("auth.profile"), Protocol::Language::TraditionalChinese);
        QVERIFY(html.contains(QStringLiteral("<h2>%1</h2>")
                                  .arg(api("auth.profile").label.get(Protocol::Language::TraditionalChinese).toHtmlEscaped())));
        QVERIFY(html.contains(QStringLiteral("<code>POST {baseUrl}/api/v1/account/auth/profile/initiateRequest</code>")));
        QVERIFY(html.contains(QStringLiteral("<a name=\"enum-profileFields\"></a>")));
        QVERIFY(html.contains(QStringLiteral("href=\"iamsmart-api:callback.profile\"")));
        // Every field of the catalog has its row; values are escaped.
        for (const auto& f : api("auth.profile").fields)
            QVERIFY2(html.contains(QStringLiteral("<tr><td><code>%1</code></td>").arg(f.name)), qPrintable(f.name));
        QVERIFY(!html.contains(QStringLiteral("{{")));
        // A browser page has no answer sample; a callback lists the requests that lead to it.
        QVERIFY(!RequestPresenter::specHtml(api("auth.getQR"), Protocol::Language::English).contains(QStringLiteral("<pre>")));
        QVERIFY(RequestPresenter::specHtml(api("callback.auth"), Protocol::Language::English)
                    .contains(QStringLiteral("href=\"iamsmart-api:auth.getQR\"")));
    }

    void browserNoteFollowsTheEnvironment()
    {
        ConsoleSession session;
        connect(session);
        RequestPresenter qr(api("auth.getQR"), &session);
        QVERIFY(qr.playsBrowser());
        QVERIFY(qr.browserNote().startsWith(QStringLiteral("Send opens this page as a browser would")));
        Environment remote = Environment::builtins().at(2);
        session.setEnvironment(remote, {QStringLiteral("c"), "s", {}});
        QVERIFY(!qr.playsBrowser());
        QVERIFY(qr.browserNote().startsWith(QStringLiteral("Send opens this page in your web browser")));
        QCOMPARE(qr.missingEarnedNote({}), QString());
        QVERIFY(qr.missingEarnedNote({QStringLiteral("code"), QStringLiteral("openID")}).startsWith(QStringLiteral("No code, openID from a login")));
    }
};

QTEST_GUILESS_MAIN(TestRequestPresenter)
#include "tst_requestpresenter.moc"
