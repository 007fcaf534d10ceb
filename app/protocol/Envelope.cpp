#include "Envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace Protocol {
namespace {

QByteArray shellQuote(const QByteArray& s)
{
    QByteArray out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + '\'';
}

} // namespace

QByteArray PreparedRequest::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray PreparedRequest::rawHttp() const
{
    const QUrl u = QUrl::fromEncoded(url);
    QByteArray target = u.path(QUrl::FullyEncoded).toLatin1();
    if (u.hasQuery())
        target += '?' + u.query(QUrl::FullyEncoded).toLatin1();
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    out += "Host: " + u.authority(QUrl::FullyEncoded).toLatin1() + "\r\n";
    for (const auto& h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (method != "GET")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray PreparedRequest::curl() const
{
    QByteArray out = "curl -sS -X " + method + ' ' + shellQuote(url);
    for (const auto& h : headers)
        out += " \\\n  -H " + shellQuote(h.first + ": " + h.second);
    if (method != "GET")
        out += " \\\n  --data-binary " + shellQuote(body);
    return out;
}

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compactJson(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray RequestEnvelope::compact(const QJsonObject& object)
{
    return compactJson(object);
}

QByteArray RequestEnvelope::wrapContent(const QByteArray& base64Blob)
{
    return "{\"content\":\"" + base64Blob + "\"}";
}

QByteArray RequestEnvelope::apiUrl(const QString& baseUrl, const QString& path)
{
    return gatewayUrl(baseUrl, QStringLiteral("/api/v1") + path);
}

QByteArray RequestEnvelope::gatewayUrl(const QString& baseUrl, const QString& path)
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return (base + path).toUtf8();
}

Util::Result<PreparedRequest> RequestEnvelope::build(
    const ApiSpec& api, const QJsonObject& body, const BuildOptions& options)
{
    PreparedRequest r;
    r.method = api.method.toLatin1();
    r.url = apiUrl(options.baseUrl, api.path);
    r.plaintext = compact(body);
    r.timestamp = options.timestamp;
    r.nonce = options.nonce;

    if (api.isGateway()) {
        // The gateway family (protocol.md §7): the client id and secret as headers, plain JSON, no signature.
        r.url = gatewayUrl(options.baseUrl, api.path);
        r.body = r.plaintext;
        r.headers.append({"x-client-id", options.credentials.clientId.toUtf8()});
        r.headers.append({"x-client-secret", options.credentials.clientSecret});
        r.headers.append({"Content-Type", QByteArrayLiteral("application/json")});
        return r;
    }

    if (api.encrypted && options.encrypt) {
        if (options.cek.isEmpty())
            return Util::Error {QStringLiteral("no-cek"),
                QStringLiteral("%1 is encrypted and no content key (CEK) is available; call getKey first").arg(api.id)};
        Util::RandomSource& random = options.random ? *options.random : Util::RandomSource::system();
        auto blob = Crypto::AesGcmCipher::encrypt(options.cek, r.plaintext, random);
        if (!blob)
            return blob.error();
        r.encrypted = Crypto::AesGcmCipher::parse(blob.value()).value();
        r.body = wrapContent(blob.value());
    } else {
        r.body = r.plaintext;
    }

    if (api.isSigned) {
        r.headers.append({"clientID", options.credentials.clientId.toUtf8()});
        r.headers.append({"signatureMethod", QByteArray(Crypto::HmacSigner::method)});
        r.headers.append({"timestamp", QByteArray::number(options.timestamp)});
        r.headers.append({"nonce", options.nonce.toUtf8()});
        if (options.sign) {
            r.signature = Crypto::HmacSigner::sign(options.credentials.clientId, options.credentials.clientSecret,
                options.timestamp, options.nonce, r.body);
            r.headers.append({"signature", r.signature->headerValue});
        }
    }
    r.headers.append({"Content-Type", QByteArrayLiteral("application/json")});
    if (!options.credentials.subscriptionKey.isEmpty())
        r.headers.append({"Ocp-Apim-Subscription-Key", options.credentials.subscriptionKey});
    return r;
}

Util::Result<ResponseEnvelope> ResponseEnvelope::parse(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Util::Error {QStringLiteral("bad-json"),
            error.error != QJsonParseError::NoError
                ? QStringLiteral("offset %1: %2").arg(error.offset).arg(error.errorString())
                : QStringLiteral("the body is JSON but not an object")};
    QJsonObject o = doc.object();
    if (!o.value(QLatin1String("code")).isString())
        return Util::Error {QStringLiteral("not-envelope"), QStringLiteral("no string member 'code'")};
    ResponseEnvelope e;
    e.txID = o.take(QLatin1String("txID")).toString();
    e.code = o.take(QLatin1String("code")).toString();
    e.message = o.take(QLatin1String("message")).toString();
    const QJsonValue msg = o.take(QLatin1String("msg")); // CorpID-style spelling
    if (e.message.isEmpty())
        e.message = msg.toString();
    e.content = o.take(QLatin1String("content"));
    e.secretKey = o.take(QLatin1String("secretKey")).toString();
    e.extra = o;
    return e;
}

Util::Result<QJsonValue> ResponseEnvelope::decryptContent(const QByteArray& cek) const
{
    if (content.isUndefined() || content.isNull())
        return Util::Error {QStringLiteral("no-content"), QStringLiteral("the envelope has no content")};
    if (!content.isString())
        return content;
    auto plain = Crypto::AesGcmCipher::decrypt(cek, content.toString().toLatin1());
    if (!plain)
        return plain.error();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(plain.value(), &error);
    if (error.error != QJsonParseError::NoError)
        return Util::Error {
            QStringLiteral("bad-json"), QStringLiteral("decrypted content is not JSON: %1").arg(error.errorString())};
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QByteArray ResponseEnvelope::toJson() const
{
    QJsonObject o = extra;
    o.insert(QLatin1String("txID"), txID);
    o.insert(QLatin1String("code"), code);
    o.insert(QLatin1String("message"), message);
    if (!content.isUndefined())
        o.insert(QLatin1String("content"), content);
    if (!secretKey.isEmpty())
        o.insert(QLatin1String("secretKey"), secretKey);
    return compactJson(o);
}

bool RequestExtras::isHeaderName(const QString& name)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(name).hasMatch();
}

QByteArray RequestExtras::appendQuery(const QByteArray& url) const
{
    QByteArray out = url;
    for (const auto& [name, value] : query) {
        if (name.isEmpty())
            continue;
        out += out.contains('?') ? '&' : '?';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

void RequestExtras::applyTo(PreparedRequest& request) const
{
    request.url = appendQuery(request.url);
    for (const auto& [name, value] : headers) {
        if (isHeaderName(name) && !value.contains(QLatin1Char('\r')) && !value.contains(QLatin1Char('\n')))
            request.headers.append({name.toLatin1(), value.toUtf8()});
    }
}

} // namespace Protocol
