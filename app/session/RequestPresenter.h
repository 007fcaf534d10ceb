#pragma once

#include "ConsoleSession.h"
#include "protocol/ApiCatalog.h"
#include "protocol/Envelope.h"
#include "protocol/Text.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Session {

/// What the preview tabs of an API page show for one body.
struct RequestPreview
{
    QString body; ///< the body as indented JSON
    QString signing; ///< string-to-sign and signature, or why there is none
    QString encryption; ///< IV, ciphertext and tag, or why there are none
    QString http; ///< the raw HTTP request (secret headers hidden unless revealed)
    QString curl; ///< the same as a curl command line
    QString code; ///< the code sample in the chosen language (request APIs only)
    QString problem; ///< why the request cannot be built now (no CEK yet, ...); empty when it can
    std::optional<Protocol::PreparedRequest> request; ///< the request shown, when it could be built
};

/// Where the console's string-to-sign and the server's part ways (the simulator's signature-mismatch answer).
struct SignatureDiff
{
    bool identical = false; ///< then the client secret must differ
    qsizetype at = 0; ///< the first character that differs
};

/// What the answer area of an API page shows for one finished exchange.
struct AnswerView
{
    QString status; ///< "HTTP 200 in 12 ms", "No answer in time.", ...
    bool arrived = false; ///< false: a transport failure, nothing below is set
    QString raw; ///< the response headers and body
    QString content; ///< the (decrypted) content, indented
    bool hasJose = false; ///< a gateway poll's JWE result was met
    QString jose; ///< its header, claims and result (or why it did not open)
    QString codeLine; ///< "<code> — meaning\nmessage", empty without a code
    QString signatureDiffHtml; ///< rich text, empty unless the simulator reported a signature mismatch
    QString link; ///< the app link with the returned ticketID, or the gateway's `url`; empty: none
    QString openUrl; ///< a gateway QR page the browser should open now; empty: none
};

/// Everything an API page computes, without widgets (issue 14): the preview of the exact request, the getQR link
/// and app links, the answer worded for the UI language, return codes worded in one place, the signature diff,
/// and the Specification tab built from the catalog (resources/spec/api.html). ApiPage shows what this returns.
/// Texts are translated in the contexts they always had ("ApiPage", "SpecPage"), so translations carry over.
class RequestPresenter
{
    Q_DECLARE_TR_FUNCTIONS(ApiPage)

public:
    RequestPresenter(const Protocol::ApiSpec& api, ConsoleSession* session);

    const Protocol::ApiSpec& api() const { return m_api; }
    void setLanguage(Protocol::Language language) { m_language = language; }
    Protocol::Language language() const { return m_language; }

    /// The Specification tab's HTML for this API in the current language.
    QString specHtml() const { return specHtml(m_api, m_language); }
    /// The Specification tab's HTML of any API: method and URL, scope, headers, fields with their rules and the
    /// enumerations they use (anchored `#enum-<name>`), the answer's sample, HTTP statuses, the callbacks it leads
    /// to (or the requests that lead to it) as `iamsmart-api:<id>` links, and every return code.
    static QString specHtml(const Protocol::ApiSpec& api, Protocol::Language language);
    /// The URL scheme of links to another API's page.
    static QString apiLinkScheme() { return QStringLiteral("iamsmart-api"); }

    /// The text of the QR this page would show: the getQR URL built from the form's values (browser API only).
    QString qrText(const QJsonObject& values) const;
    /// The preview for `body`: `sampleLanguage` picks the code sample; `revealSecrets` shows secret headers.
    /// Builds a fresh request (timestamp and nonce) through the session.
    RequestPreview preview(const QJsonObject& body, const Protocol::RequestExtras& extras,
        const QString& sampleLanguage, bool revealSecrets) const;
    /// Why Send could not build the request, in words.
    QString sendProblem(const Util::Error& error) const;
    /// A finished exchange in words. `problemField`: the first field the form flags (fills a code's parameter
    /// when the server's message does not name one).
    AnswerView answer(const Exchange& exchange, bool masking, const QString& problemField) const;

    /// A return code's meaning in `language`; a `%1` in it becomes `parameter`, or goes (with its spaces) when
    /// `parameter` is empty. The one place a code is worded: the Specification tab passes "…".
    static QString codeMeaning(const QString& code, Protocol::Language language, const QString& parameter);
    /// The meaning with the parameter named by `message` (or `problemField`) and, for codes with a known way
    /// out, the next step.
    QString explainCode(const QString& code, const QString& message, const QString& problemField) const;
    static SignatureDiff diffStringsToSign(const QString& ours, const QString& server);

    /// Whether the environment plays the browser (the local simulators): Send then opens the QR page itself.
    bool playsBrowser() const;
    /// The note on a browser-kind page: what Send does here.
    QString browserNote() const;
    /// The note naming the earned values a request needs and lacks (empty when none lack).
    QString missingEarnedNote(const QStringList& missing) const;
    /// The one line next to Send: a JSON error that blocks it, rule breaks, or why the preview failed.
    QString statusLine(const QString& jsonProblem, int ruleProblems, const QString& previewProblem) const;

private:
    const Protocol::ApiSpec& m_api;
    ConsoleSession* m_session;
    Protocol::Language m_language = Protocol::Language::English;
};

} // namespace Session
