#include "HttpClient.h"
#include "SimulatorClient.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"
#include "protocol/CodeSamples.h"
#include "protocol/Envelope.h"
#include "protocol/UrlBuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using Protocol::CodeSamples;
using Protocol::SampleLanguage;

/// Code samples: what each contains (body, clientID, URL, headers, no secrets), how each escapes a hostile body,
/// and the Python, JavaScript, cURL and Java samples run for real against the simulator.
class TestCodeSamples : public QObject
{
    Q_OBJECT

private:
    static constexpr auto baseUrl = "http://127.0.0.1:8080";
    static constexpr auto clientId = "edae2e2529ff46228af1e4d18c8405d1";
    // Placed in this process's environment while samples are generated: a sample must never carry them.
    const QByteArray fakeSecret = "s3cr3t-client-secret-DO-NOT-EMBED";
    const QByteArray fakeCekHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    const QByteArray fakeSubscriptionKey = "subscription-key-DO-NOT-EMBED";

    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_strict;
    std::unique_ptr<Mock::Simulator> m_sandbox;
    std::unique_ptr<TestSupport::SimulatorClient> m_client;
    int m_runs = 0;

    static const Protocol::ApiSpec* api(const QString& id) { return Protocol::ApiCatalog::builtin().api(id); }

    static QJsonObject getTokenBody(const QString& code)
    {
        return {{QStringLiteral("code"), code}, {QStringLiteral("grantType"), QStringLiteral("authorization_code")}};
    }

    /// A body whose string literal needs escaping in every language: quotes of both kinds, a backslash, shell
    /// and interpolation characters, a would-be template placeholder, and non-ASCII text.
    static QJsonObject hostileBody()
    {
        return {{QStringLiteral("a"), QStringLiteral("it's \"q\" \\ $x `y` #{z} {{URL}} %s \u4e2d")}};
    }

    static QString compact(const QJsonObject& o) { return QString::fromUtf8(Protocol::RequestEnvelope::compact(o)); }

    struct SampleRun
    {
        bool started = false;
        bool finished = false;
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// Runs a sample as a child process while this thread keeps serving the simulator (never a blocking wait).
    SampleRun runSample(const QString& program, const QStringList& args, int timeoutMs)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* proxy : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
            env.remove(QLatin1String(proxy));
        env.insert(
            QStringLiteral("IAMSMART_CLIENT_SECRET"), QString::fromUtf8(m_strict->clients().devClient().clientSecret));
        env.insert(QStringLiteral("IAMSMART_CEK_HEX"), QString::fromLatin1(m_client->cek().toHex()));
        env.insert(QStringLiteral("IAMSMART_SUBSCRIPTION_KEY"), QStringLiteral("sandbox-subscription-key"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_dir.path());
        p.start(program, args);
        SampleRun r;
        if (!p.waitForStarted(10000))
            return r;
        r.started = true;
        QElapsedTimer t;
        t.start();
        while (p.state() != QProcess::NotRunning && t.elapsed() < timeoutMs)
            QTest::qWait(20);
        r.finished = p.state() == QProcess::NotRunning;
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000); // already killed: returns at once
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static bool hasProgram(const QString& name) { return !QStandardPaths::findExecutable(name).isEmpty(); }

