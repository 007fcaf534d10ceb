#include "HttpServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <http_parser.h>

#include <algorithm>
#include <utility>

namespace Net {

/// Where connections live: the server's own thread, or one I/O thread each (setIoThreads). It knows which of its
/// connections are still there, so an answer made on the server's thread reaches only a live one.
class HttpServer::Home : public QObject
{
public:
    ~Home() override
    {
        // The connections first: they leave `live` as they go.
        const QObjectList connections = children();
        qDeleteAll(connections);
    }
    QSet<Connection*> live;
};

/// With I/O threads: accepts on the server's thread and hands each socket to the next thread's Home.
class HttpServer::Acceptor : public QTcpServer
{
public:
    explicit Acceptor(HttpServer* server)
        : QTcpServer(server)
        , m_server(server)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_server->handOff(descriptor); }

private:
    HttpServer* m_server;
};

/// One client connection: feeds bytes to libhttp-parser, enforces limits, answers each request in order.
class HttpServer::Connection : public QObject
{
public:
    Connection(HttpServer* server, Home* home, QTcpSocket* socket)
        : QObject(home)
        , m_server(server)
        , m_home(home)
        , m_socket(socket)
    {
        home->live.insert(this);
        socket->setParent(this);
        http_parser_init(&m_parser, HTTP_REQUEST);
        m_parser.data = this;
        http_parser_settings_init(&m_settings);
        m_settings.on_message_begin = &Connection::onMessageBegin;
        m_settings.on_url = &Connection::onUrl;
        m_settings.on_header_field = &Connection::onHeaderField;
        m_settings.on_header_value = &Connection::onHeaderValue;
        m_settings.on_headers_complete = &Connection::onHeadersComplete;
        m_settings.on_body = &Connection::onBody;
        m_settings.on_message_complete = &Connection::onMessageComplete;

        m_idle.setSingleShot(true);
        m_idle.setInterval(server->m_limits.idleTimeoutMs);
        m_request.setSingleShot(true);
        m_request.setInterval(server->m_limits.requestTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] { closeNow(); });
        connect(&m_request, &QTimer::timeout, this,
            [this] { fail(408, QStringLiteral("the request did not arrive whole in time")); });
        connect(socket, &QTcpSocket::readyRead, this, &Connection::readAvailable);
        // Back-pressure: Qt reads at most this much ahead of the parser, so a connection that is not being read
        // leaves the rest in the kernel (and TCP flow control slows the sender).
        socket->setReadBufferSize(readChunk);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::written);
        if (auto* ssl = qobject_cast<QSslSocket*>(socket))
            connect(ssl, &QSslSocket::encryptedBytesWritten, this, &Connection::written);
        connect(socket, &QTcpSocket::disconnected, this, &Connection::finish);
        connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                finish();
        });
        m_idle.start();
        if (socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, &Connection::readAvailable);
    }

    ~Connection() override { m_home->live.remove(this); }

    void rejectOverCapacity() { fail(503, QStringLiteral("too many connections")); }

