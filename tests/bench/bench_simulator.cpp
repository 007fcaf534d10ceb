// Load benchmark of the headless simulator (not a test): pre-signed, pre-encrypted requests with unique
// nonces over N keep-alive loopback connections; prints requests/s and p50/p99 latency.
//   bench_simulator [--requests N] [--connections C]
// With --soak: a 6-second getQR flood from one client (resident memory before and after, answers by status),
// then 1,000,000 requests of mixed kinds (getQR, signed profile and getToken, admin reads and decisions, bad
// input, pipelined bursts), printing the simulator's resident memory at 10k requests, every 100k, and at the end.
//   bench_simulator --soak [--soak-requests N] [--soak-seconds S]
#include "crypto/KeyWrap.h"
#include "protocol/Envelope.h"
#include "protocol/UrlBuilder.h"
#include "util/RequestStamp.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
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
#include <deque>
#include <functional>
#include <memory>

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

    bool start(const QString& binary, const QString& stateDir, const QString& mode, const QStringList& extra = {})
    {
        process.start(binary,
            QStringList {QStringLiteral("mock"), QStringLiteral("--state-dir"), stateDir, QStringLiteral("--mode"), mode}
                + extra);
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

/// Requests/s of the ceiling row (nginx serving a static file), when measured: later rows print their share of it.
double ceilingRate = 0;

double measure(
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
    std::printf("%-44s %7d req  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d not %s)", label, done, done / seconds,
        pct(0.50), pct(0.99), errors, expectCode);
    if (ceilingRate > 0)
        std::printf("  %.0f%% of nginx", 100.0 * done / seconds / ceilingRate);
    std::printf("\n");
    std::fflush(stdout);
    return done / seconds;
}

QByteArray rawRequest(const Protocol::PreparedRequest& r)
{
    QByteArray raw = r.rawHttp();
    return raw;
}


qint64 soakLost = 0; ///< requests in flight on a connection the server closed

/// Resident memory of a process in MiB (Linux /proc).
double rssMb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// One keep-alive connection of the soak: asks `next` for a batch (one request, or a pipelined burst), writes it
/// at once, reads every answer, then asks again. Reconnects when the server closes the connection.
class SoakConnection : public QObject
{
public:
    struct Answer
    {
        int status = 0;
        QByteArray location;
        QByteArray body;
    };
    using Next = std::function<QList<QByteArray>()>;
    using Seen = std::function<void(const Answer&)>;

    SoakConnection(quint16 port, Next next, Seen seen)
        : m_port(port)
        , m_next(std::move(next))
        , m_seen(std::move(seen))
    {
        http_parser_settings_init(&m_settings);
        m_settings.on_header_field = [](http_parser* p, const char* at, size_t n) {
            auto* c = static_cast<SoakConnection*>(p->data);
            c->m_field = QByteArray(at, qsizetype(n));
            return 0;
        };
        m_settings.on_header_value = [](http_parser* p, const char* at, size_t n) {
            auto* c = static_cast<SoakConnection*>(p->data);
            if (c->m_field.compare("Location", Qt::CaseInsensitive) == 0)
                c->m_answer.location = QByteArray(at, qsizetype(n));
            return 0;
        };
        m_settings.on_body = [](http_parser* p, const char* at, size_t n) {
            static_cast<SoakConnection*>(p->data)->m_answer.body.append(at, qsizetype(n));
            return 0;
        };
        m_settings.on_message_complete = [](http_parser* p) {
            auto* c = static_cast<SoakConnection*>(p->data);
            c->m_answer.status = int(p->status_code);
            c->m_seen(c->m_answer);
            c->m_answer = {};
            if (--c->m_waiting == 0)
                QTimer::singleShot(0, c, &SoakConnection::send);
            return 0;
        };
        connect(&m_socket, &QTcpSocket::connected, this, &SoakConnection::send);
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            const QByteArray data = m_socket.readAll();
            http_parser_execute(&m_parser, &m_settings, data.constData(), size_t(data.size()));
        });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_stopped)
                QTimer::singleShot(10, this, &SoakConnection::open);
        });
        open();
    }
    void stop()
    {
        m_stopped = true;
        m_socket.abort();
    }
    int reconnects = 0;