    static bool pythonHasCryptography()
    {
        if (!hasProgram(QStringLiteral("python3")))
            return false;
        QProcess p;
        p.start(QStringLiteral("python3"),
            {QStringLiteral("-c"), QStringLiteral("import cryptography.hazmat.primitives.ciphers.aead")});
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    /// A real one-time authorisation code: getQR over HTTP, then the virtual phone approves.
    QString freshAuthCode()
    {
        Protocol::QrParams q;
        q.clientId = m_client->clientId();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
        q.scope = QStringLiteral("eidapi_auth");
        q.lang = QStringLiteral("en-US");
        q.state = QStringLiteral("samples");
        const auto qr
            = TestSupport::http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_strict->baseUrl(), q)));
        if (qr.status != 303)
            return {};
        QString id;
        for (const Mock::PendingRequest& p : m_strict->pending()) {
            if (p.kind == QLatin1String("auth") && p.status == QLatin1String("pending"))
                id = p.id;
        }
        const auto approved = m_strict->approve(id);
        if (!approved)
            return {};
        const QUrl redirect(approved->value(QStringLiteral("redirect")).toString());
        return QUrlQuery(redirect).queryItemValue(QStringLiteral("code"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(Protocol::ApiCatalog::builtinErrors().isEmpty(), qPrintable(Protocol::ApiCatalog::builtinErrors()));
        qputenv("IAMSMART_CLIENT_SECRET", fakeSecret);
        qputenv("IAMSMART_CEK_HEX", fakeCekHex);
        qputenv("IAMSMART_SUBSCRIPTION_KEY", fakeSubscriptionKey);

        m_strict = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions strict;
        strict.stateDir = m_dir.filePath(QStringLiteral("state"));
        const auto started = m_strict->start(strict);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_client = std::make_unique<TestSupport::SimulatorClient>(*m_strict);
        QVERIFY(m_client->fetchKey());
        QCOMPARE(m_client->cek().size(), 32);

        m_sandbox = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions sandbox;
        sandbox.mode = Mock::Mode::Sandbox;
        sandbox.stateDir = m_dir.filePath(QStringLiteral("sandbox-state"));
        QVERIFY(m_sandbox->start(sandbox).ok());
    }

    void languagesAndNames()
    {
        const QList<SampleLanguage> all = CodeSamples::languages();
        QStringList names;
        for (SampleLanguage l : all)
            names << CodeSamples::displayName(l);
        QCOMPARE(names,
            QStringList({QStringLiteral("cURL"), QStringLiteral("C#"), QStringLiteral("Java"),
                QStringLiteral("JavaScript"), QStringLiteral("Objective-C"), QStringLiteral("PHP"),
                QStringLiteral("Python"), QStringLiteral("Ruby")}));
        QSet<QString> files;
        for (SampleLanguage l : all)
            files.insert(CodeSamples::fileName(l));
        QCOMPARE(files.size(), all.size());
    }

    void onlyRequestApisHaveSamples()
    {
        Protocol::SampleInput in;
        in.baseUrl = QLatin1String(baseUrl);
        in.clientId = QLatin1String(clientId);
        QVERIFY(CodeSamples::generate(SampleLanguage::Python, in).isEmpty()); // no API
        in.api = api(QStringLiteral("auth.getQR"));
        QVERIFY(in.api);
        QVERIFY(CodeSamples::generate(SampleLanguage::Python, in).isEmpty()); // a browser page
        in.api = api(QStringLiteral("callback.profile"));
        QVERIFY(in.api);
        QVERIFY(CodeSamples::generate(SampleLanguage::Curl, in).isEmpty()); // a callback
    }

    void contents_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<bool>("encrypt");
        QTest::addColumn<bool>("subscriptionKey");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");

        const QStringList signedHeaders {QStringLiteral("clientID"), QStringLiteral("signatureMethod"),
            QStringLiteral("timestamp"), QStringLiteral("nonce"), QStringLiteral("signature"),
            QStringLiteral("Content-Type"), QStringLiteral("application/json"), QStringLiteral("HmacSHA256"),
            QStringLiteral("IAMSMART_CLIENT_SECRET")};
        const QString subscriptionHeader = QStringLiteral("Ocp-Apim-Subscription-Key");
        const QString subscriptionVar = QStringLiteral("IAMSMART_SUBSCRIPTION_KEY");
        const QString cekVar = QStringLiteral("IAMSMART_CEK_HEX");
        const QString decrypted = QStringLiteral("Decrypted content");
        for (SampleLanguage l : CodeSamples::languages()) {
            const QByteArray name = CodeSamples::displayName(l).toUtf8();
            QTest::newRow(name + " getToken encrypted+signed")
                << int(l) << QStringLiteral("auth.getToken")
                << getTokenBody(QStringLiteral("0ad186353c424c64897fcc00445c9ba1")) << true << false
                << signedHeaders + QStringList {cekVar, decrypted} << QStringList {subscriptionHeader, subscriptionVar};
            QTest::newRow(name + " getKey signed")
                << int(l) << QStringLiteral("keys.getKey") << QJsonObject() << true << false << signedHeaders
                << QStringList {cekVar, decrypted, subscriptionHeader, subscriptionVar};
            QTest::newRow(name + " sandbox profile plain")
                << int(l) << QStringLiteral("auth.profile") << api(QStringLiteral("auth.profile"))->mockValues()
                << false << true << signedHeaders + QStringList {subscriptionHeader, subscriptionVar}
                << QStringList {cekVar, decrypted};
        }
    }