private:
    static constexpr qint64 readChunk = 64 * 1024;

    static Connection* self(http_parser* p) { return static_cast<Connection*>(p->data); }

    static int onMessageBegin(http_parser* p)
    {
        Connection* c = self(p);
        c->m_idle.stop();
        c->m_request.start();
        c->m_current = HttpRequest {};
        c->m_current.peer = c->m_socket->peerAddress();
        c->m_current.tls = qobject_cast<QSslSocket*>(c->m_socket) != nullptr;
        c->m_headerBytes = 0;
        c->m_lastWasValue = false;
        return 0;
    }

    bool countHeaderBytes(size_t n)
    {
        m_headerBytes += qint64(n);
        if (m_headerBytes > m_server->m_limits.maxHeaderBytes) {
            m_pendingError = 431;
            m_pendingReason
                = QStringLiteral("request line and headers exceed %1 bytes").arg(m_server->m_limits.maxHeaderBytes);
            return false;
        }
        return true;
    }

    static int onUrl(http_parser* p, const char* at, size_t length)
    {
        Connection* c = self(p);
        if (!c->countHeaderBytes(length))
            return 1;
        c->m_current.target.append(at, qsizetype(length));
        return 0;
    }

    static int onHeaderField(http_parser* p, const char* at, size_t length)
    {
        Connection* c = self(p);
        if (!c->countHeaderBytes(length))
            return 1;
        if (c->m_lastWasValue || c->m_current.headers.isEmpty())
            c->m_current.headers.append({QByteArray(), QByteArray()});
        c->m_current.headers.last().first.append(at, qsizetype(length));
        c->m_lastWasValue = false;
        return 0;
    }

    static int onHeaderValue(http_parser* p, const char* at, size_t length)
    {
        Connection* c = self(p);
        if (!c->countHeaderBytes(length))
            return 1;
        if (c->m_current.headers.isEmpty())
            return 1;
        c->m_current.headers.last().second.append(at, qsizetype(length));
        c->m_lastWasValue = true;
        return 0;
    }

    static int onHeadersComplete(http_parser* p)
    {
        Connection* c = self(p);
        const qint64 max = c->m_server->m_limits.maxBodyBytes;
        // Refuse an announced oversized body before reading any of it.
        if ((p->flags & F_CONTENTLENGTH) && p->content_length != ULLONG_MAX && p->content_length > quint64(max)) {
            c->m_pendingError = 413;
            c->m_pendingReason
                = QStringLiteral("the body is %1 bytes; at most %2 are accepted").arg(p->content_length).arg(max);
            http_parser_pause(p, 1); // a non-zero return here would mean "skip the body", not "error"
            return 0;
        }
        c->m_current.method = http_method_str(static_cast<http_method>(p->method));
        const qsizetype q = c->m_current.target.indexOf('?');
        c->m_current.path = q < 0 ? c->m_current.target : c->m_current.target.left(q);
        c->m_current.query = q < 0 ? QByteArray() : c->m_current.target.mid(q + 1);
        for (auto& h : c->m_current.headers)
            h.second = h.second.trimmed();
        return 0;
    }

    static int onBody(http_parser* p, const char* at, size_t length)
    {
        Connection* c = self(p);
        const qint64 max = c->m_server->m_limits.maxBodyBytes;
        if (c->m_current.body.size() + qint64(length) > max) {
            c->m_pendingError = 413;
            c->m_pendingReason = QStringLiteral("the body exceeds %1 bytes").arg(max);
            return 1;
        }
        c->m_current.body.append(at, qsizetype(length));
        return 0;
    }

    static int onMessageComplete(http_parser* p)
    {
        Connection* c = self(p);
        c->m_request.stop();
        c->m_keepAlive = http_should_keep_alive(p) != 0;
        HttpServer* server = c->m_server;
        if (server->m_workers.empty() && !server->m_holding)
            return c->answer(server->dispatch(c->m_current)) ? 0 : 1;
        // Answered later (see answerWith): on the server's thread, or once it stops holding. Parse no further
        // meanwhile.
        c->m_waiting = true;
        http_parser_pause(p, 1);
        server->submit(c->m_home, c, std::move(c->m_current));
        return 0;
    }

    /// Sends the answer to the request just parsed; false when the connection is closing.
    bool answer(const HttpResponse& response)
    {
        if (m_closing)
            return false;
        write(response, m_keepAlive);
        if (!m_keepAlive) {
            m_closing = true;
            m_socket->disconnectFromHost();
            http_parser_pause(&m_parser, 1);
        } else {
            m_idle.start();
            if (m_pendingOutput > m_server->m_limits.maxPendingOutputBytes) {
                // The peer is not taking its answers: parse no further until they drain (see written()).
                m_throttled = true;
                ++m_server->m_readPauses;
                http_parser_pause(&m_parser, 1);
            }
        }
        return true;
    }

public:
    /// The answer to the waiting request (made on the server's thread, or after holding): send it, then read on.
    void answerWith(const HttpResponse& response)
    {
        if (!m_waiting || m_closing || m_finished)
            return;
        m_waiting = false;
        if (!answer(response) || m_closing || m_throttled)
            return;
        http_parser_pause(&m_parser, 0);
        readAvailable();
    }

