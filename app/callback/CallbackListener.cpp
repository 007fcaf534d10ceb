#include "CallbackListener.h"
#include "protocol/ReturnCodes.h"

#include "crypto/AesGcmCipher.h"
#include "crypto/Certificates.h"
#include "crypto/Encoding.h"
#include "crypto/KeyWrap.h"
#include "net/HttpServer.h"
#include "protocol/Envelope.h"
#include "util/RequestStamp.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace Callback {
namespace {

QByteArray compactJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Net::HttpResponse jsonAnswer(int status, const QString& result, const QString& id, const QString& detail = {})
{
    QJsonObject o {{QStringLiteral("result"), result}, {QStringLiteral("id"), id}};
    if (!detail.isEmpty())
        o.insert(QStringLiteral("error"), detail);
    return Net::HttpResponse::json(status, compactJson(o));
}

} // namespace

CallbackListener::CallbackListener(const Protocol::ApiCatalog& catalog, const Util::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_clock(clock)
{
}

CallbackListener::~CallbackListener() = default;

Util::Status CallbackListener::start(const ListenerOptions& options)
{
    stop();
    if (!options.address.isLoopback() && !options.allowNonLoopback)
        return Util::Error {QStringLiteral("not-loopback"),
            QStringLiteral("%1 is reachable from other machines; allow that explicitly to bind it")
                .arg(options.address.toString())};
    m_options = options;
    m_history = CallbackHistory(options.historyDir, options.keepPersonalData);
    m_records = m_history.load();
    m_recordBytes = 0;
    for (const CallbackRecord& r : std::as_const(m_records))
        m_recordBytes += footprint(r);
    m_dropped += trim();
    for (const CallbackRecord& r : std::as_const(m_records)) {
        if (r.httpStatus == 200)
            rememberFingerprint(fingerprint(r));
    }
    emit recordsReset();

    m_server = std::make_unique<Net::HttpServer>();
    m_server->setHandler([this](const Net::HttpRequest& request) { return handle(request); });
    // Refusals (413, 400 malformed HTTP, 408) are kept in the history too: nothing is dropped silently.
    connect(m_server.get(), &Net::HttpServer::requestRefused, this, [this](int status, const QString& reason) {
        CallbackRecord r;
        r.id = Util::randomHex32();
        r.receivedAt = m_clock.nowMs();
        r.httpStatus = status;
        r.errorCode = status == 413 ? QStringLiteral("too-large")
            : status == 421         ? QStringLiteral("foreign-host")
            : status == 403         ? QStringLiteral("foreign-origin")
                                    : QStringLiteral("bad-http");
        r.errorDetail = reason;
        r.matchStatus = Match::Rejected;
        keep(r);
    });
    if (options.https) {
        auto key = Crypto::RsaPrivateKey::generate(2048);
        if (!key)
            return key.error();
        const QString host = options.address.toString();
        auto cert = Crypto::Certificates::selfSigned(key.value(), QStringLiteral("iAM Smart Console callback listener"),
            825, {host, QStringLiteral("localhost")});
        if (!cert)
            return cert.error();
        m_certificatePem = cert.value();
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(m_certificatePem, QSsl::Pem));
        tls.setPrivateKey(QSslKey(key->toPem(), QSsl::Rsa, QSsl::Pem));
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server->setTlsConfiguration(tls);
    }
    m_server->guard().setPublicNames(options.publicNames);
    return m_server->listen(options.address, options.port);
}

void CallbackListener::setPublicNames(const QStringList& names)
{
    m_options.publicNames = names;
    if (m_server)
        m_server->guard().setPublicNames(names);
}

void CallbackListener::stop()
{
    if (m_server)
        m_server->close();
    m_server.reset();
}

bool CallbackListener::isListening() const
{
    return m_server && m_server->isListening();
}

QString CallbackListener::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QString();
}

QString CallbackListener::urlFor(const QString& callbackId) const
{
    const Protocol::ApiSpec* api = m_catalog.api(callbackId);
    return api ? baseUrl() + api->path : QString();
}