    void contents()
    {
        QFETCH(int, language);
        QFETCH(QString, apiId);
        QFETCH(QJsonObject, body);
        QFETCH(bool, encrypt);
        QFETCH(bool, subscriptionKey);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        const auto lang = SampleLanguage(language);

        Protocol::SampleInput in;
        in.baseUrl = QLatin1String(baseUrl);
        in.api = api(apiId);
        QVERIFY(in.api);
        in.body = body;
        in.clientId = QLatin1String(clientId);
        in.encrypt = encrypt;
        in.subscriptionKey = subscriptionKey;
        const QString sample = CodeSamples::generate(lang, in);
        QVERIFY(!sample.isEmpty());

        // The body literal: the console's compact JSON, verbatim in every language whose literal needs no
        // escaping for it (raw or single-quoted literals, Java text blocks, C# raw literals); Objective-C
        // escapes the quotes.
        const QString json = compact(body);
        QVERIFY2(!json.contains(QLatin1Char('\'')) && !json.contains(QLatin1Char('\\')), "a plain body for this test");
        QString literal = json;
        if (lang == SampleLanguage::ObjectiveC)
            literal
                = QStringLiteral("@\"") + literal.replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"');
        QVERIFY2(
            sample.contains(literal), qPrintable(QStringLiteral("no body literal %1 in:\n%2").arg(literal, sample)));

        QVERIFY(sample.contains(QLatin1String(clientId)));
        QVERIFY(sample.contains(QLatin1String(baseUrl) + QStringLiteral("/api/v1") + in.api->path));
        QVERIFY(sample.contains(QLatin1String("POST")));
        for (const QString& s : present)
            QVERIFY2(sample.contains(s), qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(s, sample)));
        for (const QString& s : absent)
            QVERIFY2(!sample.contains(s), qPrintable(QStringLiteral("'%1' should not be in:\n%2").arg(s, sample)));
        for (const QByteArray& secret : {fakeSecret, fakeCekHex, fakeSubscriptionKey})
            QVERIFY2(!sample.contains(QString::fromLatin1(secret)), secret.constData());
        QVERIFY2(!sample.contains(QLatin1String("{{")), "an unexpanded template placeholder");
        // Every conditional line went one way or the other.
        QVERIFY(!sample.contains(QLatin1String("{{#")) && !sample.contains(QLatin1String("{{/")));
    }

    void unsignedSamplesNeedNoSecret()
    {
        Protocol::SampleInput in;
        in.baseUrl = QLatin1String(baseUrl);
        in.api = api(QStringLiteral("auth.profile"));
        in.body = in.api->mockValues();
        in.clientId = QLatin1String(clientId);
        in.encrypt = false;
        in.sign = false;
        for (SampleLanguage l : CodeSamples::languages()) {
            const QString sample = CodeSamples::generate(l, in);
            QVERIFY2(!sample.contains(QLatin1String("IAMSMART_CLIENT_SECRET")), qPrintable(sample));
            QVERIFY2(!sample.contains(QLatin1String("IAMSMART_CEK_HEX")), qPrintable(sample));
            // The identifying headers still go out, as RequestEnvelope sends them.
            QVERIFY(sample.contains(QLatin1String("clientID")) && sample.contains(QLatin1String("nonce")));
        }
    }

    void escapesTheBody_data()
    {
        // Regular literals: moc misreads raw strings that contain \".
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("literal");
        // Python, JavaScript, PHP, Ruby: '{"a":"it\'s \\"q\\" \\\\ $x `y` #{z} {{URL}} %s <U+4E2D>"}'
        const QString single
            = QString::fromUtf8("'{\"a\":\"it\\'s \\\\\"q\\\\\" \\\\\\\\ $x `y` #{z} {{URL}} %s 中\"}'");
        // bash: '{"a":"it'\''s \"q\" \\ $x `y` #{z} {{URL}} %s <U+4E2D>"}'
        QTest::newRow("cURL") << int(SampleLanguage::Curl)
                              << QString::fromUtf8("'{\"a\":\"it'\\''s \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s 中\"}'");
        // C# raw literal: """{"a":"it's \"q\" \\ $x `y` #{z} {{URL}} %s <U+4E2D>"}"""
        QTest::newRow("C#") << int(SampleLanguage::CSharp)
                            << QString::fromUtf8(
                                   "\"\"\"{\"a\":\"it's \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s 中\"}\"\"\"");
        // Java text block, ASCII only: {"a":"it's \\"q\\" \\\\ $x `y` #{z} {{URL}} %s \u4e2d"}
        QTest::newRow("Java") << int(SampleLanguage::Java)
                              << QString::fromUtf8("\"\"\"\n            {\"a\":\"it's \\\\\"q\\\\\" \\\\\\\\ $x `y` "
                                                   "#{z} {{URL}} %s \\u4e2d\"}\"\"\"");
        QTest::newRow("JavaScript") << int(SampleLanguage::JavaScript) << single;
        // Objective-C: @"{\"a\":\"it's \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s <U+4E2D>\"}"
        QTest::newRow("Objective-C")
            << int(SampleLanguage::ObjectiveC)
            << QString::fromUtf8("@\"{\\\"a\\\":\\\"it's \\\\\\\"q\\\\\\\" \\\\\\\\ $x `y` #{z} {{URL}} %s 中\\\"}\"");
        QTest::newRow("PHP") << int(SampleLanguage::Php) << single;
        QTest::newRow("Python") << int(SampleLanguage::Python) << single;
        QTest::newRow("Ruby") << int(SampleLanguage::Ruby) << single;
    }

    void escapesTheBody()
    {
        QFETCH(int, language);
        QFETCH(QString, literal);
        QCOMPARE(
            compact(hostileBody()), QString::fromUtf8("{\"a\":\"it's \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s 中\"}"));
        Protocol::SampleInput in;
        in.baseUrl = QLatin1String(baseUrl);
        in.api = api(QStringLiteral("auth.getToken"));
        in.body = hostileBody();
        in.clientId = QLatin1String(clientId);
        const QString sample = CodeSamples::generate(SampleLanguage(language), in);
        QVERIFY2(sample.contains(literal), qPrintable(QStringLiteral("no literal %1 in:\n%2").arg(literal, sample)));
        // The {{URL}} inside the body stayed text: values are never expanded twice.
        QCOMPARE(sample.count(QLatin1String("{{URL}}")), 1);
    }

    void runsAgainstTheSimulator_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("scenario");
        for (SampleLanguage l :
            {SampleLanguage::Python, SampleLanguage::JavaScript, SampleLanguage::Curl, SampleLanguage::Java}) {
            for (const char* scenario : {"getKey", "getToken-bogus-code", "getToken", "sandbox-profile"})
                QTest::newRow(CodeSamples::displayName(l).toUtf8() + ' ' + scenario)
                    << int(l) << QString::fromLatin1(scenario);
        }
    }

    void runsAgainstTheSimulator()
    {
        QFETCH(int, language);
        QFETCH(QString, scenario);
        const auto lang = SampleLanguage(language);

        Protocol::SampleInput in;
        in.baseUrl = m_strict->baseUrl();
        in.clientId = m_client->clientId();
        QString expectCode = QStringLiteral("D00000");
        if (scenario == QLatin1String("getKey")) {
            in.api = api(QStringLiteral("keys.getKey"));
        } else if (scenario == QLatin1String("getToken-bogus-code")) {
            // An unknown code: D40004 means the signature (else D20006) and the encryption (else D30004) were
            // accepted. The hostile extra field (ignored by the server) checks the literal round-trips exactly.
            in.api = api(QStringLiteral("auth.getToken"));
            in.body = getTokenBody(QStringLiteral("0ad186353c424c64897fcc00445c9ba1"));
            in.body.insert(QStringLiteral("note"), hostileBody().value(QStringLiteral("a")));
            expectCode = QStringLiteral("D40004");
        } else if (scenario == QLatin1String("getToken")) {
            in.api = api(QStringLiteral("auth.getToken"));
            const QString code = freshAuthCode();
            QVERIFY2(!code.isEmpty(), "no authorisation code from the simulator");
            in.body = getTokenBody(code);
        } else {
            // The Cyberport-like sandbox: plain JSON both ways, plus the subscription key header.
            in.baseUrl = m_sandbox->baseUrl();
            in.api = api(QStringLiteral("auth.profile"));
            in.body = in.api->mockValues();
            in.body.insert(QStringLiteral("businessID"), QStringLiteral("samples-run-%1").arg(m_runs + 1));
            in.encrypt = false;
            in.subscriptionKey = true;
        }
        QVERIFY(in.api);
        const bool encrypted = in.api->encrypted && in.encrypt;

        QString program;
        QStringList args;
        int timeoutMs = 30000;
        switch (lang) {
        case SampleLanguage::Python:
            program = QStringLiteral("python3");
            if (!hasProgram(program))
                QSKIP("python3 is not installed");
            if (encrypted && !pythonHasCryptography())
                QSKIP("python3 cannot import cryptography (scripts/lib.sh installs python3-cryptography)");
            break;
        case SampleLanguage::JavaScript:
            program = QStringLiteral("node");
            if (!hasProgram(program))
                QSKIP("node is not installed");
            break;
        case SampleLanguage::Curl:
            program = QStringLiteral("bash");
            for (const char* tool : {"bash", "curl", "openssl"}) {
                if (!hasProgram(QLatin1String(tool)))
                    QSKIP(qPrintable(QStringLiteral("%1 is not installed").arg(QLatin1String(tool))));
            }
            if (encrypted && !pythonHasCryptography())
                QSKIP("python3 cannot import cryptography (scripts/lib.sh installs python3-cryptography)");
            break;
        case SampleLanguage::Java:
            program = QStringLiteral("java");
            if (!hasProgram(program))
                QSKIP("java is not installed");
            timeoutMs = 90000; // compiles the source first
            break;
        default:
            QFAIL("no runner for this language");
        }

        const QString sample = CodeSamples::generate(lang, in);
        QVERIFY(!sample.isEmpty());
        // Each run in its own directory (Java names the file after its class).
        const QString dir = m_dir.filePath(QStringLiteral("run%1").arg(++m_runs));
        QVERIFY(QDir().mkpath(dir));
        QFile file(dir + QLatin1Char('/') + CodeSamples::fileName(lang));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sample.toUtf8());
        file.close();
        args << file.fileName();

        const SampleRun r = runSample(program, args, timeoutMs);
        QVERIFY2(r.started, qPrintable(program + QStringLiteral(" did not start")));
        const QString report = QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3\n--- sample\n%4")
                                   .arg(r.exitCode)
                                   .arg(r.out, r.err, sample);
        QVERIFY2(r.finished, qPrintable(QStringLiteral("timed out\n") + report));
        QVERIFY2(r.exitCode == 0, qPrintable(report));
        QVERIFY2(r.out.contains(QStringLiteral("\"code\":\"%1\"").arg(expectCode)), qPrintable(report));

        // What it printed as the body is exactly the console's compact JSON.
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("Request body: ") + compact(in.body)), qPrintable(report));
        if (encrypted) {
            QVERIFY2(r.out.contains(QLatin1String("Encrypted body: {\"content\":\"AAAAD")), qPrintable(report));
            if (expectCode == QLatin1String("D00000")) {
                // The encrypted answer, decrypted by the sample itself with the CEK.
                QVERIFY2(r.out.contains(QLatin1String("Decrypted content: {")), qPrintable(report));
                QVERIFY2(r.out.contains(QLatin1String("\"accessToken\"")), qPrintable(report));
                QVERIFY2(r.out.contains(QLatin1String("\"openID\"")), qPrintable(report));
            }
        } else {
            QVERIFY2(!r.out.contains(QLatin1String("Decrypted content")), qPrintable(report));
        }
    }

    void cleanupTestCase()
    {
        qunsetenv("IAMSMART_CLIENT_SECRET");
        qunsetenv("IAMSMART_CEK_HEX");
        qunsetenv("IAMSMART_SUBSCRIPTION_KEY");
    }
};

QTEST_GUILESS_MAIN(TestCodeSamples)
#include "tst_codesamples.moc"