private:
    void readAvailable()
    {
        if (m_throttled || m_closing || m_waiting)
            return;
        if (!m_unparsed.isEmpty() && !feed(std::exchange(m_unparsed, {})))
            return;
        while (!m_closing && !m_throttled && !m_waiting && m_socket->bytesAvailable() > 0) {
            if (!feed(m_socket->read(readChunk)))
                return;
        }
    }

    /// Parses `data`; false when parsing stopped (refused, closing, or throttled with the rest kept).
    bool feed(const QByteArray& data)
    {
        const size_t parsed = http_parser_execute(&m_parser, &m_settings, data.constData(), size_t(data.size()));
        const http_errno error = HTTP_PARSER_ERRNO(&m_parser);
        if (m_pendingError && !m_closing) {
            fail(m_pendingError, m_pendingReason);
            return false;
        }
        if (m_closing)
            return false;
        if (error == HPE_PAUSED) {
            if (m_throttled || m_waiting)
                m_unparsed = data.mid(qsizetype(parsed)); // at most one read chunk waits here
            return false;
        }
        if (error != HPE_OK || parsed != size_t(data.size())) {
            if (m_pendingError)
                fail(m_pendingError, m_pendingReason);
            else if (error == HPE_HEADER_OVERFLOW)
                fail(431, QStringLiteral("headers too large"));
            else
                fail(400,
                    QStringLiteral("malformed HTTP request: %1")
                        .arg(QString::fromLatin1(http_errno_description(error))));
            return false;
        }
        return true;
    }

    /// Answer bytes still waiting in Qt's buffers (plain and, for TLS, encrypted), counted into the server's sum.
    void countPendingOutput()
    {
        qint64 now = m_socket->bytesToWrite();
        if (auto* ssl = qobject_cast<QSslSocket*>(m_socket))
            now += ssl->encryptedBytesToWrite();
        m_server->m_pendingOutput += now - m_pendingOutput;
        m_pendingOutput = now;
        qint64 peak = m_server->m_peakPendingOutput.load();
        while (now > peak && !m_server->m_peakPendingOutput.compare_exchange_weak(peak, now)) { }
    }

    /// The peer took some answers: once few enough wait, parsing (and reading) goes on.
    void written()
    {
        if (m_finished)
            return;
        countPendingOutput();
        if (m_idle.isActive())
            m_idle.start(); // a slow reader that makes progress is not idle
        if (!m_throttled || m_resumeQueued || m_pendingOutput > m_server->m_limits.maxPendingOutputBytes)
            return;
        m_resumeQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_resumeQueued = false;
            if (!m_throttled || m_closing || m_waiting)
                return;
            m_throttled = false;
            http_parser_pause(&m_parser, 0);
            readAvailable();
        });
    }

    void write(const HttpResponse& response, bool keepAlive)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + HttpResponse::reasonPhrase(response.status) + "\r\n";
        for (const auto& h : response.headers) {
            if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0
                && h.first.compare("Connection", Qt::CaseInsensitive) != 0)
                out += h.first + ": " + h.second + "\r\n";
        }
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        out += response.body;
        m_socket->write(out);
        countPendingOutput();
    }

    /// Answers a request the server refuses, then closes the connection (the rest of the stream is unreliable).
    void fail(int status, const QString& reason)
    {
        if (m_closing)
            return;
        m_closing = true;
        m_idle.stop();
        m_request.stop();
        emit m_server->requestRefused(status, reason);
        write(m_server->refuse(status, reason), false);
        m_socket->disconnectFromHost();
        QTimer::singleShot(2000, this, [this] { closeNow(); });
    }

    void closeNow()
    {
        m_closing = true;
        m_socket->abort();
        finish();
    }

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_idle.stop();
        m_request.stop();
        --m_server->m_connections;
        m_server->m_pendingOutput -= m_pendingOutput;
        m_pendingOutput = 0;
        deleteLater();
    }

    HttpServer* m_server;
    Home* m_home;
    QTcpSocket* m_socket;
    http_parser m_parser;
    http_parser_settings m_settings;
    HttpRequest m_current;
    qint64 m_headerBytes = 0;
    bool m_lastWasValue = false;
    int m_pendingError = 0;
    QString m_pendingReason;
    bool m_closing = false;
    bool m_finished = false;
    bool m_throttled = false; ///< not parsing or reading until the peer takes its answers
    bool m_resumeQueued = false;
    bool m_waiting = false; ///< a whole request waits while the server is holding
    bool m_keepAlive = true; ///< of the request being answered
    QByteArray m_unparsed; ///< the rest of a read chunk, kept while throttled
    qint64 m_pendingOutput = 0; ///< as last counted into the server's sum
    QTimer m_idle;
    QTimer m_request;
};

HttpServer::HttpServer(ServerLimits limits, QObject* parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_errorResponder = [](int status, const QString& reason) {
        QJsonObject o {{QStringLiteral("status"), status}, {QStringLiteral("error"), reason}};
        return HttpResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
    };
}

HttpServer::~HttpServer()
{
    close();
    stopWorkers();
}

void HttpServer::setIoThreads(int threads)
{
    m_ioThreads = threads;
}

