#pragma once

#include "HttpMessage.h"
#include "util/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QTcpServer;

namespace Net {

/// Limits every connection is held to; breaking one gets an HTTP error and never stops the server.
struct ServerLimits
{
    qint64 maxBodyBytes = 1024 * 1024; ///< larger bodies get 413 without being read further
    qint64 maxHeaderBytes = 32 * 1024; ///< request line plus headers; larger gets 431
    int idleTimeoutMs = 15000; ///< a keep-alive connection with no request is closed
    int requestTimeoutMs = 30000; ///< a request must arrive whole within this (slow senders get 408)
    int maxConnections = 512; ///< beyond this, new connections get 503 and are closed
};

/// The HTTP/1.1 server shared by the simulator and the callback listener: QTcpServer (or QSslServer)
/// for sockets, libhttp-parser for parsing (never hand-written), keep-alive, pipelining, and the
/// limits above enforced while parsing. Handlers run on the server's thread and answer synchronously.
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

signals:
    /// A request the server refused before any handler saw it (for logs and tests).
    void requestRefused(int status, const QString& reason);

private:
    class Connection;
    friend class Connection;
    void acceptPending();
    HttpResponse dispatch(const HttpRequest& request);
    HttpResponse refuse(int status, const QString& reason);

    ServerLimits m_limits;
    Handler m_handler;
    ErrorResponder m_errorResponder;
    std::unique_ptr<QSslConfiguration> m_tls;
    QTcpServer* m_server = nullptr;
    int m_connections = 0;
};

} // namespace Net
