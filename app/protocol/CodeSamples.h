#pragma once

#include "ApiCatalog.h"
#include "Envelope.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Protocol {

enum class SampleLanguage
{
    Curl,
    CSharp,
    Java,
    JavaScript,
    ObjectiveC,
    Php,
    Python,
    Ruby
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
class CodeSamples
{
public:
    /// Every language, in menu order.
    static QList<SampleLanguage> languages();
    /// "cURL", "C#", "Java", "JavaScript", "Objective-C", "PHP", "Python", "Ruby" (not translated: names).
    static QString displayName(SampleLanguage language);
    /// The conventional file name to save the sample under (e.g. "iamsmart_sample.py", "IamSmartSample.java").
    static QString fileName(SampleLanguage language);
    /// The whole program. Empty when `input.api` is null or not a request API (browser pages and callbacks
    /// are not calls an online service makes).
    static QString generate(SampleLanguage language, const SampleInput& input);
};

} // namespace Protocol
