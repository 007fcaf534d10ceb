#include "TestSupport.h"
#include "crypto/AesGcmCipher.h"
#include "crypto/HmacSigner.h"
#include "crypto/KeyWrap.h"
#include "crypto/RsaKeys.h"
#include "net/HttpMessage.h"
#include "util/RequestStamp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

/// The habits of real integrators' clients, each row one way a client builds a request, sent as exact bytes over
/// loopback to `iamsmart mock` and `iamsmart listen`: form-encoded and percent-encoded queries, parameter orders,
/// boolean spellings, empty / {} / absent bodies, header case, nonces with and without dashes, Content-Type with a
/// charset, chunked bodies, HTTP/1.0 without keep-alive. Each row expects what the canonical request gets, or the
/// specific code the protocol gives.
///
/// The servers are the project's binaries, run as processes, so the suite can be pointed at another build:
/// IAMSMART_HABITS_BIN=/path/to/build/bin (default: this build's bin directory).
class TestClientHabits : public QObject
{
    Q_OBJECT

private:
    struct Server
    {
        QProcess process;
        QJsonObject ready;
        quint16 port = 0;
        QString base;
    };
    struct Reply
    {
        int status = 0;
        QByteArray head;
        QByteArray body;
        bool closed = false; ///< the server closed the connection after its answer
        QByteArray header(const QByteArray& name) const
        {
            for (const QByteArray& line : head.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                    return line.mid(colon + 1).trimmed();
            }
            return {};
        }
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    QTemporaryDir m_dir;
    Server m_mock; ///< default codes (32 hex digits)
    Server m_mockBase64; ///< --code-style base64
    Server m_listen;
    bool m_base64Started = false;
    QString m_clientId;
    QByteArray m_secret;
    Crypto::RsaPrivateKey m_kek;
    Util::TimestampSource m_stamps;
    Util::NonceGenerator m_nonces;
    int m_counter = 0;

    static QString binDir() { return qEnvironmentVariable("IAMSMART_HABITS_BIN", QStringLiteral(IAMSMART_BIN_DIR)); }

    static bool start(Server& s, const QStringList& args)
    {
        s.process.start(binDir() + QStringLiteral("/iamsmart"), args);
        if (!s.process.waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!s.process.canReadLine() && t.elapsed() < 30000 && s.process.state() == QProcess::Running)
            s.process.waitForReadyRead(200);
        if (!s.process.canReadLine()) {
            qWarning() << args << s.process.readAllStandardError();
            return false;
        }
        s.ready = QJsonDocument::fromJson(s.process.readLine()).object();
        s.base = s.ready.value(QStringLiteral("baseUrl")).toString();
        s.port = quint16(QUrl(s.base).port());
        return s.port != 0;
    }

    static void stop(Server& s)
    {
        if (s.process.state() == QProcess::NotRunning)
            return;
        s.process.terminate();
        if (!s.process.waitForFinished(5000)) {
            s.process.kill();
            s.process.waitForFinished();
        }
    }

    QString unique(const QString& prefix) { return prefix + QString::number(++m_counter); }

    /// A request as exact bytes. `framing`: "length" (Content-Length), "chunked" (Transfer-Encoding, 5-byte chunks),
    /// "absent" (neither: no body at all) or "http/1.0" (HTTP/1.0, Content-Length, no Connection header).
    static QByteArray request(const QByteArray& method, const QByteArray& target, quint16 port, const Headers& headers,
        const QByteArray& body, const QByteArray& framing)
    {
        const bool http10 = framing == "http/1.0";
        QByteArray out = method + ' ' + target + (http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        out += "Host: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
        for (const auto& h : headers)
            out += h.first + ": " + h.second + "\r\n";
        if (framing == "chunked") {
            out += "Transfer-Encoding: chunked\r\n\r\n";
            for (qsizetype i = 0; i < body.size(); i += 5) {
                const QByteArray chunk = body.mid(i, 5);
                out += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
            }
            return out + "0\r\n\r\n";
        }
        if (framing == "absent")
            return out + "\r\n";
        if (method == "POST" || !body.isEmpty())
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        return out + "\r\n" + body;
    }

    /// Sends `raw` on a fresh connection and reads one answer (Content-Length framed, as our servers send).
    /// With `awaitClose`, also waits for the server to close the connection.
    static Reply exchange(quint16 port, const QByteArray& raw, bool awaitClose = false)
    {
        Reply r;
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (!s.waitForConnected(5000))
            return r;
        s.write(raw);
        QByteArray got;
        qsizetype headEnd = -1;
        qint64 length = -1;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 15000) {
            got += s.readAll();
            if (headEnd < 0 && (headEnd = got.indexOf("\r\n\r\n")) >= 0) {
                r.head = got.left(headEnd);
                r.status = r.head.split(' ').value(1).toInt();
                length = r.header("Content-Length").toLongLong();
            }
            if (headEnd >= 0 && got.size() >= headEnd + 4 + length)
                break;
            if (s.state() != QAbstractSocket::ConnectedState && s.bytesAvailable() == 0)
                break;
            s.waitForReadyRead(100);
        }
        r.body = got.mid(headEnd + 4, length);
        if (awaitClose)
            r.closed = s.state() != QAbstractSocket::ConnectedState || s.waitForDisconnected(5000);
        return r;
    }