QMap<QString, QString> CallbackListener::callbackPaths() const
{
    QMap<QString, QString> out;
    for (const Protocol::ApiSpec& api : m_catalog.apis()) {
        if (api.kind == Protocol::ApiKind::Callback)
            out.insert(api.id, api.path);
    }
    return out;
}

void CallbackListener::expect(const ExpectedCallback& expected)
{
    m_expected.append(expected);
    while (m_expected.size() > std::max(1, m_options.maxRecords))
        m_completed.remove(m_expected.takeFirst().requestId);
}

Net::HttpResponse CallbackListener::handle(const Net::HttpRequest& request)
{
    CallbackRecord record;
    record.id = Util::randomHex32();
    record.receivedAt = m_clock.nowMs();
    record.method = request.method;
    record.path = request.path;
    record.query = request.query;
    record.headers = request.headers;
    record.body = request.body;

    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    const Protocol::ApiSpec* api = nullptr;
    for (const Protocol::ApiSpec& a : m_catalog.apis()) {
        if (a.kind == Protocol::ApiKind::Callback && a.path == path)
            api = &a;
    }
    if (!api) {
        record.httpStatus = 404;
        record.errorCode = QStringLiteral("unknown-path");
        record.errorDetail = QStringLiteral("no callback is served at %1").arg(path);
        record.matchStatus = Match::Rejected;
        keep(record);
        return jsonAnswer(404, QStringLiteral("not-found"), record.id, record.errorDetail);
    }
    record.callbackId = api->id;
    if (request.method != api->method.toLatin1()) {
        record.httpStatus = 405;
        record.errorCode = QStringLiteral("wrong-method");
        record.errorDetail = QStringLiteral("%1 expects %2").arg(path, api->method);
        record.matchStatus = Match::Rejected;
        keep(record);
        Net::HttpResponse r = jsonAnswer(405, QStringLiteral("wrong-method"), record.id, record.errorDetail);
        r.setHeader("Allow", api->method.toLatin1());
        return r;
    }

    if (request.method == "GET") {
        handleGet(*api, request, record);
        keep(record);
        return Net::HttpResponse::html(record.httpStatus, resultPage(record));
    }
    handlePost(*api, request, record);
    keep(record);
    // One answer, byte for byte, for every callback that cannot be read (no oracle on the KEK private key);
    // why it failed is in the record and the inspector only.
    if (record.httpStatus != 200)
        return Net::HttpResponse::json(400, QByteArrayLiteral("{\"result\":\"rejected\"}"));
    return jsonAnswer(200, QStringLiteral("received"), record.id);
}

void CallbackListener::handlePost(const Protocol::ApiSpec& api, const Net::HttpRequest& request, CallbackRecord& record)
{
    auto fail = [&](const Util::Error& error) {
        record.httpStatus = 400;
        record.errorCode = error.code;
        record.errorDetail = error.detail;
        record.matchStatus = Match::Undecryptable;
    };
    auto envelope = Protocol::ResponseEnvelope::parse(request.body);
    if (!envelope) {
        fail(envelope.error());
        return;
    }
    record.envelopeCode = envelope->code;
    QByteArray cek = m_cek;
    Util::Error unwrapFailure; // code empty: the secretKey unwrapped (or there was none)
    if (!envelope->secretKey.isEmpty()) {
        if (m_kek.isNull()) {
            fail({QStringLiteral("no-kek-key"), QStringLiteral("secretKey sent but no KEK private key is configured")});
            return;
        }
        // Implicit rejection: a secretKey that does not unwrap gives a substitute key, and the callback goes on to
        // fail at the tag check like any other, so neither the answer nor the path taken tells why.
        cek = Crypto::KeyWrap::unwrapOrSubstitute(m_kek, envelope->secretKey.toLatin1(), &unwrapFailure);
    }
    const bool unwrapped = unwrapFailure.code.isEmpty();
    if (envelope->content.isUndefined() || envelope->content.isNull()) {
        // An error callback (code other than Code::Success) may carry no content at all.
        if (!unwrapped) {
            fail(unwrapFailure);
            return;
        }
        if (envelope->isSuccess()) {
            fail({QStringLiteral("no-content"), QStringLiteral("%1 callback without content").arg(Protocol::Code::Success)});
            return;
        }
    } else if (envelope->contentIsEncrypted() && api.encrypted) {
        if (cek.isEmpty()) {
            fail({QStringLiteral("no-cek"), QStringLiteral("no secretKey in the callback and no current CEK")});
            return;
        }
        auto content = envelope->decryptContent(cek);
        if (!content || !unwrapped) {
            fail(unwrapped ? content.error() : unwrapFailure);
            return;
        }
        record.content = content.value();
    } else {
        if (!unwrapped) {
            fail(unwrapFailure);
            return;
        }
        record.content = envelope->content; // plain JSON (sandbox-compatible mode)
    }

    const QJsonObject content = record.content.toObject();
    if (!record.content.isUndefined() && !record.content.isObject()) {
        record.shapeProblems << QStringLiteral("content is not a JSON object");
    } else if (!record.content.isUndefined()) {
        for (const Protocol::FieldViolation& v : m_catalog.checkBody(api, content))
            record.shapeProblems << v.detail;
    }
    record.businessId = content.value(QLatin1String("businessID")).toString();
    record.state = content.value(QLatin1String("state")).toString();
    match(record);
}

