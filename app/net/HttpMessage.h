#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace Net {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// A query string read as browsers and servers read forms (application/x-www-form-urlencoded): '+' is a space
/// and %2B a plus. Every query our servers read goes through here (HttpRequest::queryItems), so
/// `scope=eidapi_auth+eidapi_profiles` (Java's URLEncoder, Python's urlencode, PHP, .NET, HTML forms) and
/// `scope=eidapi_auth%20eidapi_profiles` (what our own clients send) mean the same. Read values with
/// QUrl::FullyDecoded.
QUrlQuery formQuery(const QByteArray& encoded);

/// One HTTP request exactly as received (the exact body bytes are kept for signature checks).
struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< as on the request line: path and query, still percent-encoded
    QByteArray path; ///< target without the query, still percent-encoded
    QByteArray query; ///< after '?', still percent-encoded
    HeaderList headers;
    QByteArray body;
    QHostAddress peer;
    bool tls = false;

    /// First header with this name, case-insensitive; empty if absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    /// The query read as a form (formQuery): values come out with QUrl::FullyDecoded.
    QUrlQuery queryItems() const;
    QString queryValue(const QString& name) const;
};

/// A response to write back.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const;

    static HttpResponse json(int status, const QByteArray& body);
    static HttpResponse html(int status, const QByteArray& body);
    static HttpResponse text(int status, const QByteArray& body);
    static HttpResponse redirect(const QByteArray& location, int status = 302);
    static QByteArray reasonPhrase(int status);
};

} // namespace Net