void HttpServer::startWorkers()
{
    if (!m_ownHome) {
        m_ownHome = new Home;
        m_ownHome->setParent(this);
    }
    if (m_tls || m_ioThreads < 2 || !m_workers.empty())
        return;
    for (int i = 0; i < m_ioThreads; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("http-io-%1").arg(i));
        auto* home = new Home;
        home->moveToThread(thread);
        connect(thread, &QThread::finished, home, &QObject::deleteLater); // with its connections, on its thread
        thread->start();
        m_workers.push_back({thread, home});
    }
}

void HttpServer::stopWorkers()
{
    for (const Worker& w : m_workers) {
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
}

void HttpServer::handOff(qintptr descriptor)
{
    const Worker& w = m_workers.at(m_nextWorker++ % m_workers.size());
    const bool over = ++m_connections > m_limits.maxConnections;
    Home* home = w.home;
    QMetaObject::invokeMethod(home, [this, home, descriptor, over] {
        auto* socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            --m_connections;
            return;
        }
        auto* connection = new Connection(this, home, socket);
        if (over)
            connection->rejectOverCapacity();
    });
}

void HttpServer::submit(Home* home, Connection* connection, HttpRequest request)
{
    auto respond = [this, home, connection](const HttpRequest& r) {
        const HttpResponse response = dispatch(r);
        // Direct on the server's own thread; queued to an I/O thread (dropped with the Home if the server is gone).
        QMetaObject::invokeMethod(home, [home, connection, response] {
            if (home->live.contains(connection))
                connection->answerWith(response);
        });
    };
    auto arrive = [this, home, connection, respond](const HttpRequest& r) {
        if (m_holding) {
            m_held.push_back({home, connection, r});
            emit requestHeld();
        } else {
            respond(r);
        }
    };
    if (home == m_ownHome)
        arrive(request);
    else
        QMetaObject::invokeMethod(this, [arrive, request] { arrive(request); });
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setErrorResponder(ErrorResponder responder)
{
    m_errorResponder = std::move(responder);
}

void HttpServer::setTlsConfiguration(const QSslConfiguration& configuration)
{
    m_tls = std::make_unique<QSslConfiguration>(configuration);
}

Util::Status HttpServer::listen(const QHostAddress& address, quint16 port)
{
    close();
    startWorkers();
    if (!m_workers.empty()) {
        m_server = new Acceptor(this);
    } else if (m_tls) {
        auto* ssl = new QSslServer(this);
        ssl->setSslConfiguration(*m_tls);
        connect(ssl, &QSslServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
    }
    m_server->setMaxPendingConnections(128);
    if (!m_server->listen(address, port)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Util::Error {QStringLiteral("listen-failed"),
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why)};
    }
    m_guard.bind(m_server->serverAddress(), m_server->serverPort(), m_tls != nullptr);
    return Util::success();
}

void HttpServer::close()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress HttpServer::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

QString HttpServer::baseUrl() const
{
    QHostAddress host = address();
    QString h = host.toString();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        h = QStringLiteral("127.0.0.1");
    else if (host.protocol() == QAbstractSocket::IPv6Protocol)
        h = QLatin1Char('[') + h + QLatin1Char(']');
    return QStringLiteral("%1://%2:%3").arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), h).arg(port());
}

void HttpServer::setHolding(bool hold)
{
    m_holding = hold;
    if (hold)
        return;
    for (Held& held : std::exchange(m_held, {})) {
        const HttpResponse response = dispatch(held.request);
        Home* home = held.home;
        Connection* connection = held.connection;
        QMetaObject::invokeMethod(home, [home, connection, response] {
            if (home->live.contains(connection))
                connection->answerWith(response);
        });
    }
}

int HttpServer::connectionCount() const
{
    return m_connections;
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        ++m_connections;
        auto* connection = new Connection(this, m_ownHome, socket);
        if (m_connections > m_limits.maxConnections)
            connection->rejectOverCapacity();
    }
}

HttpResponse HttpServer::dispatch(const HttpRequest& request)
{
    if (const auto refusal = m_guard.check(request)) {
        emit requestRefused(refusal->status, refusal->reason);
        return refuse(refusal->status, refusal->reason);
    }
    if (!m_handler)
        return refuse(404, QStringLiteral("no handler"));
    return m_handler(request);
}

HttpResponse HttpServer::refuse(int status, const QString& reason)
{
    return m_errorResponder(status, reason);
}

} // namespace Net