void CallbackListener::handleGet(const Protocol::ApiSpec& api, const Net::HttpRequest& request, CallbackRecord& record)
{
    QList<Protocol::FieldViolation> violations;
    const QJsonObject query
        = Protocol::ApiCatalog::queryBody(api, request.queryItems().queryItems(QUrl::FullyDecoded), &violations);
    record.content = query;
    record.state = query.value(QLatin1String("state")).toString();
    record.businessId = query.value(QLatin1String("businessID")).toString();
    // iAM Smart names a failure error_code; the gateway family (protocol.md §7) names it error.
    const QString errorKey = api.isGateway() ? QStringLiteral("error") : QStringLiteral("error_code");
    record.envelopeCode = query.value(errorKey).toString();
    for (const Protocol::FieldViolation& v : violations + m_catalog.checkBody(api, query))
        record.shapeProblems << v.detail;
    if (!query.contains(QLatin1String("code")) && !query.contains(errorKey))
        record.shapeProblems << QStringLiteral("neither code nor %1 is present").arg(errorKey);
    match(record);
}

void CallbackListener::match(CallbackRecord& record)
{
    const QByteArray print = fingerprint(record);
    const bool replay = m_seenBodies.contains(print);
    rememberFingerprint(print);

    // An expectation names the callback it waits for (empty: any). A callback with a businessID is matched by
    // it; one without (the GET auth callback) by its state. A browser return that carries a businessID meant
    // for another callback (anonymous flows) falls back to its state.
    auto fits
        = [&record](const ExpectedCallback& e) { return e.callbackId.isEmpty() || e.callbackId == record.callbackId; };
    const ExpectedCallback* expected = nullptr;
    const ExpectedCallback* sameBusiness = nullptr;
    for (auto it = m_expected.crbegin(); it != m_expected.crend() && !record.businessId.isEmpty(); ++it) {
        if (it->businessId == record.businessId && fits(*it)) {
            sameBusiness = &*it;
            break;
        }
    }
    if (sameBusiness) {
        if (sameBusiness->state != record.state) {
            record.matchedRequestId = sameBusiness->requestId;
            record.matchStatus = Match::StateMismatch;
            return;
        }
        expected = sameBusiness;
    } else {
        for (auto it = m_expected.crbegin(); it != m_expected.crend() && !record.state.isEmpty(); ++it) {
            if (it->businessId.isEmpty() && it->state == record.state && fits(*it)) {
                expected = &*it;
                break;
            }
        }
        if (!expected) {
            record.matchStatus = record.businessId.isEmpty() ? Match::UnknownState : Match::UnknownBusinessId;
            return;
        }
    }
    record.matchedRequestId = expected->requestId;
    if (replay || m_completed.contains(expected->requestId)) {
        record.matchStatus = Match::Duplicate;
        return;
    }
    m_completed.insert(expected->requestId);
    record.matchStatus = Match::Matched;
}

