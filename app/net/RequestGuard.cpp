#include "RequestGuard.h"

#include <QNetworkInterface>
#include <QUrl>

namespace Net {
namespace {

/// At most this much of a refused header is echoed in the reason (the rest is the sender's noise).
QString shown(const QByteArray& value)
{
    const QString text = QString::fromLatin1(value.left(100));
    return value.size() > 100 ? text + QStringLiteral("…") : text;
}

bool isHostNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
        || c == QLatin1Char('-') || c == QLatin1Char('.') || c == QLatin1Char('_');
}

QString hostText(const QHostAddress& address)
{
    // Without a scope id: a Host header never carries one.
    QHostAddress plain = address;
    plain.setScopeId(QString());
    return plain.toString().toLower();
}

} // namespace

void RequestGuard::bind(const QHostAddress& address, quint16 port, bool tls)
{
    m_port = port;
    m_tls = tls;
    m_localHosts = {QStringLiteral("127.0.0.1"), QStringLiteral("localhost"), QStringLiteral("::1")};
    auto add = [this](const QHostAddress& a) {
        const QString h = hostText(a);
        if (!h.isEmpty() && !m_localHosts.contains(h))
            m_localHosts << h;
    };
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6) {
        // Bound to every interface (only on request): each of its addresses names this server.
        for (const QHostAddress& a : QNetworkInterface::allAddresses())
            add(a);
    } else {
        add(address);
    }
}

void RequestGuard::setPublicNames(const QStringList& names)
{
    m_public.clear();
    for (const QString& n : names) {
        Name name;
        if (splitAuthority(n.trimmed(), &name))
            m_public << name;
    }
}

QStringList RequestGuard::publicNames() const
{
    QStringList out;
    for (const Name& n : m_public) {
        const QString host = n.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + n.host + QLatin1Char(']') : n.host;
        out << (n.port < 0 ? host : host + QLatin1Char(':') + QString::number(n.port));
    }
    return out;
}

void RequestGuard::requireJsonPosts(const QString& pathPrefix)
{
    if (!m_jsonPrefixes.contains(pathPrefix))
        m_jsonPrefixes << pathPrefix;
}

bool RequestGuard::splitAuthority(const QString& text, Name* out)
{
    QString host;
    QString port;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype end = text.indexOf(QLatin1Char(']'));
        if (end < 0)
            return false;
        host = text.mid(1, end - 1);
        const QString rest = text.mid(end + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            port = rest.mid(1);
        }
        QHostAddress address;
        if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv6Protocol)
            return false;
        host = hostText(address);
    } else {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        if (colon >= 0 && text.indexOf(QLatin1Char(':'), colon + 1) >= 0)
            return false; // a bare IPv6 address, or junk
        host = colon < 0 ? text : text.left(colon);
        port = colon < 0 ? QString() : text.mid(colon + 1);
        host = host.toLower();
        if (host.isEmpty() || host.size() > 253 || host.startsWith(QLatin1Char('.')))
            return false;
        for (QChar c : std::as_const(host)) {
            if (!isHostNameChar(c))
                return false;
        }
        if (colon >= 0 && port.isEmpty())
            return false;
    }
    out->host = host;
    out->port = -1;
    if (!port.isEmpty()) {
        if (port.size() > 5)
            return false;
        for (QChar c : std::as_const(port)) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return false;
        }
        const int p = port.toInt();
        if (p < 1 || p > 65535)
            return false;
        out->port = p;
    }
    return true;
}

bool RequestGuard::allows(const Name& name, int defaultPort) const
{
    const int port = name.port < 0 ? defaultPort : name.port;
    if (m_localHosts.contains(name.host))
        return port == m_port;
    for (const Name& n : m_public) {
        if (n.host != name.host)
            continue;
        // A tunnel's front may be HTTPS while this server is HTTP: a portless Host matches either default port.
        if (n.port < 0 || n.port == name.port || (name.port < 0 && (n.port == 80 || n.port == 443)))
            return true;
    }
    return false;
}

bool RequestGuard::allowsHost(const QByteArray& hostHeader) const
{
    Name name;
    return splitAuthority(QString::fromLatin1(hostHeader), &name) && allows(name, m_tls ? 443 : 80);
}

bool RequestGuard::allowsOrigin(const QByteArray& origin) const
{
    // An origin is scheme://host[:port] exactly; "null" (sandboxed or opaque origins) is never ours.
    const QString text = QString::fromLatin1(origin);
    qsizetype at = text.indexOf(QLatin1String("://"));
    if (at <= 0)
        return false;
    const QString scheme = text.left(at).toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return false;
    Name name;
    return splitAuthority(text.mid(at + 3), &name) && allows(name, scheme == QLatin1String("https") ? 443 : 80);
}

std::optional<RequestGuard::Refusal> RequestGuard::check(const HttpRequest& request) const
{
    if (!m_enabled)
        return std::nullopt;
    int hosts = 0;
    int origins = 0;
    for (const auto& h : request.headers) {
        hosts += h.first.compare("Host", Qt::CaseInsensitive) == 0 ? 1 : 0;
        origins += h.first.compare("Origin", Qt::CaseInsensitive) == 0 ? 1 : 0;
    }
    if (hosts == 0)
        return Refusal {400, QStringLiteral("the Host header is missing")};
    if (hosts > 1)
        return Refusal {400, QStringLiteral("more than one Host header")};
    const QByteArray host = request.header("Host");
    if (!allowsHost(host))
        return Refusal {421, QStringLiteral("Host %1 does not name this server").arg(shown(host))};
    if (origins > 1)
        return Refusal {403, QStringLiteral("more than one Origin header")};
    if (origins == 1 && !allowsOrigin(request.header("Origin")))
        return Refusal {403,
            QStringLiteral("Origin %1 is not this server: cross-site requests are refused")
                .arg(shown(request.header("Origin")))};
    if (request.method != "GET" && request.method != "HEAD" && !m_jsonPrefixes.isEmpty()) {
        const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
        for (const QString& prefix : m_jsonPrefixes) {
            if (!path.startsWith(prefix))
                continue;
            const QByteArray type = request.header("Content-Type");
            const qsizetype semicolon = type.indexOf(';');
            const QByteArray media = (semicolon < 0 ? type : type.left(semicolon)).trimmed().toLower();
            if (media != "application/json")
                return Refusal {415,
                    QStringLiteral("Content-Type %1: %2 takes application/json only")
                        .arg(type.isEmpty() ? QStringLiteral("(none)") : shown(type), prefix)};
        }
    }
    return std::nullopt;
}

Util::Status RequestGuard::checkPublicName(const QString& name)
{
    Name parsed;
    if (!splitAuthority(name.trimmed(), &parsed))
        return Util::Error {QStringLiteral("bad-public-name"),
            QStringLiteral("'%1' is not a host name with an optional :port (e.g. abc.tunnel.example)").arg(name)};
    return Util::success();
}

QString RequestGuard::publicNameOf(const QString& url)
{
    const QUrl u(url.trimmed());
    if (!u.isValid() || u.host().isEmpty())
        return {};
    const QString host
        = u.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + u.host() + QLatin1Char(']') : u.host();
    return u.port() < 0 ? host.toLower() : host.toLower() + QLatin1Char(':') + QString::number(u.port());
}

} // namespace Net