    static QByteArray nonceOf(const QByteArray& style, Util::NonceGenerator& ours)
    {
        const QByteArray uuid = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        if (style == "uuid") // Node's crypto.randomUUID(), Java's UUID.randomUUID()
            return uuid;
        if (style == "uuid-nodash")
            return QUuid::createUuid().toByteArray(QUuid::Id128);
        if (style == "too-long")
            return uuid + 'x';
        return ours.next().toLatin1();
    }

    /// The four signed headers and clientID, named in one of the ways clients spell them.
    Headers signedHeaders(const QByteArray& headerCase, const QByteArray& nonceStyle, const QByteArray& signedBody,
        const QByteArray& method = Crypto::HmacSigner::method)
    {
        QList<QByteArray> names {"clientID", "signatureMethod", "timestamp", "nonce", "signature"};
        if (headerCase == "lower") {
            for (QByteArray& n : names)
                n = n.toLower();
        } else if (headerCase == "upper") {
            for (QByteArray& n : names)
                n = n.toUpper();
        } else if (headerCase == "Pascal") {
            names = {"ClientID", "SignatureMethod", "Timestamp", "Nonce", "Signature"};
        }
        const qint64 ts = m_stamps.next(m_clientId);
        const QByteArray nonce = nonceOf(nonceStyle, m_nonces);
        const auto sig = Crypto::HmacSigner::sign(m_clientId, m_secret, ts, QString::fromLatin1(nonce), signedBody);
        return {{names[0], m_clientId.toUtf8()}, {names[1], method}, {names[2], QByteArray::number(ts)},
            {names[3], nonce}, {names[4], headerCase == "plain-signature" ? sig.base64 : sig.headerValue}};
    }

    /// A canonical signed POST of `body` (what our own client sends).
    Reply post(const Server& server, const QByteArray& path, const QByteArray& body)
    {
        Headers h = signedHeaders("canonical", "ours", body);
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return exchange(server.port, request("POST", path, server.port, h, body, "length"));
    }

    /// getKey, then the CEK unwrapped with the dev client's KEK private key.
    QByteArray fetchCek(const Server& server)
    {
        const Reply r = post(server, "/api/v1/security/getKey", "{}");
        const QByteArray secretKey = r.json()
                                         .value(QStringLiteral("content"))
                                         .toObject()
                                         .value(QStringLiteral("secretKey"))
                                         .toString()
                                         .toLatin1();
        return Crypto::KeyWrap::unwrap(m_kek, secretKey).valueOr({});
    }

    /// `{"content": …}` with `plain` encrypted under `cek`.
    static QByteArray encrypted(const QByteArray& cek, const QByteArray& plain)
    {
        return "{\"content\":\"" + Crypto::AesGcmCipher::encrypt(cek, plain).valueOr({}) + "\"}";
    }

    QByteArray listenerRedirect() const
    {
        return QUrl::toPercentEncoding(m_listen.base + QStringLiteral("/callback/auth"));
    }

    /// The canonical getQR query (what UrlBuilder sends) for `state`.
    QByteArray canonicalQuery(const QByteArray& state, const QByteArray& scope = "eidapi_auth%20eidapi_profiles")
    {
        return "clientID=" + m_clientId.toUtf8() + "&responseType=code&source=PC_Browser&redirectURI="
            + listenerRedirect() + "&scope=" + scope + "&lang=en-US&state=" + state;
    }

    QJsonObject pendingWithState(const Server& server, const QString& state)
    {
        const Reply r = exchange(server.port, request("GET", "/__mock/pending", server.port, Headers {}, {}, "length"));
        for (const QJsonValue& v : QJsonDocument::fromJson(r.body).array()) {
            if (v.toObject().value(QStringLiteral("state")).toString() == state)
                return v.toObject();
        }
        return {};
    }