void CallbackListener::keep(const CallbackRecord& record)
{
    m_records.append(record);
    m_recordBytes += footprint(record);
    (void)m_history.append(record); // a full disk must not stop the listener; the record stays in memory
    const int dropped = trim();
    m_dropped += dropped;
    if (dropped > 0)
        emit recordsDropped(dropped, m_dropped);
    emit callbackReceived(record);
}

int CallbackListener::trim()
{
    int dropped = 0;
    while (m_records.size() > 1
        && (m_records.size() > std::max(1, m_options.maxRecords) || m_recordBytes > m_options.maxRecordBytes)) {
        m_recordBytes -= footprint(m_records.constFirst());
        m_records.removeFirst();
        ++dropped;
    }
    return dropped;
}

void CallbackListener::rememberFingerprint(const QByteArray& fingerprint)
{
    if (m_seenBodies.contains(fingerprint))
        return;
    m_seenBodies.insert(fingerprint);
    m_seenOrder.push_back(fingerprint);
    while (m_seenOrder.size() > size_t(std::max(1, m_options.maxRecords))) {
        m_seenBodies.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
}

QByteArray CallbackListener::fingerprint(const CallbackRecord& record)
{
    // Lengths first, so that no two different requests hash the same bytes.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray* part : {&record.method, &record.path, &record.query, &record.body}) {
        hash.addData(QByteArray::number(part->size()) + ':');
        hash.addData(*part);
    }
    return hash.result();
}

qint64 CallbackListener::footprint(const CallbackRecord& record)
{
    qint64 bytes = record.body.size() + record.path.size() + record.query.size();
    for (const auto& h : record.headers)
        bytes += h.first.size() + h.second.size();
    return bytes;
}

QByteArray CallbackListener::resultPage(const CallbackRecord& record) const
{
    using Protocol::Text;
    const Protocol::Language lang = m_options.language;
    const QJsonObject q = record.content.toObject();
    Text title;
    Text body;
    if (q.contains(QLatin1String("code")) && record.matchStatus == Match::Matched) {
        title = Text(QStringLiteral("iAM Smart login received"), QStringLiteral("已收到智方便登入"),
            QStringLiteral("已收到智方便登录"));
        body = Text(
            QStringLiteral("The authorisation code arrived and matches the request. You can return to the console."),
            QStringLiteral("授權碼已送達，並與請求相符。你可以返回控制台。"),
            QStringLiteral("授权码已送达，并与请求相符。你可以返回控制台。"));
    } else if (!record.envelopeCode.isEmpty()) {
        title = Text(QStringLiteral("iAM Smart did not complete"), QStringLiteral("智方便未能完成"),
            QStringLiteral("智方便未能完成"));
        const Protocol::ReturnCode* rc = m_catalog.returnCode(record.envelopeCode);
        const QString meaning = rc ? rc->meaning.get(lang) : QString();
        body = Text(QStringLiteral("Return code %1. %2").arg(record.envelopeCode, meaning),
            QStringLiteral("回應代碼 %1。%2").arg(record.envelopeCode, meaning),
            QStringLiteral("返回代码 %1。%2").arg(record.envelopeCode, meaning));
    } else {
        title = Text(
            QStringLiteral("Callback not matched"), QStringLiteral("回調未能配對"), QStringLiteral("回调未能配对"));
        body = Text(QStringLiteral("The callback was kept, but it does not match a request this console sent (%1).")
                        .arg(record.matchStatus),
            QStringLiteral("回調已保存，但與本控制台發出的請求不符（%1）。").arg(record.matchStatus),
            QStringLiteral("回调已保存，但与本控制台发出的请求不符（%1）。").arg(record.matchStatus));
    }
    const QString htmlLang = lang == Protocol::Language::English ? QStringLiteral("en") : Protocol::languageKey(lang);
    return QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>"
                          "<meta name=\"viewport\" content=\"width=device-width\"></head>"
                          "<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>%2</h1><p>%3</p>"
                          "<p><small>%4</small></p></body></html>")
        .arg(htmlLang, title.get(lang).toHtmlEscaped(), body.get(lang).toHtmlEscaped(), record.id)
        .toUtf8();
}

} // namespace Callback
