#pragma once

#include "ApiCatalog.h"
#include "ReturnCodes.h"
#include "crypto/AesGcmCipher.h"
#include "crypto/HmacSigner.h"
#include "util/RandomSource.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <optional>

namespace Protocol {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// What an online service holds to call iAM Smart.
struct Credentials
{
    QString clientId;
    QByteArray clientSecret;
    QByteArray subscriptionKey; ///< Cyberport sandbox only (`Ocp-Apim-Subscription-Key`)
};

/// A request exactly as it goes on the wire, with every intermediate kept for display.
struct PreparedRequest
{
    QByteArray method;
    QByteArray url;
    HeaderList headers;
    QByteArray plaintext; ///< the JSON body before encryption
    QByteArray body; ///< the exact bytes sent (and signed)
    qint64 timestamp = 0;
    QString nonce;
    std::optional<Crypto::SignatureParts> signature;
    std::optional<Crypto::GcmBlob> encrypted;

    QByteArray header(const QByteArray& name) const;
    /// The request as HTTP/1.1 text.
    QByteArray rawHttp() const;
    /// A curl command line (POSIX shell quoting) that sends exactly these bytes.
    QByteArray curl() const;
};

/// Options for building one request.
struct BuildOptions
{
    QString baseUrl; ///< e.g. http://127.0.0.1:8080 or https://…/authentication; /api/v1 is appended
    Credentials credentials;
    QByteArray cek; ///< required when the API is encrypted
    qint64 timestamp = 0;
    QString nonce;
    Util::RandomSource* random = nullptr; ///< IV source; system CSPRNG when null
    bool encrypt = true; ///< false for plain-JSON environments (Cyberport sandbox)
    bool sign = true; ///< false for environments that do not check signatures
};

/// What a user adds to a request beyond the catalog (Try it's "+ Add header" / "+ Add parameter"). Neither is
/// signed: the protocol signs the body only (protocol.md §2.2).
struct RequestExtras
{
    QList<QPair<QString, QString>> headers;
    QList<QPair<QString, QString>> query;
    bool isEmpty() const { return headers.isEmpty() && query.isEmpty(); }
    /// Appends the query to `url` (percent-encoded, after any query it has) and the headers after the others.
    /// Header names that are not HTTP tokens, or values with line breaks, are skipped.
    void applyTo(PreparedRequest& request) const;
    /// `url` with the extra query appended.
    QByteArray appendQuery(const QByteArray& url) const;
    static bool isHeaderName(const QString& name);
};

/// The request side of protocol.md §2–§3: JSON body → optional AES-GCM wrapper → signed headers.
class RequestEnvelope
{
public:
    /// Gateway-family APIs get x-client-id / x-client-secret headers and a plain JSON body.
    /// Errors: "no-cek" when the API is encrypted and no key is given; AES errors pass through.
    static Util::Result<PreparedRequest> build(
        const ApiSpec& api, const QJsonObject& body, const BuildOptions& options);
    /// {"content":"<blob>"} with no whitespace.
    static QByteArray wrapContent(const QByteArray& base64Blob);
    /// Compact JSON, the form bodies are sent and signed in.
    static QByteArray compact(const QJsonObject& object);
    /// {baseUrl}/api/v1{path}
    static QByteArray apiUrl(const QString& baseUrl, const QString& path);
    /// {baseUrl}{path} for the gateway family (protocol.md §7: paths are relative to the API host).
    static QByteArray gatewayUrl(const QString& baseUrl, const QString& path);
};

/// Compact JSON (no white space): how bodies are sent, signed and answered. The one writer of compact JSON.
QByteArray compactJson(const QJsonObject& object);
QByteArray compactJson(const QJsonArray& array);

/// The response and callback envelope of protocol.md §2.3: {txID, code, message, content} (+ secretKey).
struct ResponseEnvelope
{
    QString txID;
    QString code;
    QString message;
    QJsonValue content; ///< a Base64 string when encrypted, an object when plain, undefined when absent
    QString secretKey; ///< callbacks only
    QJsonObject extra; ///< any other top-level members (e.g. the simulator's debug field)

    /// Errors: "bad-json" (not JSON), "not-envelope" (JSON but no `code`).
    static Util::Result<ResponseEnvelope> parse(const QByteArray& body);
    bool isSuccess() const { return Code::isSuccess(code); }
    bool contentIsEncrypted() const { return content.isString(); }
    /// Decrypts a string `content` with `cek` and parses it; returns an object `content` as is.
    /// Errors: the AES-GCM codes, "bad-json" for a plaintext that is not JSON, "no-content".
    Util::Result<QJsonValue> decryptContent(const QByteArray& cek) const;
    QByteArray toJson() const;
};

} // namespace Protocol
