#pragma once

#include "HttpMessage.h"
#include "RequestGuard.h"
#include "util/Result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QTcpServer;
class QThread;

namespace Net {

/// Limits every connection is held to; breaking one gets an HTTP error and never stops the server.
struct ServerLimits
{
    qint64 maxBodyBytes = 1024 * 1024; ///< larger bodies get 413 without being read further
    qint64 maxHeaderBytes = 32 * 1024; ///< request line plus headers; larger gets 431
    int idleTimeoutMs = 15000; ///< a keep-alive connection with no request is closed
    int requestTimeoutMs = 30000; ///< a request must arrive whole within this (slow senders get 408)
    int maxConnections = 512; ///< beyond this, new connections get 503 and are closed
    /// While more answer bytes than this wait to be written on a connection, it is not read (back-pressure):
    /// a client that pipelines requests without reading the answers costs at most about this much.
    qint64 maxPendingOutputBytes = 1024 * 1024;
};

/// The HTTP/1.1 server shared by the simulator and the callback listener: QTcpServer (or QSslServer)
/// for sockets, libhttp-parser for parsing (never hand-written), keep-alive, pipelining, and the
/// limits above enforced while parsing. Handlers run on the server's thread and answer synchronously.
/// Every request first passes the RequestGuard (Host, Origin, JSON-only paths); a refused one never reaches the
/// handler.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    /// Shapes the answer to a request the server itself refuses (400, 408, 413, 431, 503).
    using ErrorResponder = std::function<HttpResponse(int status, const QString& reason)>;

    explicit HttpServer(ServerLimits limits = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    void setErrorResponder(ErrorResponder responder);
    /// Serve HTTPS with this configuration (certificate and key set). Call before listen().
    void setTlsConfiguration(const QSslConfiguration& configuration);

    /// Binds; port 0 lets the OS choose. Error "listen-failed" with the OS reason.
    Util::Status listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    /// e.g. "http://127.0.0.1:40123"
    QString baseUrl() const;
    int connectionCount() const;
    const ServerLimits& limits() const { return m_limits; }
    /// Plain HTTP only, call before listen(): with 2 or more, connections are accepted on this thread and spread over
    /// that many I/O threads (one event loop each: reading, parsing, limits and writing), while the guard and the
    /// handler still run on this thread, one request at a time, so the handler needs no locking.
    void setIoThreads(int threads);
    /// Which Host, Origin and Content-Type the server accepts (bound to the listening address by listen()).
    RequestGuard& guard() { return m_guard; }
    const RequestGuard& guard() const { return m_guard; }
    /// Answer bytes written but not yet taken by the peers, summed over connections.
    qint64 pendingOutputBytes() const { return m_pendingOutput.load(); }
    /// The most answer bytes one connection ever held waiting (a test and benchmark figure).
    qint64 peakPendingOutputBytes() const { return m_peakPendingOutput.load(); }
    /// How many times a connection stopped being read because its answers were not taken.
    int readPauses() const { return m_readPauses.load(); }
    /// While holding, a request that has arrived whole waits (its connection is read no further, no timeout runs)
    /// instead of reaching the handler; setHolding(false) answers the waiting ones in order. For a handler whose
    /// keys are still being made: the request waits for them and never fails.
    void setHolding(bool hold);
    bool isHolding() const { return m_holding; }
    /// Requests waiting while holding.
    int heldRequests() const { return int(m_held.size()); }

signals:
    /// A request the server refused before any handler saw it (for logs and tests).
    void requestRefused(int status, const QString& reason);
    /// A request began waiting because the server is holding (see setHolding).
    void requestHeld();

private:
    class Connection;
    class Home;
    class Acceptor;
    friend class Connection;
    friend class Acceptor;
    struct Worker
    {
        QThread* thread;
        Home* home;
    };
    struct Held
    {
        Home* home;
        Connection* connection;
        HttpRequest request;
    };
    void acceptPending();
    void startWorkers();
    void stopWorkers();
    void handOff(qintptr descriptor);
    /// A whole request from a connection that waits for its answer (I/O threads, or holding); on its thread.
    void submit(Home* home, Connection* connection, HttpRequest request);
    HttpResponse dispatch(const HttpRequest& request);
    HttpResponse refuse(int status, const QString& reason);

    ServerLimits m_limits;
    Handler m_handler;
    ErrorResponder m_errorResponder;
    std::unique_ptr<QSslConfiguration> m_tls;
    QTcpServer* m_server = nullptr;
    RequestGuard m_guard;
    // Counted from the I/O threads too.
    std::atomic<int> m_connections = 0;
    std::atomic<qint64> m_pendingOutput = 0;
    std::atomic<qint64> m_peakPendingOutput = 0;
    std::atomic<int> m_readPauses = 0;
    std::atomic<bool> m_holding = false;
    std::vector<Held> m_held; ///< on this thread
    int m_ioThreads = 0;
    std::vector<Worker> m_workers;
    size_t m_nextWorker = 0;
    Home* m_ownHome = nullptr; ///< connections on this thread
};

} // namespace Net
