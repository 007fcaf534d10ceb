#include "HttpClient.h"
#include "SimulatorClient.h"
#include "crypto/RsaKeys.h"
#include "mock/Simulator.h"
#include "net/HttpServer.h"
#include "protocol/ApiCatalog.h"
#include "protocol/CodeSamples.h"
#include "protocol/Envelope.h"
#include "protocol/UrlBuilder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using Protocol::CodeSamples;
/// Language ids of resources/samples/languages.json.
using SampleLanguage = QString;
namespace Lang {
const QString Curl = QStringLiteral("curl");
const QString CSharp = QStringLiteral("csharp");
const QString Java = QStringLiteral("java");
const QString JavaScript = QStringLiteral("javascript");
const QString ObjectiveC = QStringLiteral("objective-c");
const QString Php = QStringLiteral("php");
const QString Python = QStringLiteral("python");
const QString Ruby = QStringLiteral("ruby");
} // namespace Lang

/// Code samples: what each contains (body, clientID, URL, headers, no secrets), how each escapes a hostile body,
/// and the Python, JavaScript, cURL and Java samples run for real against the simulator. Gateway-family samples
/// (protocol.md 7) run against a small local stand-in server that checks their headers and body and answers a
/// poll with an RSA-OAEP-256 JWE made by python3, and their polls also run against the simulator's gateway, whose
/// results are RSA-OAEP JWEs: the samples must decrypt both.
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

    // A small local server stands in for the gateway where the test must see exactly what the samples send, or
    // answer with a JWE the simulator would not make.
    static constexpr auto gatewayClientId = "fe-samples-client-01";
    std::unique_ptr<Net::HttpServer> m_gateway;
    QByteArray m_gatewayBody; ///< the exact body the next gateway request must carry
    QList<Net::HttpRequest> m_gatewayRequests; ///< every request the stand-in received
    QHash<QString, QString> m_gatewayTokens; ///< issued token -> "pending" or "completed"
    int m_tokensIssued = 0;
    QString m_privateKeyPath; ///< the client's RSA private key, PKCS#8 PEM as the console saves it
    QByteArray m_jwe; ///< a completed poll's `result`: gatewayClaims() encrypted to that key
    QByteArray m_standInResult; ///< what the stand-in's completed poll answers as `result` (normally m_jwe)
    QString m_jweError; ///< why m_jwe could not be made (the runs that need it skip)

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
    /// `overrides` replace environment variables.
    SampleRun runSample(
        const QString& program, const QStringList& args, int timeoutMs, const QHash<QString, QString>& overrides = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* proxy : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
            env.remove(QLatin1String(proxy));
        env.insert(
            QStringLiteral("IAMSMART_CLIENT_SECRET"), QString::fromUtf8(m_strict->clients().devClient().clientSecret));
        env.insert(QStringLiteral("IAMSMART_CEK_HEX"), QString::fromLatin1(m_client->cek().toHex()));
        env.insert(QStringLiteral("IAMSMART_SUBSCRIPTION_KEY"), QStringLiteral("sandbox-subscription-key"));
        env.insert(QStringLiteral("IAMSMART_PRIVATE_KEY"), m_privateKeyPath);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            env.insert(it.key(), it.value());
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

    /// Asked once: python3 can take a second to start.
    static bool pythonHasCryptography()
    {
        static const bool has = [] {
            if (!hasProgram(QStringLiteral("python3")))
                return false;
            QProcess p;
            p.start(QStringLiteral("python3"),
                {QStringLiteral("-c"), QStringLiteral("import cryptography.hazmat.primitives.ciphers.aead")});
            return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        }();
        return has;
    }

    /// How to run a sample in `language`, or why it cannot run here.
    struct Runner
    {
        QString program;
        int timeoutMs = 30000;
        QString missing; ///< non-empty: skip, for this reason
    };

    static Runner runner(SampleLanguage language, bool needsPythonCryptography)
    {
        const QString noCryptography
            = QStringLiteral("python3 cannot import cryptography (scripts/lib.sh installs python3-cryptography)");
        Runner r;
        if (language == Lang::Python) {
            r.program = QStringLiteral("python3");
        } else if (language == Lang::JavaScript) {
            r.program = QStringLiteral("node");
        } else if (language == Lang::Curl) {
            r.program = QStringLiteral("bash");
            for (const char* tool : {"curl", "openssl"}) {
                if (!hasProgram(QLatin1String(tool)))
                    r.missing = QStringLiteral("%1 is not installed").arg(QLatin1String(tool));
            }
        } else if (language == Lang::Java) {
            r.program = QStringLiteral("java");
            r.timeoutMs = 90000; // compiles the source first
        } else {
            r.missing = QStringLiteral("no runner for this language");
            return r;
        }
        if (!hasProgram(r.program))
            r.missing = QStringLiteral("%1 is not installed").arg(r.program);
        else if (r.missing.isEmpty() && needsPythonCryptography && !pythonHasCryptography())
            r.missing = noCryptography;
        return r;
    }

    /// Writes `sample` into a directory of its own (Java names the file after its class) and runs it.
    SampleRun runInOwnDir(SampleLanguage language, const Runner& how, const QString& sample,
        const QHash<QString, QString>& overrides = {})
    {
        const QString dir = m_dir.filePath(QStringLiteral("run%1").arg(++m_runs));
        QDir().mkpath(dir);
        QFile file(dir + QLatin1Char('/') + CodeSamples::fileName(language));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(sample.toUtf8());
        file.close();
        return runSample(how.program, {file.fileName()}, how.timeoutMs, overrides);
    }

    static QString report(const SampleRun& r, const QString& sample)
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3\n--- sample\n%4")
            .arg(r.exitCode)
            .arg(r.out, r.err, sample);
    }

    QByteArray gatewaySecret() const { return m_strict->clients().devClient().clientSecret; }

    /// What a completed poll returns, with non-ASCII text: the samples must print it intact.
    static QByteArray gatewayClaims()
    {
        return QJsonDocument(
            QJsonObject {{QStringLiteral("service"), QStringLiteral("auth")},
                {QStringLiteral("openID"), QStringLiteral("liR14vX5hSum5uf4ERczu0KcDnIJA5BM7FoM1ag9c")},
                {QStringLiteral("enName"), QStringLiteral("CHAN, Tai Man")},
                {QStringLiteral("chName"), QString::fromUtf8("\xe9\x99\xb3\xe5\xa4\xa7\xe6\x96\x87")}})
            .toJson(QJsonDocument::Compact);
    }

    static QByteArray jweHeader()
    {
        return QByteArrayLiteral("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JSON\"}");
    }

    /// The client's key pair (as the console makes it), and the JWE a completed poll returns, made with python3's
    /// cryptography so it does not share code with any sample: RSA-OAEP-256 wraps a random CEK, A256GCM encrypts
    /// gatewayClaims() with the Base64url protected header as its additional authenticated data.
    void makeJwe()
    {
        auto key = Crypto::RsaPrivateKey::generate(2048);
        if (!key) {
            m_jweError = key.error().toString();
            return;
        }
        m_privateKeyPath = m_dir.filePath(QStringLiteral("gateway-client-key.pem"));
        QFile pem(m_privateKeyPath);
        if (!pem.open(QIODevice::WriteOnly)) {
            m_jweError = pem.errorString();
            return;
        }
        pem.write(key->toPem());
        pem.close();
        if (!pythonHasCryptography()) {
            m_jweError = QStringLiteral("python3 cannot import cryptography to make the test's JWE");
            return;
        }
        static const char* const script = R"PY(
import base64, os, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
with open(sys.argv[1], "rb") as pem:
    public_key = serialization.load_pem_private_key(pem.read(), password=None).public_key()
protected = b64url(sys.argv[2].encode("utf-8"))
cek, iv = os.urandom(32), os.urandom(12)
oaep = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
sealed = AESGCM(cek).encrypt(iv, sys.stdin.buffer.read(), protected.encode("ascii"))
parts = [protected, b64url(public_key.encrypt(cek, oaep)), b64url(iv), b64url(sealed[:-16]), b64url(sealed[-16:])]
sys.stdout.write(".".join(parts))
)PY";
        QProcess p;
        p.start(QStringLiteral("python3"),
            {QStringLiteral("-c"), QString::fromLatin1(script), m_privateKeyPath, QString::fromLatin1(jweHeader())});
        p.write(gatewayClaims());
        p.closeWriteChannel();
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_jweError = QString::fromUtf8(p.readAllStandardError());
            return;
        }
        m_jwe = p.readAllStandardOutput();
    }

    static QByteArray base64Url(const QByteArray& data)
    {
        return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }

    /// A JWT-shaped token (three Base64url parts, as the catalog's pattern wants) in `state`.
    QString issueGatewayToken(const QString& state)
    {
        const QByteArray n = QByteArray::number(++m_tokensIssued);
        const QString token = QString::fromLatin1(base64Url(R"({"alg":"HS256","typ":"JWT"})") + '.'
            + base64Url(R"({"sub":"samples","n":)" + n + '}') + '.' + base64Url(QByteArray(32, 'k') + n));
        m_gatewayTokens.insert(token, state);
        return token;
    }

    static Net::HttpResponse gatewayError(
        int status, const QString& error, const QString& message, const QString& field)
    {
        const QJsonObject o {
            {QStringLiteral("error"), error}, {QStringLiteral("message"), message}, {QStringLiteral("field"), field}};
        return Net::HttpResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
    }

    /// The stand-in gateway: POST only, both client headers, JSON content type, exactly the expected body; auth
    /// issues a token, the poll answers 202 pending or 200 with the JWE (once: then the token is gone).
    Net::HttpResponse serveGateway(const Net::HttpRequest& r)
    {
        m_gatewayRequests.append(r);
        if (r.method != "POST")
            return gatewayError(405, QStringLiteral("method"), QStringLiteral("POST only"), QStringLiteral("method"));
        if (r.header("x-client-id") != gatewayClientId)
            return gatewayError(
                401, QStringLiteral("unauthorized"), QStringLiteral("unknown client"), QStringLiteral("x-client-id"));
        if (r.header("x-client-secret") != gatewaySecret())
            return gatewayError(
                401, QStringLiteral("unauthorized"), QStringLiteral("wrong secret"), QStringLiteral("x-client-secret"));
        if (r.header("Content-Type") != "application/json")
            return gatewayError(400, QStringLiteral("bad-request"), QStringLiteral("not application/json"),
                QStringLiteral("Content-Type"));
        if (r.body != m_gatewayBody)
            return gatewayError(
                400, QStringLiteral("bad-request"), QStringLiteral("not the expected body"), QStringLiteral("body"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (r.path == "/iamsmart/v2/request/auth") {
            const QString token = issueGatewayToken(QStringLiteral("completed"));
            const QJsonObject o {{QStringLiteral("token"), token},
                {QStringLiteral("url"), m_gateway->baseUrl() + QStringLiteral("/qr/%1").arg(m_tokensIssued)},
                {QStringLiteral("state"), QStringLiteral("samples")}};
            return Net::HttpResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        if (r.path == "/iamsmart/v2/callback/client") {
            const QString token = body.value(QStringLiteral("token")).toString();
            const auto state = m_gatewayTokens.constFind(token);
            if (state == m_gatewayTokens.constEnd())
                return gatewayError(
                    401, QStringLiteral("unauthorized"), QStringLiteral("unknown token"), QStringLiteral("token"));
            if (*state == QLatin1String("pending"))
                return Net::HttpResponse::json(202, QByteArrayLiteral("{\"status\":\"pending\"}"));
            m_gatewayTokens.remove(token); // the data is deleted after the first successful poll
            const QJsonObject o {{QStringLiteral("status"), QStringLiteral("completed")},
                {QStringLiteral("service"), QStringLiteral("auth")},
                {QStringLiteral("result"), QString::fromLatin1(m_standInResult)}};
            return Net::HttpResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        return gatewayError(404, QStringLiteral("not-found"), QStringLiteral("no such path"), QStringLiteral("path"));
    }

    /// A token from the stand-in's auth endpoint, over HTTP as any client would get it.
    QString obtainGatewayToken()
    {
        const QJsonObject body = api(QStringLiteral("gateway.auth"))->mockValues();
        m_gatewayBody = Protocol::RequestEnvelope::compact(body);
        const auto reply = TestSupport::http("POST", m_gateway->baseUrl() + QStringLiteral("/iamsmart/v2/request/auth"),
            m_gatewayBody,
            {{"x-client-id", gatewayClientId}, {"x-client-secret", gatewaySecret()},
                {"Content-Type", "application/json"}});
        if (reply.status != 200)
            return {};
        return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("token")).toString();
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

        m_gateway = std::make_unique<Net::HttpServer>();
        m_gateway->setHandler([this](const Net::HttpRequest& r) { return serveGateway(r); });
        QVERIFY(m_gateway->listen(QHostAddress::LocalHost, 0).ok());
        makeJwe();
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
        QVERIFY(CodeSamples::generate(Lang::Python, in).isEmpty()); // no API
        in.api = api(QStringLiteral("auth.getQR"));
        QVERIFY(in.api);
        QVERIFY(CodeSamples::generate(Lang::Python, in).isEmpty()); // a browser page
        in.api = api(QStringLiteral("callback.profile"));
        QVERIFY(in.api);
        QVERIFY(CodeSamples::generate(Lang::Curl, in).isEmpty()); // a callback
        in.api = api(QStringLiteral("callback.gateway"));
        QVERIFY(in.api);
        QVERIFY(CodeSamples::generate(Lang::JavaScript, in).isEmpty()); // the gateway's redirect
    }

    void contents_data()
    {
        QTest::addColumn<QString>("language");
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
                << l << QStringLiteral("auth.getToken")
                << getTokenBody(QStringLiteral("0ad186353c424c64897fcc00445c9ba1")) << true << false
                << signedHeaders + QStringList {cekVar, decrypted} << QStringList {subscriptionHeader, subscriptionVar};
            QTest::newRow(name + " getKey signed")
                << l << QStringLiteral("keys.getKey") << QJsonObject() << true << false << signedHeaders
                << QStringList {cekVar, decrypted, subscriptionHeader, subscriptionVar};
            QTest::newRow(name + " sandbox profile plain")
                << l << QStringLiteral("auth.profile") << api(QStringLiteral("auth.profile"))->mockValues()
                << false << true << signedHeaders + QStringList {subscriptionHeader, subscriptionVar}
                << QStringList {cekVar, decrypted};
        }
    }

    void contents()
    {
        QFETCH(QString, language);
        QFETCH(QString, apiId);
        QFETCH(QJsonObject, body);
        QFETCH(bool, encrypt);
        QFETCH(bool, subscriptionKey);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        const auto lang = language;

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
        if (lang == Lang::ObjectiveC)
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
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("literal");
        // Python, JavaScript, PHP, Ruby: '{"a":"it\'s \\"q\\" \\\\ $x `y` #{z} {{URL}} %s <U+4E2D>"}'
        const QString single
            = QString::fromUtf8("'{\"a\":\"it\\'s \\\\\"q\\\\\" \\\\\\\\ $x `y` #{z} {{URL}} %s 中\"}'");
        // bash: '{"a":"it'\''s \"q\" \\ $x `y` #{z} {{URL}} %s <U+4E2D>"}'
        QTest::newRow("cURL") << Lang::Curl
                              << QString::fromUtf8("'{\"a\":\"it'\\''s \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s 中\"}'");
        // C# raw literal: """{"a":"it's \"q\" \\ $x `y` #{z} {{URL}} %s <U+4E2D>"}"""
        QTest::newRow("C#") << Lang::CSharp
                            << QString::fromUtf8(
                                   "\"\"\"{\"a\":\"it's \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s 中\"}\"\"\"");
        // Java text block, ASCII only: {"a":"it's \\"q\\" \\\\ $x `y` #{z} {{URL}} %s \u4e2d"}
        QTest::newRow("Java") << Lang::Java
                              << QString::fromUtf8("\"\"\"\n            {\"a\":\"it's \\\\\"q\\\\\" \\\\\\\\ $x `y` "
                                                   "#{z} {{URL}} %s \\u4e2d\"}\"\"\"");
        QTest::newRow("JavaScript") << Lang::JavaScript << single;
        // Objective-C: @"{\"a\":\"it's \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s <U+4E2D>\"}"
        QTest::newRow("Objective-C")
            << Lang::ObjectiveC
            << QString::fromUtf8("@\"{\\\"a\\\":\\\"it's \\\\\\\"q\\\\\\\" \\\\\\\\ $x `y` #{z} {{URL}} %s 中\\\"}\"");
        QTest::newRow("PHP") << Lang::Php << single;
        QTest::newRow("Python") << Lang::Python << single;
        QTest::newRow("Ruby") << Lang::Ruby << single;
    }

    void escapesTheBody()
    {
        QFETCH(QString, language);
        QFETCH(QString, literal);
        QCOMPARE(
            compact(hostileBody()), QString::fromUtf8("{\"a\":\"it's \\\"q\\\" \\\\ $x `y` #{z} {{URL}} %s 中\"}"));
        Protocol::SampleInput in;
        in.baseUrl = QLatin1String(baseUrl);
        in.api = api(QStringLiteral("auth.getToken"));
        in.body = hostileBody();
        in.clientId = QLatin1String(clientId);
        const QString sample = CodeSamples::generate(language, in);
        QVERIFY2(sample.contains(literal), qPrintable(QStringLiteral("no literal %1 in:\n%2").arg(literal, sample)));
        // The {{URL}} inside the body stayed text: values are never expanded twice.
        QCOMPARE(sample.count(QLatin1String("{{URL}}")), 1);
    }

    void runsAgainstTheSimulator_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("scenario");
        for (SampleLanguage l :
            {Lang::Python, Lang::JavaScript, Lang::Curl, Lang::Java}) {
            for (const char* scenario : {"getKey", "getKey-extras", "getToken-bogus-code", "getToken", "sandbox-profile"})
                QTest::newRow(CodeSamples::displayName(l).toUtf8() + ' ' + scenario)
                    << l << QString::fromLatin1(scenario);
        }
    }

    void runsAgainstTheSimulator()
    {
        QFETCH(QString, language);
        QFETCH(QString, scenario);
        const auto lang = language;

        Protocol::SampleInput in;
        in.baseUrl = m_strict->baseUrl();
        in.clientId = m_client->clientId();
        QString expectCode = QStringLiteral("D00000");
        if (scenario == QLatin1String("getKey")) {
            in.api = api(QStringLiteral("keys.getKey"));
        } else if (scenario == QLatin1String("getKey-extras")) {
            // Try it's added header and query parameter (issue 16), with a value every language must quote.
            in.api = api(QStringLiteral("keys.getKey"));
            in.extras.headers = {{QStringLiteral("X-Explore"), QStringLiteral("a \"b\" 'c' $HOME \\ %s #{x} @x")}};
            in.extras.query = {{QStringLiteral("trace"), QStringLiteral("on & off")}};
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

        const Runner how
            = runner(lang, encrypted && lang != Lang::JavaScript && lang != Lang::Java);
        if (!how.missing.isEmpty())
            QSKIP(qPrintable(how.missing));
        const QString sample = CodeSamples::generate(lang, in);
        QVERIFY(!sample.isEmpty());
        const SampleRun r = runInOwnDir(lang, how, sample);
        QVERIFY2(r.started, qPrintable(how.program + QStringLiteral(" did not start")));
        const QString report = TestCodeSamples::report(r, sample);
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

    void gatewayContents_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QStringList>("decryption"); ///< what shows the JWE is decrypted (poll only)
        const QMap<SampleLanguage, QStringList> decryption {
            // Both algs, the OAEP digest (and MGF1's) taken from the header's alg: SHA-1 or SHA-256.
            {Lang::Curl,
                {QStringLiteral("base64 -d"), QStringLiteral("openssl pkeyutl -decrypt"),
                    QStringLiteral("'RSA-OAEP A256GCM') JWE_DIGEST=sha1"),
                    QStringLiteral("'RSA-OAEP-256 A256GCM') JWE_DIGEST=sha256"),
                    QStringLiteral("-pkeyopt \"rsa_oaep_md:$JWE_DIGEST\" -pkeyopt \"rsa_mgf1_md:$JWE_DIGEST\""),
                    QStringLiteral("AESGCM(cek).decrypt("), QStringLiteral("header.encode(\"ascii\")")}},
            {Lang::CSharp,
                {QStringLiteral("\"RSA-OAEP\" => RSAEncryptionPadding.OaepSHA1"),
                    QStringLiteral("\"RSA-OAEP-256\" => RSAEncryptionPadding.OaepSHA256"),
                    QStringLiteral("key.Decrypt(Base64Url(parts[1]), oaep)"), QStringLiteral("new AesGcm(cek, 16)"),
                    QStringLiteral("Encoding.ASCII.GetBytes(parts[0])"), QStringLiteral("ImportFromPem")}},
            {Lang::Java,
                {QStringLiteral("algName.equals(\"RSA-OAEP\")"), QStringLiteral("algName.equals(\"RSA-OAEP-256\")"),
                    QStringLiteral("new OAEPParameterSpec(\"SHA-1\", \"MGF1\", MGF1ParameterSpec.SHA1"),
                    QStringLiteral("new OAEPParameterSpec(\"SHA-256\", \"MGF1\", MGF1ParameterSpec.SHA256"),
                    QStringLiteral("AES/GCM/NoPadding"),
                    QStringLiteral("updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII))"),
                    QStringLiteral("PKCS8EncodedKeySpec")}},
            {Lang::JavaScript,
                {QStringLiteral("RSA_PKCS1_OAEP_PADDING"),
                    QStringLiteral("new Map([['RSA-OAEP', 'sha1'], ['RSA-OAEP-256', 'sha256']]).get(fields.alg)"),
                    QStringLiteral("'aes-256-gcm'"), QStringLiteral("setAAD(Buffer.from(protectedHeader, 'ascii'))"),
                    QStringLiteral("createPrivateKey")}},
            {Lang::ObjectiveC,
                {QStringLiteral("isEqual:@\"RSA-OAEP\"]"), QStringLiteral("digest = EVP_sha1()"),
                    QStringLiteral("isEqual:@\"RSA-OAEP-256\"]"), QStringLiteral("digest = EVP_sha256()"),
                    QStringLiteral("EVP_PKEY_CTX_set_rsa_oaep_md(rsa, digest)"),
                    QStringLiteral("EVP_PKEY_CTX_set_rsa_mgf1_md(rsa, digest)"), QStringLiteral("EVP_aes_256_gcm()"),
                    QStringLiteral("PEM_read_bio_PrivateKey")}},
            {Lang::Php,
                {QStringLiteral("$alg === 'RSA-OAEP'"),
                    QStringLiteral(
                        "openssl_private_decrypt($encryptedKey, $cek, $privateKey, OPENSSL_PKCS1_OAEP_PADDING);"),
                    QStringLiteral("$alg === 'RSA-OAEP-256'"), QStringLiteral("OPENSSL_PKCS1_OAEP_PADDING, 'sha256'"),
                    QStringLiteral("'aes-256-gcm'"), QStringLiteral("PHP_VERSION_ID < 80500"),
                    QStringLiteral("web-token/jwt-library")}},
            {Lang::Python,
                {QStringLiteral("{'RSA-OAEP': hashes.SHA1, 'RSA-OAEP-256': hashes.SHA256}"),
                    QStringLiteral("padding.OAEP(mgf=padding.MGF1(algorithm=digest()), algorithm=digest()"),
                    QStringLiteral("AESGCM(cek).decrypt("), QStringLiteral("protected.encode('ascii')"),
                    QStringLiteral("load_pem_private_key")}},
            {Lang::Ruby,
                {QStringLiteral("{ 'RSA-OAEP' => 'sha1', 'RSA-OAEP-256' => 'sha256' }[fields['alg']]"),
                    QStringLiteral("'rsa_oaep_md' => digest"), QStringLiteral("'rsa_mgf1_md' => digest"),
                    QStringLiteral("aes-256-gcm"), QStringLiteral("cipher.auth_data = parts[0]"),
                    QStringLiteral("OpenSSL::PKey.read")}},
        };
        for (SampleLanguage l : CodeSamples::languages()) {
            const QByteArray name = CodeSamples::displayName(l).toUtf8();
            QTest::newRow(name + " gateway.auth") << l << QStringLiteral("gateway.auth") << QStringList();
            QTest::newRow(name + " gateway.poll") << l << QStringLiteral("gateway.poll") << decryption.value(l);
        }
    }

    void gatewayContents()
    {
        QFETCH(QString, language);
        QFETCH(QString, apiId);
        QFETCH(QStringList, decryption);
        const auto lang = language;
        const bool poll = apiId == QLatin1String("gateway.poll");

        Protocol::SampleInput in;
        in.baseUrl = QLatin1String(baseUrl) + QLatin1Char('/'); // a trailing slash is not doubled
        in.api = api(apiId);
        QVERIFY(in.api && in.api->isGateway());
        in.body = poll ? QJsonObject {{QStringLiteral("token"), QStringLiteral("aGVhZGVy.Y2xhaW1z.c2ln")}}
                       : in.api->mockValues();
        in.clientId = QLatin1String(gatewayClientId);
        in.subscriptionKey = true; // a Cyberport sandbox setting: the gateway ignores it
        const QString sample = CodeSamples::generate(lang, in);
        QVERIFY(!sample.isEmpty());
        const auto says = [&sample](const QString& s) {
            return sample.contains(s) ? QString() : QStringLiteral("'%1' missing from:\n%2").arg(s, sample);
        };
        const auto never = [&sample](const QString& s) {
            return !sample.contains(s) ? QString() : QStringLiteral("'%1' should not be in:\n%2").arg(s, sample);
        };

        // The URL: the gateway path right under the base URL, no /api/v1.
        const QString url = QLatin1String(baseUrl) + in.api->path;
        QVERIFY2(says(url).isEmpty(), qPrintable(says(url)));
        QVERIFY2(never(QStringLiteral("/api/v1")).isEmpty(), qPrintable(never(QStringLiteral("/api/v1"))));
        QVERIFY2(never(QStringLiteral("8080//")).isEmpty(), qPrintable(never(QStringLiteral("8080//"))));
        // The exact compact body, as the language writes it.
        QString literal = compact(in.body);
        if (lang == Lang::ObjectiveC)
            literal
                = QStringLiteral("@\"") + literal.replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"');
        QVERIFY2(says(literal).isEmpty(), qPrintable(says(literal)));

        QStringList present {QStringLiteral("x-client-id"), QStringLiteral("x-client-secret"),
            QStringLiteral("IAMSMART_CLIENT_SECRET"), QStringLiteral("Content-Type"),
            QStringLiteral("application/json"), QLatin1String(gatewayClientId), QStringLiteral("POST"),
            QStringLiteral("(POST %1)").arg(in.api->path)};
        // Nothing of the signed iAM Smart envelope, and no subscription key.
        QStringList absent {QStringLiteral("clientID"), QStringLiteral("signatureMethod"), QStringLiteral("HmacSHA256"),
            QStringLiteral("nonce"), QStringLiteral("timestamp"), QStringLiteral("IAMSMART_CEK_HEX"),
            QStringLiteral("Ocp-Apim-Subscription-Key"), QStringLiteral("IAMSMART_SUBSCRIPTION_KEY"),
            QStringLiteral("Decrypted content")};
        const QStringList jwe {QStringLiteral("IAMSMART_PRIVATE_KEY"), QStringLiteral("RSA-OAEP"),
            QStringLiteral("RSA-OAEP-256"), QStringLiteral("A256GCM"), QStringLiteral("JWE header:"),
            QStringLiteral("Decrypted result:"), QStringLiteral("expected alg RSA-OAEP or RSA-OAEP-256")};
        if (poll) {
            present += jwe + decryption;
            // The header's alg decides; no sample insists on one of the two.
            absent << QStringLiteral("made with RSA-OAEP-256 and") << QStringLiteral("expected alg RSA-OAEP-256 and")
                   << QStringLiteral("JWE (RSA-OAEP-256 + A256GCM)");
        } else {
            absent += jwe;
        }
        for (const QString& s : std::as_const(present))
            QVERIFY2(says(s).isEmpty(), qPrintable(says(s)));
        for (const QString& s : std::as_const(absent))
            QVERIFY2(never(s).isEmpty(), qPrintable(never(s)));
        // The secret is read at run time, never embedded (this process has fake values in its environment).
        for (const QByteArray& secret : {fakeSecret, fakeCekHex, fakeSubscriptionKey})
            QVERIFY2(!sample.contains(QString::fromLatin1(secret)), secret.constData());
        QVERIFY2(!sample.contains(QLatin1String("{{")), "an unexpanded template placeholder");
    }

    void gatewaySamplesRun_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("scenario");
        // poll: the python-made RSA-OAEP-256 JWE (the simulator's RSA-OAEP ones: gatewayPollAgainstSimulator);
        // poll-other-alg: a JWE whose header names another alg, which the sample refuses.
        for (SampleLanguage l : {Lang::Python, Lang::JavaScript, Lang::Curl}) {
            for (const char* scenario : {"auth", "auth-wrong-secret", "poll", "poll-pending", "poll-other-alg"})
                QTest::newRow(CodeSamples::displayName(l).toUtf8() + ' ' + scenario)
                    << l << QString::fromLatin1(scenario);
        }
        // javax.crypto's OAEP and GCM, once (the JVM is slow to start).
        QTest::newRow("Java poll") << Lang::Java << QStringLiteral("poll");
    }

    void gatewaySamplesRun()
    {
        QFETCH(QString, language);
        QFETCH(QString, scenario);
        const auto lang = language;
        const bool poll = scenario.startsWith(QLatin1String("poll"));
        if (poll && m_jwe.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no JWE for the poll: ") + m_jweError));
        const Runner how = runner(lang, poll && lang != Lang::JavaScript && lang != Lang::Java);
        if (!how.missing.isEmpty())
            QSKIP(qPrintable(how.missing));

        Protocol::SampleInput in;
        in.baseUrl = m_gateway->baseUrl();
        in.clientId = QLatin1String(gatewayClientId);
        QString token;
        if (poll) {
            token = obtainGatewayToken();
            QVERIFY2(!token.isEmpty(), "no token from the stand-in's auth endpoint");
            if (scenario == QLatin1String("poll-pending"))
                m_gatewayTokens.insert(token, QStringLiteral("pending"));
            in.api = api(QStringLiteral("gateway.poll"));
            in.body = {{QStringLiteral("token"), token}};
        } else {
            in.api = api(QStringLiteral("gateway.auth"));
            in.body = in.api->mockValues();
            in.body.insert(QStringLiteral("lang"), QStringLiteral("zh-HK"));
        }
        QVERIFY(in.api);
        m_gatewayBody = Protocol::RequestEnvelope::compact(in.body);
        m_gatewayRequests.clear();
        QHash<QString, QString> overrides;
        if (scenario == QLatin1String("auth-wrong-secret"))
            overrides.insert(QStringLiteral("IAMSMART_CLIENT_SECRET"), QStringLiteral("not-the-secret"));
        // The other-alg JWE: the same parts under a header that says RSA1_5 (refused before any unwrapping).
        const QByteArray otherAlgHeader = R"({"alg":"RSA1_5","enc":"A256GCM"})";
        m_standInResult = scenario == QLatin1String("poll-other-alg")
            ? base64Url(otherAlgHeader) + m_jwe.mid(m_jwe.indexOf('.'))
            : m_jwe;

        const QString sample = CodeSamples::generate(lang, in);
        QVERIFY(!sample.isEmpty());
        const SampleRun r = runInOwnDir(lang, how, sample, overrides);
        QVERIFY2(r.started, qPrintable(how.program + QStringLiteral(" did not start")));
        const QString report = TestCodeSamples::report(r, sample);
        QVERIFY2(r.finished, qPrintable(QStringLiteral("timed out\n") + report));
        if (scenario == QLatin1String("poll-other-alg")) {
            // It printed the answer, then refused the JWE with a message naming the algs it takes.
            QVERIFY2(r.exitCode != 0, qPrintable(report));
            QVERIFY2(r.out.contains(QString::fromLatin1(m_standInResult)), qPrintable(report));
            QVERIFY2(r.err.contains(QLatin1String("expected alg RSA-OAEP or RSA-OAEP-256")), qPrintable(report));
        } else {
            QVERIFY2(r.exitCode == 0, qPrintable(report));
        }
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("Request body: ") + compact(in.body)), qPrintable(report));

        // What reached the server: one POST to the gateway path (no /api/v1), both client headers, JSON, the body.
        QCOMPARE(m_gatewayRequests.size(), 1);
        const Net::HttpRequest& got = m_gatewayRequests.first();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(QString::fromLatin1(got.path), in.api->path);
        QCOMPARE(got.header("x-client-id"), QByteArray(gatewayClientId));
        QCOMPARE(got.header("x-client-secret"),
            scenario == QLatin1String("auth-wrong-secret") ? QByteArray("not-the-secret") : gatewaySecret());
        QCOMPARE(got.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(got.body, m_gatewayBody);
        for (const char* header : {"clientID", "signature", "nonce", "Ocp-Apim-Subscription-Key"})
            QVERIFY2(!got.hasHeader(header), header);

        if (scenario == QLatin1String("auth")) {
            QVERIFY2(lines.contains(QStringLiteral("HTTP 200")), qPrintable(report));
            QVERIFY2(r.out.contains(QLatin1String("\"token\":\"eyJ")), qPrintable(report));
        } else if (scenario == QLatin1String("auth-wrong-secret")) {
            // The secret comes from the environment at run time: another value, another answer.
            QVERIFY2(lines.contains(QStringLiteral("HTTP 401")), qPrintable(report));
            QVERIFY2(r.out.contains(QLatin1String("\"field\":\"x-client-secret\"")), qPrintable(report));
        } else if (scenario == QLatin1String("poll-pending")) {
            QVERIFY2(lines.contains(QStringLiteral("HTTP 202")), qPrintable(report));
            QVERIFY2(lines.contains(QStringLiteral("{\"status\":\"pending\"}")), qPrintable(report));
        } else if (scenario == QLatin1String("poll-other-alg")) {
            QVERIFY2(lines.contains(QStringLiteral("HTTP 200")), qPrintable(report));
        } else {
            QVERIFY2(lines.contains(QStringLiteral("HTTP 200")), qPrintable(report));
            QVERIFY2(r.out.contains(QString::fromLatin1(m_jwe)), qPrintable(report));
            // The sample decrypted the JWE itself, with the private key from IAMSMART_PRIVATE_KEY.
            QVERIFY2(
                lines.contains(QStringLiteral("JWE header: ") + QString::fromLatin1(jweHeader())), qPrintable(report));
            QVERIFY2(lines.contains(QStringLiteral("Decrypted result: ") + QString::fromUtf8(gatewayClaims())),
                qPrintable(report));
            QVERIFY2(!m_gatewayTokens.contains(token), "the completed result was not collected");
        }
        if (scenario != QLatin1String("poll"))
            QVERIFY2(!r.out.contains(QLatin1String("Decrypted result")), qPrintable(report));
    }

    void gatewayPollAgainstSimulator_data()
    {
        QTest::addColumn<QString>("language");
        for (SampleLanguage l :
            {Lang::Python, Lang::JavaScript, Lang::Curl, Lang::Java})
            QTest::newRow(CodeSamples::displayName(l).toUtf8()) << l;
    }

    /// The poll sample against the simulator's gateway (its JWE: RSA-OAEP, i.e. SHA-1, + A256GCM, as
    /// Crypto::Jose makes it): a real login per run, since a successful poll deletes the result.
    void gatewayPollAgainstSimulator()
    {
        QFETCH(QString, language);
        const auto lang = language;
        const Runner how = runner(lang, lang == Lang::Python || lang == Lang::Curl);
        if (!how.missing.isEmpty())
            QSKIP(qPrintable(how.missing));

        // gateway.auth over HTTP with the dev client's credentials, then the virtual phone approves.
        const Mock::RegisteredClient& dev = m_strict->clients().devClient();
        QJsonObject authBody = api(QStringLiteral("gateway.auth"))->mockValues();
        authBody.insert(QStringLiteral("redirect"), QStringLiteral("http://127.0.0.1:9/callback/gateway"));
        const auto auth = TestSupport::http("POST", m_strict->baseUrl() + QStringLiteral("/iamsmart/v2/request/auth"),
            Protocol::RequestEnvelope::compact(authBody),
            {{"x-client-id", dev.clientId.toUtf8()}, {"x-client-secret", dev.clientSecret},
                {"Content-Type", "application/json"}});
        QVERIFY2(auth.status == 200, auth.body.constData());
        const QJsonObject started = QJsonDocument::fromJson(auth.body).object();
        const QString token = started.value(QStringLiteral("token")).toString();
        const QString state = started.value(QStringLiteral("state")).toString();
        QVERIFY(!token.isEmpty() && !state.isEmpty());
        QString pendingId;
        for (const Mock::PendingRequest& p : m_strict->pending()) {
            if (p.state == state && p.status == QLatin1String("pending"))
                pendingId = p.id;
        }
        QVERIFY2(!pendingId.isEmpty(), "the login is not waiting on the phone");
        const auto approved = m_strict->approve(pendingId);
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().toString()));

        Protocol::SampleInput in;
        in.baseUrl = m_strict->baseUrl();
        in.api = api(QStringLiteral("gateway.poll"));
        QVERIFY(in.api);
        in.clientId = dev.clientId;
        in.body = {{QStringLiteral("token"), token}};
        const QString sample = CodeSamples::generate(lang, in);
        QVERIFY(!sample.isEmpty());
        QSignalSpy issued(m_strict.get(), &Mock::Simulator::gatewayResultIssued);
        // The dev client's secret is already in the sample's environment; its key opens the simulator's JWEs.
        const SampleRun r
            = runInOwnDir(lang, how, sample, {{QStringLiteral("IAMSMART_PRIVATE_KEY"), dev.kekPrivateKeyPath}});
        QVERIFY2(r.started, qPrintable(how.program + QStringLiteral(" did not start")));
        const QString report = TestCodeSamples::report(r, sample);
        QVERIFY2(r.finished, qPrintable(QStringLiteral("timed out\n") + report));
        QVERIFY2(r.exitCode == 0, qPrintable(report));

        // The simulator answered once with its JWE; the sample printed it and what it decrypted to.
        QCOMPARE(issued.size(), 1);
        const QByteArray claims = issued.first().at(1).toByteArray();
        const QByteArray jwe = issued.first().at(2).toByteArray();
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("HTTP 200")), qPrintable(report));
        QVERIFY2(r.out.contains(QString::fromLatin1(jwe)), qPrintable(report));
        const QByteArray header = QByteArray::fromBase64(jwe.left(jwe.indexOf('.')), QByteArray::Base64UrlEncoding);
        QCOMPARE(QJsonDocument::fromJson(header).object().value(QStringLiteral("alg")).toString(),
            QStringLiteral("RSA-OAEP"));
        QVERIFY2(lines.contains(QStringLiteral("JWE header: ") + QString::fromUtf8(header)), qPrintable(report));
        QVERIFY2(lines.contains(QStringLiteral("Decrypted result: ") + QString::fromUtf8(claims)), qPrintable(report));
        // The login's claims: the service and the user's openID for this client.
        const QString openId = QJsonDocument::fromJson(claims)
                                   .object()
                                   .value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("openID"))
                                   .toString();
        QVERIFY2(!openId.isEmpty(), claims.constData());
        QVERIFY2(r.out.contains(QLatin1String("\"service\":\"auth\"")), qPrintable(report));
        QVERIFY2(r.out.contains(QStringLiteral("\"openID\":\"%1\"").arg(openId)), qPrintable(report));

        // The result is gone after that first successful poll.
        const auto again
            = TestSupport::http("POST", m_strict->baseUrl() + in.api->path, Protocol::RequestEnvelope::compact(in.body),
                {{"x-client-id", dev.clientId.toUtf8()}, {"x-client-secret", dev.clientSecret},
                    {"Content-Type", "application/json"}});
        QCOMPARE(again.status, 410);
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