    /// The phone approves the request with `state`; returns the browser redirect.
    QString approve(const Server& server, const QString& state)
    {
        const QJsonObject pending = pendingWithState(server, state);
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("id"), pending.value(QStringLiteral("id"))}}).toJson();
        const Reply r = exchange(server.port,
            request("POST", "/__mock/approve", server.port, {{"Content-Type", "application/json"}}, body, "length"));
        return r.json().value(QStringLiteral("redirect")).toString();
    }

    /// A value of a query we produced (percent-encoded, no literal '+').
    static QString queryValue(const QString& url, const QString& name)
    {
        return QUrlQuery(QUrl(url).query(QUrl::FullyEncoded)).queryItemValue(name, QUrl::FullyDecoded);
    }

    /// A login through getQR (canonical) and the phone; returns a fresh authorisation code.
    QString freshCode(const Server& server)
    {
        const QByteArray state = unique(QStringLiteral("code")).toLatin1();
        const Reply qr = exchange(
            server.port, request("GET", "/api/v1/auth/getQR?" + canonicalQuery(state), server.port, {}, {}, "length"));
        if (qr.status != 303)
            return {};
        return queryValue(approve(server, QString::fromLatin1(state)), QStringLiteral("code"));
    }

    /// The listener's next JSON line (one per request it receives).
    QJsonObject nextCallback()
    {
        QElapsedTimer t;
        t.start();
        while (!m_listen.process.canReadLine() && t.elapsed() < 10000)
            m_listen.process.waitForReadyRead(100);
        return QJsonDocument::fromJson(m_listen.process.readLine()).object();
    }

    static QString htmlTitle(const QByteArray& html)
    {
        const qsizetype from = html.indexOf("<title>") + 7;
        return QString::fromUtf8(html.mid(from, html.indexOf("</title>") - from));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(start(m_mock, {QStringLiteral("mock"), QStringLiteral("--state-dir"), state}));
        // The same dev client, issuing Base64 codes with '+', '/' and '=' (checked by the rows that use it, so that
        // the other rows still run against a build without the option).
        m_base64Started = start(m_mockBase64,
            {QStringLiteral("mock"), QStringLiteral("--state-dir"), state, QStringLiteral("--code-style"),
                QStringLiteral("base64")});
        QVERIFY(start(m_listen, {QStringLiteral("listen")}));
        const QJsonObject client = m_mock.ready.value(QStringLiteral("client")).toObject();
        m_clientId = client.value(QStringLiteral("clientID")).toString();
        m_secret = client.value(QStringLiteral("clientSecret")).toString().toUtf8();
        auto kek = Crypto::RsaPrivateKey::fromFile(client.value(QStringLiteral("kekPrivateKey")).toString());
        QVERIFY(kek);
        m_kek = kek.value();
        if (m_base64Started)
            QCOMPARE(m_mockBase64.ready.value(QStringLiteral("client")).toObject().value(QStringLiteral("clientID")),
                client.value(QStringLiteral("clientID")));
    }

    /// The one query reader both servers use, on its own.
    void formQuery_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("+ is a space") << QByteArray("scope=eidapi_auth+eidapi_profiles") << QStringLiteral("scope")
                                      << QStringLiteral("eidapi_auth eidapi_profiles");
        QTest::newRow("%20 is a space") << QByteArray("scope=eidapi_auth%20eidapi_profiles") << QStringLiteral("scope")
                                        << QStringLiteral("eidapi_auth eidapi_profiles");
        QTest::newRow("%2B is a plus") << QByteArray("code=a%2Bb") << QStringLiteral("code") << QStringLiteral("a+b");
        QTest::newRow("%2b is a plus") << QByteArray("code=a%2bb") << QStringLiteral("code") << QStringLiteral("a+b");
        QTest::newRow("escaped delimiters")
            << QByteArray("a=1&v=x%26y%3Dz&b=2") << QStringLiteral("v") << QStringLiteral("x&y=z");
        QTest::newRow("+ in a name") << QByteArray("my+key=1") << QStringLiteral("my key") << QStringLiteral("1");
        QTest::newRow("UTF-8") << QByteArray("name=%E6%99%BA%E6%96%B9%E4%BE%BF+caf%C3%A9") << QStringLiteral("name")
                               << QStringLiteral("智方便 café");
        QTest::newRow("bare / and =") << QByteArray("code=ab/c==&s=1") << QStringLiteral("code")
                                      << QStringLiteral("ab/c==");
    }

    void formQuery()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QCOMPARE(Net::formQuery(query).queryItemValue(key, QUrl::FullyDecoded), value);
        Net::HttpRequest request;
        request.query = query;
        QCOMPARE(request.queryValue(key), value);
    }

    /// getQR as browsers are sent to it: `query` with {client}, {redirect} (percent-encoded listener URL) and {state}.
    void getQrQueries_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("framing");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code"); ///< D-code on the error page; empty for the QR page (303)
        QTest::addColumn<QString>("detail"); ///< what the error page must say

        const QByteArray tail = "&responseType=code&source=PC_Browser&redirectURI={redirect}&lang=en-US&state={state}";
        QTest::newRow("percent-encoded spaces (our clients, curl, JavaScript encodeURIComponent)")
            << "clientID={client}" + tail + "&scope=eidapi_auth%20eidapi_profiles" << QByteArray("length") << 303
            << QString() << QString();
        QTest::newRow("form-encoded spaces (Java URLEncoder, Python urlencode, PHP, .NET)")
            << "clientID={client}" + tail + "&scope=eidapi_auth+eidapi_profiles" << QByteArray("length") << 303
            << QString() << QString();
        QTest::newRow("form-encoded, three scopes")
            << "clientID={client}" + tail + "&scope=eidapi_auth+eidapi_profiles+eidapi_formFilling"
            << QByteArray("length") << 303 << QString() << QString();
        QTest::newRow("parameters in the client's own order")
            << QByteArray("state={state}&scope=eidapi_auth%20eidapi_profiles&lang=en-US&redirectURI={redirect}"
                          "&source=PC_Browser&responseType=code&clientID={client}")
            << QByteArray("length") << 303 << QString() << QString();
        QTest::newRow("the Java helper as a whole: own order, form encoding, brokerPage=False")
            << QByteArray("redirectURI={redirect}&clientID={client}&source=PC_Browser&state={state}&responseType=code"
                          "&brokerPage=False&lang=zh-HK&scope=eidapi_auth+eidapi_profiles")
            << QByteArray("length") << 303 << QString() << QString();
        QTest::newRow("redirectURI with lower-case escapes")
            << "clientID={client}" + QByteArray(tail).replace("{redirect}", "{redirect-lower}") + "&scope=eidapi_auth"
            << QByteArray("length") << 303 << QString() << QString();
        QTest::newRow("redirectURI not encoded at all")
            << QByteArray("clientID={client}&responseType=code&source=PC_Browser&redirectURI={redirect-raw}"
                          "&scope=eidapi_auth&state={state}")
            << QByteArray("length") << 303 << QString() << QString();
        for (const char* spelling : {"true", "false", "True", "False", "TRUE", "FALSE"})
            QTest::addRow("brokerPage=%s", spelling)
                << "clientID={client}" + tail + "&scope=eidapi_auth&brokerPage=" + spelling << QByteArray("length")
                << 303 << QString() << QString();
        QTest::newRow("brokerPage empty (as not sent)")
            << "clientID={client}" + tail + "&scope=eidapi_auth&brokerPage=" << QByteArray("length") << 303 << QString()
            << QString();
        for (const char* spelling : {"yes", "1", "on"})
            QTest::addRow("brokerPage=%s is refused", spelling)
                << "clientID={client}" + tail + "&scope=eidapi_auth&brokerPage=" + spelling << QByteArray("length")
                << 400 << QStringLiteral("D20003")
                << QStringLiteral("brokerPage: '%1' is not a boolean; accepted: true or false")
                       .arg(QLatin1String(spelling));
        QTest::newRow("%2B is a plus, not a space: refused scope")
            << "clientID={client}" + tail + "&scope=eidapi_auth%2Beidapi_profiles" << QByteArray("length") << 400
            << QStringLiteral("D20003") << QStringLiteral("invalid parameter scope");
        QTest::newRow("responseType missing")
            << QByteArray("clientID={client}&source=PC_Browser&redirectURI={redirect}&scope=eidapi_auth")
            << QByteArray("length") << 400 << QStringLiteral("D20001")
            << QStringLiteral("parameter responseType is missing");
        QTest::newRow("HTTP/1.0 without keep-alive")
            << "clientID={client}" + tail + "&scope=eidapi_auth%20eidapi_profiles" << QByteArray("http/1.0") << 303
            << QString() << QString();
    }

    void getQrQueries()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, framing);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, detail);
        const QByteArray state = unique(QStringLiteral("qr")).toLatin1();
        const QString redirect = m_listen.base + QStringLiteral("/callback/auth");
        query.replace("{client}", m_clientId.toUtf8())
            .replace("{redirect-lower}", QUrl::toPercentEncoding(redirect).toLower())
            .replace("{redirect-raw}", redirect.toUtf8())
            .replace("{redirect}", listenerRedirect())
            .replace("{state}", state);
        const Reply r = exchange(m_mock.port,
            request("GET", "/api/v1/auth/getQR?" + query, m_mock.port, {{"Accept", "text/html"}}, {}, framing),
            framing == "http/1.0");
        QVERIFY2(r.status == status, r.head + "\n\n" + r.body);
        if (status == 303) {
            QVERIFY(r.header("Location").startsWith("/__mock/qr/"));
            const QJsonObject pending = pendingWithState(m_mock, QString::fromLatin1(state));
            QCOMPARE(pending.value(QStringLiteral("kind")).toString(), QStringLiteral("auth"));
            QCOMPARE(pending.value(QStringLiteral("redirectURI")).toString(), redirect);
            const QString scope
                = pending.value(QStringLiteral("request")).toObject().value(QStringLiteral("scope")).toString();
            QVERIFY2(!scope.contains(QLatin1Char('+')), qPrintable(scope));
        } else {
            QCOMPARE(htmlTitle(r.body), code);
            QVERIFY2(QString::fromUtf8(r.body).contains(detail.toHtmlEscaped()), r.body.constData());
        }
        if (framing == "http/1.0") {
            QCOMPARE(r.header("Connection").toLower(), QByteArray("close"));
            QVERIFY(r.closed);
        }
    }

    /// Signed POSTs as clients send them. `body` is sent as is; "@token" stands for getToken's encrypted body, built
    /// from `plain` with a fresh code in place of @code.
    void signedPosts_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("contentType"); ///< empty: no Content-Type header
        QTest::addColumn<QByteArray>("framing");
        QTest::addColumn<QByteArray>("headerCase");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("signedOver"); ///< "=": the bytes sent
        QTest::addColumn<QByteArray>("method"); ///< signatureMethod
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("detail");

        const QByteArray getKey = "/api/v1/security/getKey";
        const QByteArray revokeKey = "/api/v1/security/revokeKey";
        const QByteArray getToken = "/api/v1/auth/getToken";
        const QByteArray json = "application/json";
        const QByteArray token = "{\"code\":\"@code\",\"grantType\":\"authorization_code\"}";
        auto row = [&](const char* name, const QByteArray& path, const QByteArray& body, const QByteArray& contentType,
                       const QByteArray& framing = "length", const QByteArray& headerCase = "canonical",
                       const QByteArray& nonce = "ours", const QByteArray& plain = {}, int status = 200,
                       const QString& code = QStringLiteral("D00000"), const QString& detail = {},
                       const QByteArray& signedOver = "=", const QByteArray& method = Crypto::HmacSigner::method) {
            QTest::newRow(name) << path << body << plain << contentType << framing << headerCase << nonce << signedOver
                                << method << status << code << detail;
        };
        // Field-less APIs: any of the empty bodies, with or without Content-Type.
        row("getKey {} (our clients)", getKey, "{}", json);
        row("getKey empty body, JSON Content-Type (Java HttpClient)", getKey, "", json);
        row("getKey empty body, no Content-Type", getKey, "", {});
        row("getKey without a body at all (Node)", getKey, "", {}, "absent");
        row("getKey {} without Content-Type", getKey, "{}", {});
        row("getKey { } with a space", getKey, "{ }", json);
        row("getKey {} with a newline (echo | curl)", getKey, "{}\n", json);
        row("getKey Content-Type with ; charset=utf-8", getKey, "{}", "application/json; charset=utf-8");
        row("getKey Content-Type ;charset=UTF-8 (Spring)", getKey, "{}", "application/json;charset=UTF-8");
        row("getKey Content-Type in capitals", getKey, "{}", "Application/JSON");
        row("getKey chunked {}", getKey, "{}", json, "chunked");
        row("getKey chunked, no bytes", getKey, "", json, "chunked");
        row("getKey HTTP/1.0 without keep-alive", getKey, "{}", json, "http/1.0");
        row("getKey headers in lower case (clientid)", getKey, "{}", json, "length", "lower");
        row("getKey headers in Pascal case (ClientID)", getKey, "{}", json, "length", "Pascal");
        row("getKey headers in capitals", getKey, "{}", json, "length", "upper");
        row("getKey signature as plain Base64, not URL-encoded", getKey, "{}", json, "length", "plain-signature");
        row("getKey UUID nonce with dashes (Node, Java)", getKey, "{}", json, "length", "canonical", "uuid");
        row("getKey UUID nonce without dashes", getKey, "{}", json, "length", "canonical", "uuid-nodash");
        row("revokeKey {}", revokeKey, "{}", json);
        row("revokeKey empty body", revokeKey, "", json);
        row("revokeKey without a body at all", revokeKey, "", {}, "absent");
        // Any other body is still checked; refusals name what is wrong.
        row("getKey body that is not JSON is refused", getKey, "key please", json, "length", "canonical", "ours", {},
            400, QStringLiteral("D20003"), QStringLiteral("invalid request body"));
        row("getKey body that is a JSON array is refused", getKey, "[]", json, "length", "canonical", "ours", {}, 400,
            QStringLiteral("D20003"), QStringLiteral("invalid request body: not a JSON object"));
        row("getKey nonce of 37 characters is refused", getKey, "{}", json, "length", "canonical", "too-long", {}, 200,
            QStringLiteral("D20003"), QStringLiteral("nonce"));
        row("getKey signed over an empty body but sent {}", getKey, "{}", json, "length", "canonical", "ours", {}, 200,
            QStringLiteral("D20006"), QStringLiteral("signature verification failed"), "");
        row("getKey signatureMethod in lower case is refused", getKey, "{}", json, "length", "canonical", "ours", {},
            200, QStringLiteral("D20005"), QStringLiteral("hmacsha256"), "=", "hmacsha256");
        row("getKey sent as a form (curl -d) is refused", getKey, "{}", "application/x-www-form-urlencoded", "length",
            "canonical", "ours", {}, 415, QStringLiteral("D20003"), QStringLiteral("Content-Type"));
        // getToken: the encrypted body as clients build it.
        row("getToken (our clients)", getToken, "@token", json, "length", "canonical", "ours", token);
        row("getToken fields in the other order", getToken, "@token", json, "length", "canonical", "ours",
            "{\"grantType\":\"authorization_code\",\"code\":\"@code\"}");
        row("getToken JSON with spaces (Python json.dumps)", getToken, "@token", json, "length", "canonical", "ours",
            "{\"code\": \"@code\", \"grantType\": \"authorization_code\"}");
        row("getToken Content-Type with ; charset=utf-8", getToken, "@token", "application/json; charset=utf-8",
            "length", "canonical", "ours", token);
        row("getToken chunked", getToken, "@token", json, "chunked", "canonical", "ours", token);
        row("getToken HTTP/1.0 without keep-alive", getToken, "@token", json, "http/1.0", "canonical", "ours", token);
        row("getToken headers in lower case, UUID nonce", getToken, "@token", json, "length", "lower", "uuid", token);
        row("getToken headers in Pascal case, nonce without dashes", getToken, "@token", json, "length", "Pascal",
            "uuid-nodash", token);
        row("getToken grantType in capitals is refused", getToken, "@token", json, "length", "canonical", "ours",
            "{\"code\":\"@code\",\"grantType\":\"AUTHORIZATION_CODE\"}", 200, QStringLiteral("D20003"),
            QStringLiteral("grantType"));
    }

    void signedPosts()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, framing);
        QFETCH(QByteArray, headerCase);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, signedOver);
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, detail);

        QByteArray cek;
        if (body == "@token") {
            const QString authCode = freshCode(m_mock);
            QVERIFY(!authCode.isEmpty());
            cek = fetchCek(m_mock);
            QCOMPARE(cek.size(), 32);
            body = encrypted(cek, plain.replace("@code", authCode.toUtf8()));
        }
        Headers headers = signedHeaders(headerCase, nonce, signedOver == "=" ? body : signedOver, method);
        if (!contentType.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), contentType));
        const Reply r
            = exchange(m_mock.port, request("POST", path, m_mock.port, headers, body, framing), framing == "http/1.0");
        QVERIFY2(r.status == status, r.head + "\n\n" + r.body);
        const QJsonObject answer = r.json();
        QVERIFY2(answer.value(QStringLiteral("code")).toString() == code, r.body.constData());
        if (!detail.isEmpty())
            QVERIFY2(answer.value(QStringLiteral("message")).toString().contains(detail), r.body.constData());
        if (code == QLatin1String("D00000") && path.endsWith("getKey"))
            QVERIFY(!answer.value(QStringLiteral("content"))
                         .toObject()
                         .value(QStringLiteral("secretKey"))
                         .toString()
                         .isEmpty());
        if (code == QLatin1String("D00000") && path.endsWith("getToken")) {
            const auto content
                = Crypto::AesGcmCipher::decrypt(cek, answer.value(QStringLiteral("content")).toString().toLatin1());
            QVERIFY(content);
            QCOMPARE(QJsonDocument::fromJson(content.value()).object().value(QStringLiteral("tokenType")).toString(),
                QStringLiteral("Bearer"));
        }
        if (framing == "http/1.0")
            QVERIFY(r.closed);
    }

    /// What arrives at the listener: browser returns (GET) and callbacks (POST), as senders encode them.
    void listenerRequests_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("framing");
        QTest::addColumn<QString>("field"); ///< the content field checked
        QTest::addColumn<QString>("value"); ///< its decoded value
        QTest::addColumn<QString>("problem"); ///< a shape problem that must be reported; empty: none at all

        const QString b64 = QStringLiteral("+/ab9Z==");
        auto get = [](const char* name, const QByteArray& target, const QString& field, const QString& value,
                       const QString& problem = {}, const QByteArray& framing = "length") {
            QTest::newRow(name) << QByteArray("GET") << target << QByteArray() << QByteArray() << framing << field
                                << value << problem;
        };
        get("auth code, percent-encoded (our simulator, browsers)", "/callback/auth?code=%2B%2Fab9Z%3D%3D&state=s1",
            QStringLiteral("code"), b64);
        get("auth code, lower-case escapes", "/callback/auth?code=%2b%2fab9Z%3d%3d&state=s1", QStringLiteral("code"),
            b64);
        get("auth code, / and = left as they are", "/callback/auth?code=%2B/ab9Z==&state=s1", QStringLiteral("code"),
            b64);
        get("auth state first", "/callback/auth?state=s1&code=%2B%2Fab9Z%3D%3D", QStringLiteral("code"), b64);
        get("auth code with a bare + reads a space (form rules): flagged", "/callback/auth?code=+/ab9Z==&state=s1",
            QStringLiteral("code"), QStringLiteral(" /ab9Z=="), QStringLiteral("invalid parameter code"));
        get("auth error_code", "/callback/auth?error_code=D40001&state=s1", QStringLiteral("error_code"),
            QStringLiteral("D40001"));
        get("auth code over HTTP/1.0", "/callback/auth?code=%2B%2Fab9Z%3D%3D&state=s1", QStringLiteral("code"), b64, {},
            "http/1.0");
        get("direct login code and RefID", "/callback/direct-login?RefID=ref-1&code=%2B%2Fab9Z%3D%3D",
            QStringLiteral("code"), b64);
        get("gateway return (service, code, state, source)",
            "/callback/gateway?service=auth&code=abc_DEF-1&state=g1&source=PC_Browser", QStringLiteral("code"),
            QStringLiteral("abc_DEF-1"));

        const QByteArray callback = "{\"txID\":\"T=1\",\"code\":\"D00000\",\"message\":\"SUCCESS\",\"content\":"
                                    "{\"businessID\":\"b-1\",\"state\":\"s1\",\"idNo\":{\"Identification\":\"A123456\","
                                    "\"CheckDigit\":\"3\"}}}";
        auto post = [&](const char* name, const QByteArray& contentType, const QByteArray& framing) {
            QTest::newRow(name) << QByteArray("POST") << QByteArray("/callback/profile") << callback << contentType
                                << framing << QStringLiteral("businessID") << QStringLiteral("b-1") << QString();
        };
        post("profile callback (plain JSON, sandbox style)", "application/json", "length");
        post("profile callback with ; charset=utf-8", "application/json; charset=utf-8", "length");
        post("profile callback chunked", "application/json", "chunked");
        post("profile callback over HTTP/1.0", "application/json", "http/1.0");
    }

    void listenerRequests()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, framing);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        Headers headers;
        if (!contentType.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), contentType));
        const Reply r = exchange(
            m_listen.port, request(method, target, m_listen.port, headers, body, framing), framing == "http/1.0");
        const QJsonObject record = nextCallback();
        QVERIFY2(!record.isEmpty(), r.head.constData());
        QCOMPARE(r.status, 200);
        QCOMPARE(record.value(QStringLiteral("httpStatus")).toInt(), 200);
        QCOMPARE(record.value(QStringLiteral("errorCode")).toString(), QString());
        QCOMPARE(record.value(QStringLiteral("content")).toObject().value(field).toString(), value);
        const QJsonArray problems = record.value(QStringLiteral("shapeProblems")).toArray();
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), QJsonDocument(problems).toJson().constData());
        } else {
            QVERIFY2(problems.size() == 1 && problems.first().toString().contains(problem),
                QJsonDocument(problems).toJson().constData());
        }
        if (framing == "http/1.0")
            QVERIFY(r.closed);
    }

    /// The acceptance journey: a form-encoded scope leads to the QR page, the phone approves, the browser takes the
    /// code to the listener, and getToken accepts it; with hex codes and with Base64 codes carrying + / =.
    void formEncodedLoginEndToEnd_data()
    {
        QTest::addColumn<bool>("base64");
        QTest::newRow("hex codes") << false;
        QTest::newRow("base64 codes (--code-style base64)") << true;
    }

    void formEncodedLoginEndToEnd()
    {
        QFETCH(bool, base64);
        QVERIFY2(!base64 || m_base64Started, "iamsmart mock --code-style base64 did not start");
        const Server& mock = base64 ? m_mockBase64 : m_mock;
        const QByteArray state = unique(QStringLiteral("e2e")).toLatin1();
        const QByteArray query = "scope=eidapi_auth+eidapi_profiles&state=" + state + "&lang=zh-HK&clientID="
            + m_clientId.toUtf8() + "&redirectURI=" + listenerRedirect() + "&source=PC_Browser&responseType=code";
        const Reply qr
            = exchange(mock.port, request("GET", "/api/v1/auth/getQR?" + query, mock.port, {}, {}, "length"));
        QVERIFY2(qr.status == 303, qr.body.constData());
        const QByteArray location = qr.header("Location");
        const Reply page = exchange(mock.port, request("GET", location, mock.port, {}, {}, "length"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("id=\"qr\""));

        const QString redirect = approve(mock, QString::fromLatin1(state));
        QVERIFY2(redirect.startsWith(m_listen.base + QStringLiteral("/callback/auth?")), qPrintable(redirect));
        const QString code = queryValue(redirect, QStringLiteral("code"));
        if (base64) {
            QVERIFY2(code.size() == 24 && code.contains(QLatin1Char('+')) && code.contains(QLatin1Char('/'))
                    && code.endsWith(QLatin1String("==")),
                qPrintable(code));
            // On the wire the code's '+' is %2B: a bare '+' would read as a space.
            QVERIFY2(!QUrl(redirect).query(QUrl::FullyEncoded).contains(QLatin1Char('+')), qPrintable(redirect));
        } else {
            QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(code).hasMatch());
        }
        // The QR page now sends the browser on to the same place.
        const Reply after = exchange(mock.port, request("GET", location, mock.port, {}, {}, "length"));
        QCOMPARE(after.status, 302);
        QCOMPARE(QString::fromUtf8(after.header("Location")), redirect);

        // The browser follows the redirect to the listener with the exact bytes of the Location.
        const QUrl url(redirect);
        const QByteArray target = url.path(QUrl::FullyEncoded).toUtf8() + '?' + url.query(QUrl::FullyEncoded).toUtf8();
        const Reply back = exchange(m_listen.port, request("GET", target, m_listen.port, {}, {}, "length"));
        QCOMPARE(back.status, 200);
        const QJsonObject record = nextCallback();
        QCOMPARE(record.value(QStringLiteral("content")).toObject().value(QStringLiteral("code")).toString(), code);
        QCOMPARE(record.value(QStringLiteral("state")).toString(), QString::fromLatin1(state));
        QVERIFY(record.value(QStringLiteral("shapeProblems")).toArray().isEmpty());

        // getToken with the code the listener read.
        const QByteArray cek = fetchCek(mock);
        QCOMPARE(cek.size(), 32);
        const QByteArray plain = QJsonDocument(QJsonObject {{QStringLiteral("code"), code},
                                                   {QStringLiteral("grantType"), QStringLiteral("authorization_code")}})
                                     .toJson(QJsonDocument::Compact);
        const Reply token = post(mock, "/api/v1/auth/getToken", encrypted(cek, plain));
        QVERIFY2(
            token.json().value(QStringLiteral("code")).toString() == QLatin1String("D00000"), token.body.constData());
        const auto content
            = Crypto::AesGcmCipher::decrypt(cek, token.json().value(QStringLiteral("content")).toString().toLatin1());
        QVERIFY(content);
        QCOMPARE(QJsonDocument::fromJson(content.value()).object().value(QStringLiteral("scope")).toString(),
            QStringLiteral("eidapi_auth eidapi_profiles"));
        // A code is good once.
        const Reply again = post(mock, "/api/v1/auth/getToken", encrypted(cek, plain));
        QCOMPARE(again.json().value(QStringLiteral("code")).toString(), QStringLiteral("D40004"));
    }

    /// The console's own login flow (the runner, its listener and getToken) with Base64 codes.
    void runnerLoginWithBase64Codes()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(binDir() + QStringLiteral("/iamsmart"),
            {QStringLiteral("run"), QStringLiteral("login"), QStringLiteral("--mock"), QStringLiteral("--code-style"),
                QStringLiteral("base64")});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("PASS") && out.contains("auth.getToken"), out.constData());
    }

    void codeStyleUsage()
    {
        const auto mock = TestSupport::run(binDir() + QStringLiteral("/iamsmart"),
            {QStringLiteral("mock"), QStringLiteral("--code-style"), QStringLiteral("base32")});
        QCOMPARE(mock.exitCode, 2);
        QVERIFY2(mock.err.contains("--code-style: 'base32' is not hex or base64"), mock.err.constData());
        QVERIFY(m_base64Started);
        QCOMPARE(m_mockBase64.ready.value(QStringLiteral("codeStyle")).toString(), QStringLiteral("base64"));
        QCOMPARE(m_mock.ready.value(QStringLiteral("codeStyle")).toString(), QStringLiteral("hex"));
        const auto run = TestSupport::run(binDir() + QStringLiteral("/iamsmart"),
            {QStringLiteral("run"), QStringLiteral("login"), QStringLiteral("--env"), QStringLiteral("/dev/null"),
                QStringLiteral("--code-style"), QStringLiteral("base64")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--code-style"), run.err.constData());
    }

    void cleanupTestCase()
    {
        stop(m_mock);
        stop(m_mockBase64);
        stop(m_listen);
    }
};

QTEST_GUILESS_MAIN(TestClientHabits)
#include "tst_clienthabits.moc"
