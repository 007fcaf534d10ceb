#include "RequestPresenter.h"

#include "History.h"
#include "protocol/CodeSamples.h"
#include "protocol/Links.h"
#include "protocol/ReturnCodes.h"
#include "util/Masking.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace Session {
namespace {

QString indented(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

/// Indented when `json` is JSON, else the text as it is.
QString pretty(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

RequestPresenter::RequestPresenter(const Protocol::ApiSpec& api, ConsoleSession* session)
    : m_api(api)
    , m_session(session)
{
}

QString RequestPresenter::qrText(const QJsonObject& values) const
{
    if (m_api.kind != Protocol::ApiKind::Browser || !m_session)
        return {};
    return Protocol::Links::getQrUrl(m_session->environment().baseUrl, values);
}

RequestPreview RequestPresenter::preview(const QJsonObject& body, const Protocol::RequestExtras& extras,
    const QString& sampleLanguage, bool revealSecrets) const
{
    RequestPreview p;
    p.body = indented(body);
    if (m_api.kind == Protocol::ApiKind::Browser) {
        const QString url = qrText(body);
        p.http = QStringLiteral("GET ") + url;
        p.curl = QStringLiteral("curl -sS -i '") + url + QLatin1Char('\'');
        p.signing = tr("The browser opens this URL; it is not signed.");
        p.encryption = tr("Not encrypted.");
        return p;
    }
    if (m_api.kind == Protocol::ApiKind::Callback || !m_session)
        return p;
    Protocol::SampleInput sample;
    sample.baseUrl = m_session->environment().baseUrl;
    sample.api = &m_api;
    sample.body = body;
    sample.clientId = m_session->credentials().clientId;
    sample.encrypt = m_session->environment().encrypted;
    sample.subscriptionKey = m_session->environment().usesSubscriptionKey;
    sample.extras = extras;
    p.code = Protocol::CodeSamples::generate(sampleLanguage, sample);
    auto prepared = m_session->prepare(m_api, body, extras);
    if (!prepared) {
        p.problem = prepared.error().code == QLatin1String("no-cek")
            ? tr("No content encryption key yet: send Key management → Request content encryption key first.")
            : prepared.error().toString();
        p.signing = p.encryption = p.http = p.curl = p.problem;
        return p;
    }
    p.request = prepared.value();
    const Protocol::PreparedRequest& r = *p.request;
    if (r.signature) {
        p.signing = tr("String to sign (clientID + signatureMethod + timestamp + nonce + body):\n%1\n\n"
                       "HMAC-SHA256, Base64:\n%2\n\nsignature header (URL-encoded):\n%3")
                        .arg(QString::fromUtf8(r.signature->stringToSign), QString::fromLatin1(r.signature->base64),
                            QString::fromLatin1(r.signature->headerValue));
    } else if (m_api.isGateway()) {
        p.signing = tr("Gateway requests are not signed: the x-client-id and x-client-secret "
                       "headers authenticate the caller. Tokens are HS256 JWTs issued by the "
                       "gateway.");
    } else {
        p.signing = tr("This request is not signed.");
    }
    if (r.encrypted) {
        p.encryption = tr("AES-256-GCM, no AAD\nIV (12 bytes): %1\nCiphertext (%2 bytes): %3\nTag (16 bytes): %4\n\n"
                          "Body sent:\n%5")
                           .arg(QString::fromLatin1(r.encrypted->iv.toHex()))
                           .arg(r.encrypted->ciphertext.size())
                           .arg(QString::fromLatin1(r.encrypted->ciphertext.toBase64()),
                               QString::fromLatin1(r.encrypted->tag.toHex()), QString::fromUtf8(r.body));
    } else if (m_api.isGateway()) {
        p.encryption = tr("Sent as plain JSON. Results come back from polling as a JWE "
                          "(RSA-OAEP, A256GCM) encrypted to your registered public key; the "
                          "console decrypts it with the environment's private key.");
    } else {
        p.encryption = tr("Sent as plain JSON.");
    }
    QByteArray http = r.rawHttp();
    QByteArray curl = r.curl();
    for (const auto& header : r.headers) {
        // Secrets never sit on screen unasked: the headers history and HAR redact too.
        if (!header.second.isEmpty() && Har::isSecretHeader(header.first) && !revealSecrets) {
            http.replace(header.second, "••••••••");
            curl.replace(header.second, "••••••••");
        }
    }
    p.http = QString::fromUtf8(http);
    p.curl = QString::fromUtf8(curl);
    return p;
}

QString RequestPresenter::sendProblem(const Util::Error& error) const
{
    return error.code == QLatin1String("no-cek")
        ? tr("No content encryption key yet: request one first (Key management).")
        : error.toString();
}

AnswerView RequestPresenter::answer(const Exchange& e, bool masking, const QString& problemField) const
{
    AnswerView a;
    if (!e.errorCode.isEmpty() && e.httpStatus == 0) {
        a.status = e.errorCode == QLatin1String("timeout") ? tr("No answer in time.")
            : e.errorCode == QLatin1String("cancelled")    ? tr("Cancelled.")
                                                           : tr("Network error: %1").arg(e.errorDetail);
        return a;
    }
    a.arrived = true;
    a.status = tr("HTTP %1 in %2 ms").arg(e.httpStatus).arg(e.latencyMs);
    QByteArray raw;
    for (const auto& h : e.responseHeaders)
        raw += h.first + ": " + h.second + '\n';
    raw += '\n' + e.responseBody;
    a.raw = QString::fromUtf8(raw);
    if (e.content.isObject())
        a.content = indented(e.content.toObject());
    else if (!e.errorCode.isEmpty())
        a.content = tr("Could not read the content: %1 (%2)").arg(e.errorCode, e.errorDetail);
    else
        a.content = pretty(e.responseBody);

    // A gateway poll's JWE result.
    a.hasJose = !e.joseHeader.isEmpty() || !e.joseError.isEmpty();
    if (a.hasJose) {
        a.jose = tr("Protected header:\n%1\n").arg(indented(e.joseHeader));
        if (!e.joseError.isEmpty()) {
            a.jose += tr("Could not decrypt: %1").arg(e.joseError);
        } else {
            QJsonObject claims = e.joseClaims;
            const QJsonObject result = claims.take(QLatin1String("result")).toObject();
            const QJsonObject shown = masking ? Util::maskPersonalData(result).toObject() : result;
            a.jose += tr("Claims:\n%1\nResult:\n%2").arg(indented(claims), indented(shown));
        }
    }

    // Same-device answers carry a ticketID: the app link. A gateway answer carries the QR page (browser) or the
    // universal link (mobile) as `url`; the browser opens a QR page at once, as after Send on the QR page itself.
    const QString ticket = e.content.toObject().value(QLatin1String("ticketID")).toString();
    const QString gatewayUrl
        = m_api.isGateway() ? e.content.toObject().value(QLatin1String("url")).toString() : QString();
    if (!gatewayUrl.isEmpty())
        a.link = gatewayUrl;
    if (!gatewayUrl.isEmpty() && e.succeeded() && gatewayUrl.startsWith(QLatin1String("http")))
        a.openUrl = gatewayUrl;
    if (!ticket.isEmpty())
        a.link = Protocol::Links::appLink(&m_api, ticket, QJsonDocument::fromJson(e.request.plaintext).object());

    const QString code = e.returnCode();
    if (!code.isEmpty()) {
        const QString message
            = e.envelope ? e.envelope->message : e.content.toObject().value(QLatin1String("message")).toString();
        a.codeLine = QStringLiteral("%1 — %2\n%3").arg(code, explainCode(code, message, problemField), message);
    }

    // Simulator only: where our string-to-sign and the server's part ways.
    const QString server = e.envelope
        ? e.envelope->extra.value(QLatin1String("debug")).toObject().value(QLatin1String("stringToSign")).toString()
        : QString();
    if (code == Protocol::Code::SignatureInvalid && !server.isEmpty() && e.request.signature) {
        const QString ours = QString::fromUtf8(e.request.signature->stringToSign);
        const SignatureDiff diff = diffStringsToSign(ours, server);
        if (diff.identical) {
            a.signatureDiffHtml = tr("The strings to sign are identical, so the client secret must differ.");
        } else {
            auto mark = [at = diff.at](const QString& s) {
                return s.left(at).toHtmlEscaped() + QStringLiteral("<span style=\"background:#ffd54f\">")
                    + s.mid(at, 24).toHtmlEscaped() + QStringLiteral("</span>") + s.mid(at + 24, 40).toHtmlEscaped();
            };
            a.signatureDiffHtml = tr("The strings to sign differ from character %1:<br><b>Console:</b> <code>%2</code><br>"
                                     "<b>Simulator:</b> <code>%3</code>")
                                      .arg(diff.at)
                                      .arg(mark(ours), mark(server));
        }
    }
    return a;
}

SignatureDiff RequestPresenter::diffStringsToSign(const QString& ours, const QString& server)
{
    SignatureDiff d;
    if (ours == server) {
        d.identical = true;
        d.at = ours.size();
        return d;
    }
    while (d.at < ours.size() && d.at < server.size() && ours.at(d.at) == server.at(d.at))
        ++d.at;
    return d;
}

QString RequestPresenter::codeMeaning(const QString& code, Protocol::Language language, const QString& parameter)
{
    const Protocol::ReturnCode* rc = Protocol::ApiCatalog::builtin().returnCode(code);
    if (!rc)
        return {};
    QString meaning = rc->meaning.get(language);
    if (!meaning.contains(QLatin1String("%1")))
        return meaning;
    if (parameter.isEmpty())
        return meaning.replace(QRegularExpression(QStringLiteral("\\s*%1\\s*")), QStringLiteral(" ")).trimmed();
    return meaning.replace(QLatin1String("%1"), parameter);
}

QString RequestPresenter::explainCode(const QString& code, const QString& message, const QString& problemField) const
{
    if (!Protocol::ApiCatalog::builtin().returnCode(code))
        return tr("Unknown code");
    // The parameter comes from the server's message, else from the field the form flags; never "…".
    static const QRegularExpression named(QStringLiteral("[Pp]arameter\\s+([A-Za-z][A-Za-z0-9_.-]*)"));
    QString name = named.match(message).captured(1);
    if (name.isEmpty())
        name = problemField;
    QString meaning = codeMeaning(code, m_language, name);
    if (code == Protocol::Code::AuthCodeInvalid)
        meaning += QLatin1Char(' ')
            + tr("Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works "
                 "once.");
    else if (code == Protocol::Code::InsufficientPermission)
        meaning += QLatin1Char(' ')
            + (m_api.scope.isEmpty()
                    ? tr("Next: log in again with the scope this API needs.")
                    : tr("Next: log in again requesting the scope %1, then use the new token.").arg(m_api.scope));
    return meaning;
}

bool RequestPresenter::playsBrowser() const
{
    return m_session && m_session->environment().isLocal();
}

QString RequestPresenter::browserNote() const
{
    return playsBrowser()
        ? tr("Send opens this page as a browser would; the phone asks you, and the redirect returns here.")
        : tr("Send opens this page in your web browser; scan its QR code with iAM Smart.");
}

QString RequestPresenter::missingEarnedNote(const QStringList& missing) const
{
    return missing.isEmpty()
        ? QString()
        : tr("No %1 from a login in this environment yet: the portal's sample value will be refused.")
              .arg(missing.join(QStringLiteral(", ")));
}

QString RequestPresenter::statusLine(const QString& jsonProblem, int ruleProblems, const QString& previewProblem) const
{
    if (!jsonProblem.isEmpty())
        return tr("Send is blocked: the JSON tab does not parse (%1).").arg(jsonProblem);
    if (ruleProblems > 0)
        return tr("%n field(s) break their rules; Send still sends, to test the answer.", nullptr, ruleProblems);
    if (m_api.kind == Protocol::ApiKind::Request)
        return previewProblem;
    return {};
}

} // namespace Session
