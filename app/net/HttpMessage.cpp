#include "HttpMessage.h"

namespace Net {

QByteArray HttpRequest::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QUrlQuery formQuery(const QByteArray& encoded)
{
    // A literal '+' can only be a space: a plus is sent as %2B. Qt decodes the rest.
    QByteArray query = encoded;
    query.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(query));
}

QUrlQuery HttpRequest::queryItems() const
{
    return formQuery(query);
}

QString HttpRequest::queryValue(const QString& name) const
{
    return queryItems().queryItemValue(name, QUrl::FullyDecoded);
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QByteArray& body)
{
    return {status, {{"Content-Type", "application/json"}}, body};
}

HttpResponse HttpResponse::html(int status, const QByteArray& body)
{
    return {status, {{"Content-Type", "text/html; charset=utf-8"}}, body};
}

HttpResponse HttpResponse::text(int status, const QByteArray& body)
{
    return {status, {{"Content-Type", "text/plain; charset=utf-8"}}, body};
}

HttpResponse HttpResponse::redirect(const QByteArray& location, int status)
{
    return {
        status, {{"Location", location}, {"Content-Type", "text/plain; charset=utf-8"}}, "Redirecting to " + location};
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 421:
        return "Misdirected Request";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace Net
