#pragma once

#include "ApiCatalog.h"
#include "Envelope.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Protocol {

/// One language of the code samples, as resources/samples/languages.json describes it.
struct SampleLanguage
{
    QString id; ///< the template is <id>.tpl next to languages.json
    QString name; ///< "cURL", "C#", ... (not translated: names)
    QString fileName; ///< the conventional file name to save the sample under
    QString comment; ///< line comment prefix of the header block
    QString quote; ///< string-literal style for the URL, client ID and headers
    QString quoteBody; ///< string-literal style for the JSON body
    QString needs; ///< "requires": what the sample needs, beyond its language ('\n' between lines)
    QString needsForGcm; ///< extra needs when the body is encrypted (empty: nothing more)
    QString needsForGateway; ///< replaces `needs` for a gateway API (empty: the same)
    QString needsForJwe; ///< extra needs to decrypt a gateway JWE `result` (empty: nothing more)
    QString run;
    QString extraHeader; ///< Mustache line for one added header: {{name}}, {{value}}, {{line}}
    QString templateText;
};

/// What one code sample calls, and how the environment protects it.
struct SampleInput
{
    QString baseUrl; ///< e.g. http://127.0.0.1:8080; /api/v1 and the API's path are appended (gateway: the path)
    const ApiSpec* api = nullptr; ///< method, path, signed, encrypted, family
    QJsonObject body; ///< the plaintext JSON body
    QString clientId;
    bool encrypt = true; ///< false for plain-JSON environments (only matters when the API is encrypted)
    bool sign = true; ///< false: send the clientID/timestamp/nonce headers but no signature
    bool subscriptionKey = false; ///< add Ocp-Apim-Subscription-Key, read from the environment (Cyberport sandbox;
                                  ///< never for gateway APIs)
    RequestExtras extras; ///< headers and query parameters the user added (not signed)
};

/// Stand-alone programs that make one request the way the console does (protocol.md §2–§3): the compact JSON
/// body, AES-256-GCM content encryption, the HMAC-SHA256 signature headers, the call, and the decryption of an
/// encrypted response `content`. Each uses only its language's standard library or most standard crypto.
///
/// Gateway-family APIs (protocol.md §7) get POST {baseUrl}{path} with the x-client-id / x-client-secret headers
/// and the plain JSON body; for an API whose answer carries a JWE `result` (the poll), the sample also decrypts it
/// (alg RSA-OAEP or RSA-OAEP-256, as its protected header says, with enc A256GCM) with the client's private key,
/// where the language's standard crypto allows (PHP needs 8.5+ for RSA-OAEP-256; the cURL sample uses openssl and
/// python3's `cryptography`).
///
/// Secrets never appear in a sample: it reads them at run time from IAMSMART_CLIENT_SECRET, IAMSMART_CEK_HEX
/// (the CEK as 64 hex digits) and IAMSMART_SUBSCRIPTION_KEY, and the private key from the PEM file named by
/// IAMSMART_PRIVATE_KEY. The body, clientID and URL are embedded as string literals escaped for the language, so
/// the body bytes the sample signs are exactly the console's.
/// The languages and their templates, loaded from a directory (languages.json and one <id>.tpl per language).
/// Adding a language is adding a template and an entry; the string-literal styles are the only code.
class SampleBook
{
public:
    /// Error "bad-samples" naming every problem (a missing fact or template, an unknown quote style, a template
    /// that does not parse), one per line.
    static Util::Result<SampleBook> load(const QString& dir);

    const QList<SampleLanguage>& languages() const { return m_languages; }
    QStringList languageIds() const;
    const SampleLanguage* language(const QString& id) const;
    /// The whole program. Empty when the language is unknown, or `input.api` is null or not a request API
    /// (browser pages and callbacks are not calls an online service makes).
    QString generate(const QString& languageId, const SampleInput& input) const;

private:
    QList<SampleLanguage> m_languages;
};

/// The samples compiled in (:/samples).
class CodeSamples
{
public:
    static const SampleBook& builtin();
    /// Every language id ("curl", "csharp", ...), in menu order.
    static QStringList languages();
    /// "cURL", "C#", "Java", "JavaScript", "Objective-C", "PHP", "Python", "Ruby" (not translated: names).
    static QString displayName(const QString& languageId);
    /// The conventional file name to save the sample under (e.g. "iamsmart_sample.py", "IamSmartSample.java").
    static QString fileName(const QString& languageId);
    static QString generate(const QString& languageId, const SampleInput& input);
};

} // namespace Protocol
