#pragma once

#include "HttpMessage.h"
#include "util/Result.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Net {

/// Which requests one of our local servers answers at all. Any web page the user visits can send requests to
/// 127.0.0.1, and through DNS rebinding it can also read the answers; so
///  - the Host header must name this server: 127.0.0.1:PORT, localhost:PORT, [::1]:PORT, the bound address, or a
///    configured public name (a tunnel's host) — anything else gets 421 Misdirected Request;
///  - a request carrying an Origin gets 403 unless that origin is one of the same names (same-origin pages);
///  - POSTs under the paths given to requireJsonPosts need Content-Type application/json (415 otherwise), which
///    no cross-site form or simple fetch can send.
/// HttpServer holds one, bound to its address and port when it listens, and checks every request with it.
class RequestGuard
{
public:
    struct Refusal
    {
        int status = 0; ///< 400 (no Host), 421, 403 or 415
        QString reason; ///< for logs and the record: names the header and the value refused
    };

    /// The address, port and scheme the server listens on (HttpServer::listen calls this).
    void bind(const QHostAddress& address, quint16 port, bool tls);
    /// Names a tunnel or proxy forwards to this server with: "host" (any port) or "host:port".
    /// Values that are not host names are ignored (check them first with checkPublicName).
    void setPublicNames(const QStringList& names);
    QStringList publicNames() const;
    /// POSTs whose decoded path starts with `pathPrefix` need Content-Type: application/json.
    void requireJsonPosts(const QString& pathPrefix);
    /// Off only for tests of the bare HTTP layer.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    /// Nothing when the request may be answered; otherwise the status and reason to refuse it with.
    std::optional<Refusal> check(const HttpRequest& request) const;
    /// `host[:port]` as in a Host header.
    bool allowsHost(const QByteArray& hostHeader) const;
    /// `scheme://host[:port]` as in an Origin header.
    bool allowsOrigin(const QByteArray& origin) const;

    /// Error "bad-public-name" unless `name` is a host name or address, optionally with ":port".
    static Util::Status checkPublicName(const QString& name);
    /// The public name a URL is reached by (its host, with the port when the URL names one); empty if none.
    static QString publicNameOf(const QString& url);

private:
    struct Name
    {
        QString host; ///< lower case; IPv6 without brackets
        int port = -1; ///< -1: any port
    };
    /// Splits "host[:port]" (IPv6 in brackets); false when it is not one.
    static bool splitAuthority(const QString& text, Name* out);
    bool allows(const Name& name, int defaultPort) const;

    bool m_enabled = true;
    bool m_tls = false;
    quint16 m_port = 0;
    QStringList m_localHosts; ///< loopback names and the bound address(es), all on m_port
    QList<Name> m_public;
    QStringList m_jsonPrefixes;
};

} // namespace Net
