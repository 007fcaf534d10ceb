// Load benchmark of the headless simulator (not a test): pre-signed, pre-encrypted requests with unique
// nonces over N keep-alive loopback connections; prints requests/s and p50/p99 latency.
//   bench_simulator [--requests N] [--connections C]
#include "crypto/KeyWrap.h"
#include "protocol/Envelope.h"
#include "protocol/UrlBuilder.h"
#include "util/RequestStamp.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <http_parser.h>

#include <algorithm>
#include <cstdio>

namespace {

QNetworkAccessManager* nam()
{
    static auto* n = new QNetworkAccessManager();
    return n;
}

QByteArray send(
    const QByteArray& method, const QString& url, const QByteArray& body = {}, const Protocol::HeaderList& headers = {})
{
    QNetworkRequest r {QUrl(url)};
    for (const auto& h : headers)
        r.setRawHeader(h.first, h.second);
    QNetworkReply* reply = nam()->sendCustomRequest(r, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

struct Simulator
{
    QProcess process;
    QJsonObject ready;
    QString base() const { return ready.value(QStringLiteral("baseUrl")).toString(); }
    QJsonObject client() const { return ready.value(QStringLiteral("client")).toObject(); }

    bool start(const QString& binary, const QString& stateDir, const QString& mode)
    {
        process.start(
            binary, {QStringLiteral("mock"), QStringLiteral("--state-dir"), stateDir, QStringLiteral("--mode"), mode});
        if (!process.waitForStarted() || !process.waitForReadyRead(30000))
            return false;
        ready = QJsonDocument::fromJson(process.readLine()).object();
        return !base().isEmpty();
    }
    ~Simulator()
    {
        process.terminate();
        process.waitForFinished(5000);
    }
};

/// One keep-alive connection that sends its share of the requests one after another.
class Connection : public QObject
{
public:
    Connection(quint16 port, QList<QByteArray> requests, const QByteArray& expect, QList<qint64>* latencies, int* done,
        int* errors)
        : m_requests(std::move(requests))
        , m_expect(expect.startsWith('"') ? expect : "\"code\":\"" + expect + '"') // a code, or a quoted member
        , m_latencies(latencies)
        , m_done(done)
        , m_errors(errors)
    {
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        http_parser_settings_init(&m_settings);
        m_settings.on_body = [](http_parser* p, const char* at, size_t n) {
            static_cast<Connection*>(p->data)->m_body.append(at, qsizetype(n));
            return 0;
        };
        m_settings.on_message_complete = [](http_parser* p) {
            static_cast<Connection*>(p->data)->completed();
            return 0;
        };
        connect(&m_socket, &QTcpSocket::connected, this, &Connection::next);
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            const QByteArray data = m_socket.readAll();
            http_parser_execute(&m_parser, &m_settings, data.constData(), size_t(data.size()));
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

private:
    void next()
    {
        if (m_index >= m_requests.size()) {
            m_socket.disconnectFromHost();
            return;
        }
        m_body.clear();
        m_timer.start();
        m_socket.write(m_requests.at(m_index++));
    }
    void completed()
    {
        m_latencies->append(m_timer.nsecsElapsed());
        if (m_parser.status_code != 200 || !m_body.contains(m_expect))
            ++*m_errors;
        ++*m_done;
        QTimer::singleShot(0, this, &Connection::next);
    }

    QTcpSocket m_socket;
    http_parser m_parser;
    http_parser_settings m_settings;
    QList<QByteArray> m_requests;
    QByteArray m_expect;
    qsizetype m_index = 0;
    QByteArray m_body;
    QElapsedTimer m_timer;
    QList<qint64>* m_latencies;
    int* m_done;
    int* m_errors;
};

void measure(
    const char* label, quint16 port, const QList<QByteArray>& requests, int connections, const char* expectCode)
{
    QList<qint64> latencies;
    latencies.reserve(requests.size());
    int done = 0;
    int errors = 0;
    std::vector<std::unique_ptr<Connection>> pool;
    QElapsedTimer wall;
    wall.start();
    for (int c = 0; c < connections; ++c) {
        QList<QByteArray> share;
        for (qsizetype i = c; i < requests.size(); i += connections)
            share.append(requests.at(i));
        pool.push_back(std::make_unique<Connection>(port, share, expectCode, &latencies, &done, &errors));
    }
    while (done < requests.size() && wall.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.isEmpty() ? 0.0 : latencies.at(qsizetype(p * double(latencies.size() - 1))) / 1e6;
    };
    std::printf("%-44s %7d req  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d not %s)\n", label, done, done / seconds,
        pct(0.50), pct(0.99), errors, expectCode);
}

QByteArray rawRequest(const Protocol::PreparedRequest& r)
{
    QByteArray raw = r.rawHttp();
    return raw;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int requests = 20000;
    int connections = 32;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--requests"))
            requests = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--connections"))
            connections = args.at(i + 1).toInt();
    }
    const QString binary = QCoreApplication::applicationDirPath() + QStringLiteral("/../../bin/iamsmart");
    QTemporaryDir dir;
    std::printf("simulator benchmark: %d requests per row over %d keep-alive connections, %d cores\n", requests,
        connections, QThread::idealThreadCount());

    for (const QString mode : {QStringLiteral("strict"), QStringLiteral("sandbox")}) {
        Simulator sim;
        if (!sim.start(binary, dir.filePath(QStringLiteral("state")), mode)) {
            std::fprintf(stderr, "could not start %s\n", qPrintable(binary));
            return 1;
        }
        const bool strict = mode == QLatin1String("strict");
        const QString clientId = sim.client().value(QStringLiteral("clientID")).toString();
        const QByteArray secret = sim.client().value(QStringLiteral("clientSecret")).toString().toUtf8();
        Util::TimestampSource stamps;
        Util::NonceGenerator nonces;
        Protocol::BuildOptions o;
        o.baseUrl = sim.base();
        o.credentials = {clientId, secret, {}};
        o.encrypt = strict;
        o.sign = strict;
        const auto& catalog = Protocol::ApiCatalog::builtin();
        // One timestamp for every pre-built request: 32 connections deliver them out of order, and the
        // server only accepts timestamps that do not go back (equal is fine).
        const qint64 timestamp = stamps.next(clientId);
        auto build = [&](const QString& api, const QJsonObject& body) {
            o.timestamp = timestamp;
            o.nonce = nonces.next();
            return Protocol::RequestEnvelope::build(*catalog.api(api), body, o).value();
        };
        // Setup: CEK, then a QR login approved on the phone, then a token (as a client would).
        const auto key = build(QStringLiteral("keys.getKey"), {});
        const QJsonObject keyReply
            = QJsonDocument::fromJson(send("POST", QString::fromUtf8(key.url), key.body, key.headers)).object();
        auto kek = Crypto::RsaPrivateKey::fromFile(sim.client().value(QStringLiteral("kekPrivateKey")).toString());
        o.cek = Crypto::KeyWrap::unwrap(kek.value(),
            keyReply.value(QStringLiteral("content"))
                .toObject()
                .value(QStringLiteral("secretKey"))
                .toString()
                .toLatin1())
                    .valueOr({});
        Protocol::QrParams q;
        q.clientId = clientId;
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
        q.scope = QStringLiteral("eidapi_auth eidapi_profiles");
        send("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(sim.base(), q)));
        const QJsonArray pending
            = QJsonDocument::fromJson(send("GET", sim.base() + QStringLiteral("/__mock/pending"))).array();
        const QJsonObject approved = QJsonDocument::fromJson(
            send("POST", sim.base() + QStringLiteral("/__mock/approve"),
                QJsonDocument(
                    QJsonObject {{QStringLiteral("id"), pending.first().toObject().value(QStringLiteral("id"))}})
                    .toJson(),
                {{"Content-Type", "application/json"}}))
                                         .object();
        const QString code = QUrlQuery(QUrl(approved.value(QStringLiteral("redirect")).toString()))
                                 .queryItemValue(QStringLiteral("code"));
        const auto tokenRequest = build(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), code}, {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        auto tokenEnvelope = Protocol::ResponseEnvelope::parse(
            send("POST", QString::fromUtf8(tokenRequest.url), tokenRequest.body, tokenRequest.headers));
        const QJsonObject token
            = tokenEnvelope ? tokenEnvelope->decryptContent(o.cek).valueOr({}).toObject() : QJsonObject();

        const quint16 port = quint16(QUrl(sim.base()).port());
        if (strict) {
            // getToken with codes that do not exist: the whole strict path (signature, replay checks,
            // decryption, field rules) ending in D40004, since each real code is single-use.
            QList<QByteArray> tokens;
            for (int i = 0; i < requests; ++i)
                tokens.append(rawRequest(build(QStringLiteral("auth.getToken"),
                    {{QStringLiteral("code"), QStringLiteral("c%1").arg(i)},
                        {QStringLiteral("grantType"), QStringLiteral("authorization_code")}})));
            measure("strict   getToken (signed, encrypted)", port, tokens, connections, "D40004");
        }
        QList<QByteArray> profiles;
        for (int i = 0; i < requests; ++i) {
            profiles.append(rawRequest(build(QStringLiteral("auth.profile"),
                {{QStringLiteral("businessID"), QStringLiteral("bench-%1").arg(i)},
                    {QStringLiteral("accessToken"), token.value(QStringLiteral("accessToken"))},
                    {QStringLiteral("openID"), token.value(QStringLiteral("openID"))},
                    {QStringLiteral("source"), QStringLiteral("PC_Browser")},
                    {QStringLiteral("redirectURI"), QStringLiteral("http://127.0.0.1:9/callback/profile")},
                    {QStringLiteral("profileFields"), QJsonArray {QStringLiteral("idNo")}}})));
        }
        measure(strict ? "strict   profile initiateRequest" : "sandbox  profile initiateRequest (plain JSON)", port,
            profiles, connections, "D00000");
        if (strict) {
            // The gateway family: client id/secret headers, field checks, a pending request and an HS256 JWT each.
            QList<QByteArray> gateway;
            for (int i = 0; i < requests; ++i) {
                gateway.append(rawRequest(build(QStringLiteral("gateway.auth"),
                    {{QStringLiteral("source"), QStringLiteral("PC_Browser")},
                        {QStringLiteral("lang"), QStringLiteral("en-US")},
                        {QStringLiteral("redirect"), QStringLiteral("http://127.0.0.1:9/callback/gateway")},
                        {QStringLiteral("scope"), QStringLiteral("eidapi_auth")}})));
            }
            measure("gateway  request/auth (JWT issued)", port, gateway, connections, "\"token\"");
        }
    }
    return 0;
}