private:
    void open()
    {
        if (m_stopped)
            return;
        if (m_opened++)
            ++reconnects;
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        soakLost += m_waiting;
        m_waiting = 0;
        m_answer = {};
        m_socket.abort();
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    }
    void send()
    {
        if (m_stopped || m_waiting > 0 || m_socket.state() != QAbstractSocket::ConnectedState)
            return;
        const QList<QByteArray> batch = m_next();
        if (batch.isEmpty())
            return;
        m_waiting = int(batch.size());
        QByteArray out;
        for (const QByteArray& r : batch)
            out += r;
        m_socket.write(out);
    }

    quint16 m_port;
    Next m_next;
    Seen m_seen;
    QTcpSocket m_socket;
    http_parser m_parser;
    http_parser_settings m_settings;
    QByteArray m_field;
    Answer m_answer;
    int m_waiting = 0;
    int m_opened = 0;
    bool m_stopped = false;
};

QByteArray rawGet(const QString& base, const QByteArray& pathAndQuery)
{
    const QUrl url(base);
    return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' + QByteArray::number(url.port())
        + "\r\n\r\n";
}

QByteArray rawPost(const QString& base, const QByteArray& path, const QByteArray& body,
    const QByteArray& contentType = "application/json", const QByteArray& extraHeaders = {})
{
    const QUrl url(base);
    return "POST " + path + " HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' + QByteArray::number(url.port())
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"
        + extraHeaders + "\r\n" + body;
}

QByteArray pathOf(const QByteArray& url)
{
    const QUrl u(QString::fromUtf8(url));
    return u.path(QUrl::FullyEncoded).toLatin1() + (u.hasQuery() ? '?' + u.query(QUrl::FullyEncoded).toLatin1() : "");
}

/// Sets up a CEK and a login token for the dev client, as a client would.
struct SoakClient
{
    QString base;
    QString clientId;
    QByteArray secret;
    Protocol::BuildOptions options;
    QJsonObject token;
    Util::TimestampSource stamps;
    Util::NonceGenerator nonces;

    Protocol::PreparedRequest build(const QString& api, const QJsonObject& body)
    {
        options.timestamp = stamps.next(clientId);
        options.nonce = nonces.next();
        return Protocol::RequestEnvelope::build(*Protocol::ApiCatalog::builtin().api(api), body, options).value();
    }

    bool setUp(const Simulator& sim)
    {
        base = sim.base();
        clientId = sim.client().value(QStringLiteral("clientID")).toString();
        secret = sim.client().value(QStringLiteral("clientSecret")).toString().toUtf8();
        options.baseUrl = base;
        options.credentials = {clientId, secret, {}};
        options.encrypt = true;
        options.sign = true;
        const auto key = build(QStringLiteral("keys.getKey"), {});
        const QJsonObject keyReply
            = QJsonDocument::fromJson(send("POST", QString::fromUtf8(key.url), key.body, key.headers)).object();
        auto kek = Crypto::RsaPrivateKey::fromFile(sim.client().value(QStringLiteral("kekPrivateKey")).toString());
        options.cek = Crypto::KeyWrap::unwrap(kek.value(),
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
        send("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(base, q)));
        const QJsonArray pending = QJsonDocument::fromJson(send("GET", base + QStringLiteral("/__mock/pending"))).array();
        if (pending.isEmpty())
            return false;
        const QJsonObject approved = QJsonDocument::fromJson(
            send("POST", base + QStringLiteral("/__mock/approve"),
                QJsonDocument(QJsonObject {{QStringLiteral("id"), pending.last().toObject().value(QStringLiteral("id"))}})
                    .toJson(),
                {{"Content-Type", "application/json"}}))
                                         .object();
        const QString code = QUrlQuery(QUrl(approved.value(QStringLiteral("redirect")).toString()))
                                 .queryItemValue(QStringLiteral("code"));
        const auto tokenRequest = build(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), code}, {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        auto envelope = Protocol::ResponseEnvelope::parse(
            send("POST", QString::fromUtf8(tokenRequest.url), tokenRequest.body, tokenRequest.headers));
        token = envelope ? envelope->decryptContent(options.cek).valueOr({}).toObject() : QJsonObject();
        return !token.isEmpty() && !options.cek.isEmpty();
    }
};

QByteArray qrRequest(const QString& base, const QString& clientId, qint64 n)
{
    Protocol::QrParams q;
    q.clientId = clientId;
    q.source = QStringLiteral("PC_Browser");
    q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
    q.scope = QStringLiteral("eidapi_auth");
    q.lang = QStringLiteral("en-US");
    q.state = QStringLiteral("soak%1").arg(n);
    return rawGet(base, pathOf(Protocol::UrlBuilder::getQrUrl(base, q)));
}

void printStatuses(const QMap<int, qint64>& statuses)
{
    QStringList parts;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    std::printf("  answers by HTTP status: %s\n", qPrintable(parts.join(QStringLiteral(", "))));
}

/// getQR as fast as 16 pipelining connections of one client can send it, for 6 seconds.
void flood(const QString& binary, const QString& stateDir)
{
    Simulator sim;
    if (!sim.start(binary, stateDir, QStringLiteral("strict")))
        return;
    QThread::msleep(500);
    const qint64 pid = sim.process.processId();
    const double before = rssMb(pid);
    const QString clientId = sim.client().value(QStringLiteral("clientID")).toString();
    const quint16 port = quint16(QUrl(sim.base()).port());
    qint64 n = 0;
    QMap<int, qint64> statuses;
    std::vector<std::unique_ptr<SoakConnection>> pool;
    for (int c = 0; c < 16; ++c) {
        pool.push_back(std::make_unique<SoakConnection>(
            port,
            [&] {
                QList<QByteArray> burst;
                for (int i = 0; i < 32; ++i)
                    burst << qrRequest(sim.base(), clientId, ++n);
                return burst;
            },
            [&](const SoakConnection::Answer& a) { ++statuses[a.status]; }));
    }
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < 6000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    for (auto& c : pool)
        c->stop();
    const double after = rssMb(pid);
    qint64 answered = 0;
    for (qint64 v : statuses)
        answered += v;
    std::printf("getQR flood, 6 s, one client, 16 pipelining connections: %lld answered (%.0f/s)\n",
        static_cast<long long>(answered), answered / 6.0);
    printStatuses(statuses);
    std::printf("  simulator RSS: %.1f MB at start, %.1f MB after the flood (%+.1f MB)\n", before, after, after - before);
}

void soak(const QString& binary, const QString& stateDir, qint64 total, int maxSeconds)
{
    Simulator sim;
    if (!sim.start(binary, stateDir, QStringLiteral("strict"))) {
        std::fprintf(stderr, "could not start %s\n", qPrintable(binary));
        return;
    }
    SoakClient client;
    if (!client.setUp(sim)) {
        std::fprintf(stderr, "soak setup failed (CEK or token)\n");
        return;
    }
    const qint64 pid = sim.process.processId();
    const QString base = sim.base();
    const quint16 port = quint16(QUrl(base).port());
    qint64 sent = 0;
    qint64 done = 0;
    QMap<int, qint64> statuses;
    QElapsedTimer wall;
    wall.start();
    double rss10k = -1;
    std::printf("soak: %lld requests of mixed kinds over 8 connections (at most %d s); simulator RSS %.1f MB at start\n",
        static_cast<long long>(total), maxSeconds, rssMb(pid));
    std::fflush(stdout);
    auto seen = [&](const SoakConnection::Answer& a) {
        ++statuses[a.status];
        ++done;
        if (done == 10'000) {
            rss10k = rssMb(pid);
            std::printf("  %9lld requests  %6.1f s  RSS %.1f MB\n", static_cast<long long>(done),
                wall.elapsed() / 1000.0, rss10k);
            std::fflush(stdout);
        } else if (done % 100'000 == 0) {
            std::printf("  %9lld requests  %6.1f s  RSS %.1f MB\n", static_cast<long long>(done),
                wall.elapsed() / 1000.0, rssMb(pid));
            std::fflush(stdout);
        }
    };
    auto take = [&](int n) { // how many of the total this batch may send
        const int allowed = int(std::min<qint64>(n, total - sent));
        sent += std::max(0, allowed);
        return allowed;
    };
    std::vector<std::unique_ptr<SoakConnection>> pool;
    // Three getQR connections; every fourth request rejects the oldest waiting login seen (in a getQR answer or the
    // admin reader's pending list), so requests are decided and forgotten while others wait at the per-client limit.
    auto ids = std::make_shared<std::deque<QByteArray>>();
    for (int c = 0; c < 3; ++c) {
        auto turn = std::make_shared<qint64>(0);
        pool.push_back(std::make_unique<SoakConnection>(
            port,
            [&, ids, turn] {
                if (take(1) < 1)
                    return QList<QByteArray> {};
                if (++*turn % 4 == 0 && !ids->empty()) {
                    const QByteArray id = ids->front();
                    ids->pop_front();
                    return QList<QByteArray> {rawPost(base, "/__mock/reject", "{\"id\":\"" + id + "\"}")};
                }
                return QList<QByteArray> {qrRequest(base, client.clientId, sent)};
            },
            [&, ids](const SoakConnection::Answer& a) {
                if (a.status == 303 && a.location.startsWith("/__mock/qr/") && ids->size() < 5000)
                    ids->push_back(a.location.mid(11));
                seen(a);
            }));
    }
    // One signed connection (in order, so timestamps never go back): profile initiateRequest with fresh
    // businessIDs, and getToken with codes that do not exist.
    auto signedTurn = std::make_shared<qint64>(0);
    pool.push_back(std::make_unique<SoakConnection>(
        port,
        [&, signedTurn] {
            if (take(1) < 1)
                return QList<QByteArray> {};
            const qint64 n = ++*signedTurn;
            if (n % 2 == 0)
                return QList<QByteArray> {rawRequest(client.build(QStringLiteral("auth.getToken"),
                    {{QStringLiteral("code"), QStringLiteral("nope%1").arg(n)},
                        {QStringLiteral("grantType"), QStringLiteral("authorization_code")}}))};
            return QList<QByteArray> {rawRequest(client.build(QStringLiteral("auth.profile"),
                {{QStringLiteral("businessID"), QStringLiteral("soak-%1").arg(n)},
                    {QStringLiteral("accessToken"), client.token.value(QStringLiteral("accessToken"))},
                    {QStringLiteral("openID"), client.token.value(QStringLiteral("openID"))},
                    {QStringLiteral("source"), QStringLiteral("PC_Browser")},
                    {QStringLiteral("redirectURI"), QStringLiteral("http://127.0.0.1:9/callback/profile")},
                    {QStringLiteral("profileFields"), QJsonArray {QStringLiteral("idNo")}}}))};
        },
        seen));
    // One admin reader: personas, and every 500th time the whole pending list (whose logins the getQR
    // connections then reject).
    auto adminTurn = std::make_shared<qint64>(0);
    pool.push_back(std::make_unique<SoakConnection>(
        port,
        [&, adminTurn] {
            if (take(1) < 1)
                return QList<QByteArray> {};
            return QList<QByteArray> {
                rawGet(base, ++*adminTurn % 500 == 0 ? QByteArray("/__mock/pending") : QByteArray("/__mock/personas"))};
        },
        [&, ids](const SoakConnection::Answer& a) {
            if (a.body.startsWith("[{") && a.body.contains("\"kind\"")) {
                for (const QJsonValue& v : QJsonDocument::fromJson(a.body).array()) {
                    if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("auth"))
                        ids->push_back(v.toObject().value(QStringLiteral("id")).toString().toLatin1());
                }
            }
            seen(a);
        }));
    // One sender of bad input: unsigned and unparsable API calls, unknown paths, bad admin bodies, broken getQR.
    auto badTurn = std::make_shared<qint64>(0);
    pool.push_back(std::make_unique<SoakConnection>(
        port,
        [&, badTurn] {
            if (take(1) < 1)
                return QList<QByteArray> {};
            switch (++*badTurn % 6) {
            case 0:
                return QList<QByteArray> {rawPost(base, "/api/v1/account/auth/profile/initiateRequest", "{not json")};
            case 1:
                return QList<QByteArray> {rawGet(base, "/api/v1/no/such/api?x=" + QByteArray::number(*badTurn))};
            case 2:
                return QList<QByteArray> {rawPost(base, "/__mock/approve", "{\"id\":\"nope\"}")};
            case 3:
                return QList<QByteArray> {rawPost(base, "/__mock/faults", "[1,2", "application/json")};
            case 4:
                return QList<QByteArray> {rawGet(base, "/api/v1/auth/getQR?clientID=x&source=nowhere")};
            default:
                return QList<QByteArray> {rawPost(base, "/api/v1/account/auth/getToken", "{\"content\":\"AAAA\"}",
                    "application/json",
                    "clientID: " + client.clientId.toLatin1()
                        + "\r\nsignatureMethod: HmacSHA256\r\ntimestamp: 1\r\nnonce: n\r\nsignature: x\r\n")};
            }
        },
        seen));
    // Two connections that pipeline bursts of 50 (getQR and admin reads) and only then read the answers.
    for (int c = 0; c < 2; ++c) {
        pool.push_back(std::make_unique<SoakConnection>(
            port,
            [&] {
                const int n = take(50);
                QList<QByteArray> burst;
                for (int i = 0; i < n; ++i)
                    burst << (i % 2 ? qrRequest(base, client.clientId, sent + i) : rawGet(base, "/__mock/personas"));
                return burst;
            },
            seen));
    }
    while (done + soakLost < total && wall.elapsed() < qint64(maxSeconds) * 1000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    int reconnects = 0;
    for (auto& c : pool) {
        reconnects += c->reconnects;
        c->stop();
    }
    const double seconds = wall.elapsed() / 1000.0;
    const double end = rssMb(pid);
    std::printf("soak: %lld requests answered in %.1f s (%.0f/s), %d reconnects, %lld lost with them%s\n",
        static_cast<long long>(done), seconds, done / seconds, reconnects, static_cast<long long>(soakLost),
        done + soakLost < total ? " — stopped by the time limit" : "");
    printStatuses(statuses);
    std::printf("  simulator RSS: %.1f MB at 10k requests, %.1f MB at %lld requests (%+.1f MB)\n", rss10k, end,
        static_cast<long long>(done), end - rss10k);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int requests = 20000;
    int connections = 32;
    qint64 soakRequests = 1'000'000;
    int soakSeconds = 1800;
    quint16 ceilingPort = 0; // nginx serving /static.json (scripts/bench): the machine's ceiling for any HTTP answer
    QStringList args = app.arguments();
    const bool soakMode = args.removeAll(QStringLiteral("--soak")) > 0;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--requests"))
            requests = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--connections"))
            connections = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--soak-requests"))
            soakRequests = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--soak-seconds"))
            soakSeconds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--ceiling-port"))
            ceilingPort = quint16(args.at(i + 1).toUInt());
    }
    const QString binary = QCoreApplication::applicationDirPath() + QStringLiteral("/../../bin/iamsmart");
    QTemporaryDir dir;
    if (soakMode) {
        flood(binary, dir.filePath(QStringLiteral("state")));
        soak(binary, dir.filePath(QStringLiteral("state")), soakRequests, soakSeconds);
        return 0;
    }
    std::printf("simulator benchmark: %d requests per row over %d keep-alive connections, %d cores\n", requests,
        connections, QThread::idealThreadCount());
    if (ceilingPort != 0) {
        const QByteArray get = "GET /static.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        ceilingRate = measure("nginx    static JSON file (one worker)", ceilingPort, QList<QByteArray>(requests, get),
            connections, "\"D00000\"");
    }

    for (const QString mode : {QStringLiteral("strict"), QStringLiteral("sandbox")}) {
        Simulator sim;
        // The profile and gateway rows each add `requests` phone requests: lift the limit of undecided ones.
        if (!sim.start(binary, dir.filePath(QStringLiteral("state")), mode,
                {QStringLiteral("--max-pending"), QString::number(2 * requests + 100)})) {
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
