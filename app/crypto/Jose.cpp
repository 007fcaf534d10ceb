#include "Jose.h"

#include "RsaKeysPrivate.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QList>

#include <cjose/cjose.h>
#include <jansson.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

#include <memory>
#include <optional>

namespace Crypto {
namespace {

constexpr char AlgHs256[] = "HS256";
constexpr char AlgRsaOaep[] = "RSA-OAEP";
constexpr char EncA256Gcm[] = "A256GCM";
constexpr qsizetype MinHmacKeyBytes = 32;
constexpr qsizetype Hs256SignatureBytes = 32;
constexpr qsizetype GcmIvBytes = 12;
constexpr qsizetype GcmTagBytes = 16;

// Owners for every cjose object; each releases through cjose's own function.
struct JwkRelease
{
    void operator()(cjose_jwk_t* jwk) const { cjose_jwk_release(jwk); }
};
struct JwsRelease
{
    void operator()(cjose_jws_t* jws) const { cjose_jws_release(jws); }
};
struct JweRelease
{
    void operator()(cjose_jwe_t* jwe) const { cjose_jwe_release(jwe); }
};
struct HeaderRelease
{
    void operator()(cjose_header_t* header) const { cjose_header_release(header); }
};
struct JsonRelease
{
    void operator()(json_t* json) const { json_decref(json); }
};
/// Memory cjose hands over to the caller (exported JWEs, decrypted plaintexts).
struct CjoseFree
{
    void operator()(void* p) const { cjose_get_dealloc()(p); }
};
using Jwk = std::unique_ptr<cjose_jwk_t, JwkRelease>;
using Jws = std::unique_ptr<cjose_jws_t, JwsRelease>;
using Jwe = std::unique_ptr<cjose_jwe_t, JweRelease>;
using Header = std::unique_ptr<cjose_header_t, HeaderRelease>;
using Json = std::unique_ptr<json_t, JsonRelease>;

/// Bytes that held key material; wiped when they go.
struct SecretBytes
{
    QByteArray bytes;
    SecretBytes() = default;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes()
    {
        if (!bytes.isEmpty())
            OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    }
    uint8_t* data() { return bytes.isEmpty() ? nullptr : reinterpret_cast<uint8_t*>(bytes.data()); }
    size_t size() const { return size_t(bytes.size()); }
};

/// "what: cjose message (function)". cjose may leave OpenSSL errors queued; they are dropped here so they do
/// not surface in an unrelated later call.
QString cjoseDetail(const QString& what, const cjose_err& err)
{
    ERR_clear_error();
    if (err.code == CJOSE_ERR_NONE)
        return what;
    QString out
        = what + QLatin1String(": ") + QString::fromUtf8(err.message ? err.message : cjose_err_message(err.code));
    if (err.function)
        out += QLatin1String(" (") + QString::fromUtf8(err.function) + QLatin1Char(')');
    return out;
}

Util::Error error(const QString& code, const QString& detail)
{
    return Util::Error {code, detail};
}

const auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

/// Strict Base64url: the URL alphabet only, no padding, and the canonical encoding of the bytes it decodes to
/// (so no two strings stand for the same part, and every altered character changes the bytes).
std::optional<QByteArray> decodeBase64Url(const QByteArray& text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    if (decoded.decoded.toBase64(Base64Url) != text)
        return std::nullopt;
    return decoded.decoded;
}

const QStringList JwsPartNames = {QStringLiteral("header"), QStringLiteral("payload"), QStringLiteral("signature")};
const QStringList JwePartNames = {QStringLiteral("header"), QStringLiteral("encrypted key"),
    QStringLiteral("initialization vector"), QStringLiteral("ciphertext"), QStringLiteral("authentication tag")};

/// The decoded parts of a compact serialisation with `partCount` parts (3: JWS, 5: JWE, 0: either).
Util::Result<QList<QByteArray>> splitCompact(const QByteArray& compact, int partCount)
{
    const QList<QByteArray> text = compact.split('.');
    if (partCount == 0 && (text.size() == 3 || text.size() == 5))
        partCount = int(text.size());
    const QString kind = partCount == 5 ? QStringLiteral("JWE") : QStringLiteral("JWS");
    if (text.size() != partCount) {
        const QString expected = partCount == 0 ? QStringLiteral("3 (JWS) or 5 (JWE)") : QString::number(partCount);
        return error(JoseError::Malformed,
            QStringLiteral("a compact JWS/JWE has %1 dot-separated parts, got %2").arg(expected).arg(text.size()));
    }
    const QStringList& names = partCount == 5 ? JwePartNames : JwsPartNames;
    QList<QByteArray> parts;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto decoded = decodeBase64Url(text[i]);
        if (!decoded)
            return error(JoseError::Malformed, QStringLiteral("the %1 %2 is not Base64url").arg(kind, names[i]));
        parts.append(*decoded);
    }
    if (parts.first().isEmpty())
        return error(JoseError::Malformed, QStringLiteral("the %1 header is empty").arg(kind));
    return parts;
}

Util::Result<QJsonObject> parseJsonObject(const QByteArray& json, const QString& what)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(
            JoseError::Malformed, QStringLiteral("the %1 is not JSON: %2").arg(what, parseError.errorString()));
    if (!doc.isObject())
        return error(JoseError::Malformed, QStringLiteral("the %1 is not a JSON object").arg(what));
    return doc.object();
}

/// Members of caller-supplied headers we refuse: `crit` names extensions nobody here implements, `zip` asks
/// for compression cjose does not do; `fixed` members must keep the value we set.
std::optional<Util::Error> checkExtraHeader(const QJsonObject& extra, const QList<std::pair<QString, QString>>& fixed)
{
    for (const auto& [name, value] : fixed) {
        if (extra.contains(name) && extra.value(name) != QJsonValue(value))
            return error(JoseError::Unsupported,
                QStringLiteral("header member \"%1\" must be \"%2\" (or left out)").arg(name, value));
    }
    for (const auto* name : {"crit", "zip"}) {
        if (extra.contains(QLatin1String(name)))
            return error(JoseError::Unsupported,
                QStringLiteral("header member \"%1\" is not supported").arg(QLatin1String(name)));
    }
    return std::nullopt;
}

/// A cjose protected header: `fixed` members first, in order, then the caller's `extra` members.
Util::Result<Header> buildHeader(const QList<std::pair<QString, QString>>& fixed, const QJsonObject& extra)
{
    cjose_err err {};
    Header header(cjose_header_new(&err));
    if (!header)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("cannot create a JOSE header"), err));
    for (const auto& [name, value] : fixed) {
        if (!cjose_header_set(header.get(), name.toUtf8().constData(), value.toUtf8().constData(), &err))
            return error(
                JoseError::Internal, cjoseDetail(QStringLiteral("cannot set header member %1").arg(name), err));
    }
    if (!extra.isEmpty()) {
        // cjose_header_t is a jansson object (cjose/header.h); members of any JSON type go in through jansson.
        const QByteArray json = QJsonDocument(extra).toJson(QJsonDocument::Compact);
        json_error_t jsonError;
        Json members(json_loadb(json.constData(), size_t(json.size()), 0, &jsonError));
        if (!members || json_object_update(header.get(), members.get()) != 0)
            return error(JoseError::Internal,
                QStringLiteral("cannot add the header members: %1").arg(QString::fromUtf8(jsonError.text)));
    }
    return header;
}

/// The `alg`/`enc` member of a header we parsed, or an unsupported-alg error naming it.
Util::Result<QString> stringMember(const QJsonObject& header, const QString& name)
{
    const QJsonValue value = header.value(name);
    if (value.isUndefined())
        return error(JoseError::Unsupported, QStringLiteral("the header has no \"%1\"").arg(name));
    if (!value.isString())
        return error(JoseError::Unsupported, QStringLiteral("the header's \"%1\" is not a string").arg(name));
    return value.toString();
}

/// Makes sure cjose's own parse of the header agrees with ours (e.g. on a duplicated member).
bool cjoseHeaderSays(cjose_header_t* header, const char* name, const QString& expected)
{
    cjose_err err {};
    const char* value = header ? cjose_header_get(header, name, &err) : nullptr;
    return value && QString::fromUtf8(value) == expected;
}

Util::Result<Jwk> octJwk(const QByteArray& key)
{
    if (key.size() < MinHmacKeyBytes)
        return error(
            KeyError::BadKey, QStringLiteral("an HS256 key has at least 32 bytes, this one has %1").arg(key.size()));
    cjose_err err {};
    Jwk jwk(cjose_jwk_create_oct_spec(reinterpret_cast<const uint8_t*>(key.constData()), size_t(key.size()), &err));
    if (!jwk)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("cannot make the HS256 key"), err));
    return jwk;
}

/// One RSA parameter as unsigned big-endian bytes (what a JWK holds); false when the key lacks it.
bool rsaParam(EVP_PKEY* key, const char* name, SecretBytes& out)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1 || !bn) {
        ERR_clear_error();
        return false;
    }
    out.bytes = QByteArray(qsizetype(BN_num_bytes(bn)), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.bytes.data()));
    BN_clear_free(bn);
    return true;
}

/// An RSA JWK for cjose from the OpenSSL key: n and e, plus d and the CRT parameters when `withPrivate`.
Util::Result<Jwk> rsaJwk(EVP_PKEY* key, bool withPrivate)
{
    if (!key)
        return error(KeyError::BadKey, QStringLiteral("no RSA key"));
    if (!EVP_PKEY_is_a(key, "RSA"))
        return error(KeyError::NotRsa, QStringLiteral("the key is not an RSA key"));
    SecretBytes n, e, d, p, q, dp, dq, qi;
    if (!rsaParam(key, OSSL_PKEY_PARAM_RSA_N, n) || !rsaParam(key, OSSL_PKEY_PARAM_RSA_E, e))
        return error(KeyError::BadKey, QStringLiteral("the RSA key has no modulus or public exponent"));
    cjose_jwk_rsa_keyspec spec {};
    spec.n = n.data();
    spec.nlen = n.size();
    spec.e = e.data();
    spec.elen = e.size();
    if (withPrivate) {
        if (!rsaParam(key, OSSL_PKEY_PARAM_RSA_D, d))
            return error(KeyError::BadKey, QStringLiteral("the RSA key has no private exponent"));
        spec.d = d.data();
        spec.dlen = d.size();
        // The CRT parameters make decryption fast; a key without all of them still works through d.
        if (rsaParam(key, OSSL_PKEY_PARAM_RSA_FACTOR1, p) && rsaParam(key, OSSL_PKEY_PARAM_RSA_FACTOR2, q)
            && rsaParam(key, OSSL_PKEY_PARAM_RSA_EXPONENT1, dp) && rsaParam(key, OSSL_PKEY_PARAM_RSA_EXPONENT2, dq)
            && rsaParam(key, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, qi)) {
            spec.p = p.data();
            spec.plen = p.size();
            spec.q = q.data();
            spec.qlen = q.size();
            spec.dp = dp.data();
            spec.dplen = dp.size();
            spec.dq = dq.data();
            spec.dqlen = dq.size();
            spec.qi = qi.data();
            spec.qilen = qi.size();
        }
    }
    cjose_err err {};
    Jwk jwk(cjose_jwk_create_RSA_spec(&spec, &err));
    if (!jwk)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("cannot make the RSA JWK"), err));
    return jwk;
}

bool isAcceptedEnc(const QString& enc)
{
    return enc == QLatin1String("A128GCM") || enc == QLatin1String("A192GCM") || enc == QLatin1String("A256GCM");
}

} // namespace

QJsonObject JoseObject::claims() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    return doc.isObject() ? doc.object() : QJsonObject();
}

Util::Result<QByteArray> Jose::signHs256(const QByteArray& payload, const QByteArray& key, const QJsonObject& header)
{
    if (auto refused = checkExtraHeader(header, {{QStringLiteral("alg"), QString::fromLatin1(AlgHs256)}}))
        return *refused;
    auto jwk = octJwk(key);
    if (!jwk)
        return jwk.error();
    auto protectedHeader = buildHeader(
        {{QStringLiteral("alg"), QString::fromLatin1(AlgHs256)}, {QStringLiteral("typ"), QStringLiteral("JWT")}},
        header);
    if (!protectedHeader)
        return protectedHeader.error();
    cjose_err err {};
    Jws jws(cjose_jws_sign(jwk->get(), protectedHeader->get(), reinterpret_cast<const uint8_t*>(payload.constData()),
        size_t(payload.size()), &err));
    if (!jws)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("HS256 signing failed"), err));
    const char* compact = nullptr; // owned by the JWS
    if (!cjose_jws_export(jws.get(), &compact, &err) || !compact)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("cannot serialise the JWS"), err));
    return QByteArray(compact);
}

Util::Result<JoseObject> Jose::verifyHs256(const QByteArray& compact, const QByteArray& key)
{
    auto parts = splitCompact(compact, 3);
    if (!parts)
        return parts.error();
    auto header = parseJsonObject(parts->at(0), QStringLiteral("JWS header"));
    if (!header)
        return header.error();
    // The algorithm is decided here, never by the token: anything but HS256 (above all "none") stops now.
    auto alg = stringMember(*header, QStringLiteral("alg"));
    if (!alg)
        return alg.error();
    if (*alg != QLatin1String(AlgHs256))
        return error(JoseError::Unsupported, QStringLiteral("JWS alg \"%1\" is not accepted, only HS256").arg(*alg));
    if (header->contains(QLatin1String("crit")))
        return error(JoseError::Unsupported, QStringLiteral("the JWS header has \"crit\" extensions"));
    auto jwk = octJwk(key);
    if (!jwk)
        return jwk.error();
    if (parts->at(2).size() != Hs256SignatureBytes)
        return error(JoseError::BadSignature,
            QStringLiteral("an HS256 signature has 32 bytes, this one has %1").arg(parts->at(2).size()));

    cjose_err err {};
    Jws jws(cjose_jws_import(compact.constData(), size_t(compact.size()), &err));
    if (!jws)
        return error(JoseError::Malformed, cjoseDetail(QStringLiteral("not a JWS"), err));
    if (!cjoseHeaderSays(cjose_jws_get_protected(jws.get()), "alg", QString::fromLatin1(AlgHs256)))
        return error(JoseError::Unsupported, QStringLiteral("the JWS header names its alg ambiguously"));
    if (!cjose_jws_verify(jws.get(), jwk->get(), &err))
        return error(JoseError::BadSignature, cjoseDetail(QStringLiteral("the HS256 signature does not verify"), err));
    uint8_t* plaintext = nullptr; // owned by the JWS
    size_t plaintextLength = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plaintext, &plaintextLength, &err))
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("cannot read the JWS payload"), err));
    return JoseObject {*header, QByteArray(reinterpret_cast<const char*>(plaintext), qsizetype(plaintextLength))};
}

Util::Result<QByteArray> Jose::encryptRsa(
    const QByteArray& plaintext, const RsaPublicKey& key, const QJsonObject& header)
{
    if (key.isNull())
        return error(KeyError::BadKey, QStringLiteral("no RSA public key to encrypt to"));
    if (auto refused = checkExtraHeader(header,
            {{QStringLiteral("alg"), QString::fromLatin1(AlgRsaOaep)},
                {QStringLiteral("enc"), QString::fromLatin1(EncA256Gcm)}}))
        return *refused;
    auto jwk = rsaJwk(key.m_impl->key, false);
    if (!jwk)
        return jwk.error();
    auto protectedHeader = buildHeader({{QStringLiteral("alg"), QString::fromLatin1(AlgRsaOaep)},
                                           {QStringLiteral("enc"), QString::fromLatin1(EncA256Gcm)}},
        header);
    if (!protectedHeader)
        return protectedHeader.error();
    cjose_err err {};
    Jwe jwe(cjose_jwe_encrypt(jwk->get(), protectedHeader->get(),
        reinterpret_cast<const uint8_t*>(plaintext.constData()), size_t(plaintext.size()), &err));
    if (!jwe)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("JWE encryption failed"), err));
    std::unique_ptr<char, CjoseFree> compact(cjose_jwe_export(jwe.get(), &err));
    if (!compact)
        return error(JoseError::Internal, cjoseDetail(QStringLiteral("cannot serialise the JWE"), err));
    return QByteArray(compact.get());
}

Util::Result<JoseObject> Jose::decryptRsa(const QByteArray& compact, const RsaPrivateKey& key)
{
    auto parts = splitCompact(compact, 5);
    if (!parts)
        return parts.error();
    auto header = parseJsonObject(parts->at(0), QStringLiteral("JWE header"));
    if (!header)
        return header.error();
    auto alg = stringMember(*header, QStringLiteral("alg"));
    if (!alg)
        return alg.error();
    if (*alg != QLatin1String(AlgRsaOaep)) {
        const QString why = *alg == QLatin1String("RSA-OAEP-256")
            ? QStringLiteral("JWE alg RSA-OAEP-256 is not available in the installed libcjose; only RSA-OAEP")
            : QStringLiteral("JWE alg \"%1\" is not accepted, only RSA-OAEP").arg(*alg);
        return error(JoseError::Unsupported, why);
    }
    auto enc = stringMember(*header, QStringLiteral("enc"));
    if (!enc)
        return enc.error();
    if (!isAcceptedEnc(*enc))
        return error(JoseError::Unsupported,
            QStringLiteral("JWE enc \"%1\" is not accepted, only A256GCM, A192GCM or A128GCM").arg(*enc));
    for (const auto* name : {"zip", "crit"}) {
        if (header->contains(QLatin1String(name)))
            return error(JoseError::Unsupported,
                QStringLiteral("the JWE header member \"%1\" is not supported").arg(QLatin1String(name)));
    }
    if (key.isNull())
        return error(KeyError::BadKey, QStringLiteral("no RSA private key to decrypt with"));
    // Lengths cjose would otherwise take from the input (a truncated GCM tag must never be accepted).
    if (parts->at(1).size() != EVP_PKEY_get_size(key.m_impl->key))
        return error(JoseError::DecryptFailed,
            QStringLiteral("the encrypted key has %1 bytes, this RSA key makes %2")
                .arg(parts->at(1).size())
                .arg(EVP_PKEY_get_size(key.m_impl->key)));
    if (parts->at(2).size() != GcmIvBytes)
        return error(JoseError::DecryptFailed,
            QStringLiteral("the initialization vector has %1 bytes, AES-GCM uses 12").arg(parts->at(2).size()));
    if (parts->at(4).size() != GcmTagBytes)
        return error(JoseError::DecryptFailed,
            QStringLiteral("the authentication tag has %1 bytes, AES-GCM uses 16").arg(parts->at(4).size()));

    cjose_err err {};
    Jwe jwe(cjose_jwe_import(compact.constData(), size_t(compact.size()), &err));
    if (!jwe)
        return error(JoseError::Malformed, cjoseDetail(QStringLiteral("not a JWE"), err));
    cjose_header_t* parsed = cjose_jwe_get_protected(jwe.get());
    if (!cjoseHeaderSays(parsed, "alg", *alg) || !cjoseHeaderSays(parsed, "enc", *enc))
        return error(JoseError::Unsupported, QStringLiteral("the JWE header names its alg or enc ambiguously"));
    auto jwk = rsaJwk(key.m_impl->key, true);
    if (!jwk)
        return jwk.error();
    size_t length = 0;
    std::unique_ptr<uint8_t, CjoseFree> plaintext(cjose_jwe_decrypt(jwe.get(), jwk->get(), &length, &err));
    if (!plaintext)
        return error(JoseError::DecryptFailed, cjoseDetail(QStringLiteral("the JWE does not decrypt"), err));
    QByteArray out(reinterpret_cast<const char*>(plaintext.get()), qsizetype(length));
    OPENSSL_cleanse(plaintext.get(), length);
    return JoseObject {*header, out};
}

Util::Result<QJsonObject> Jose::peekHeader(const QByteArray& compact)
{
    auto parts = splitCompact(compact, 0);
    if (!parts)
        return parts.error();
    return parseJsonObject(
        parts->at(0), parts->size() == 5 ? QStringLiteral("JWE header") : QStringLiteral("JWS header"));
}

Util::Result<QJsonObject> Jose::peekClaims(const QByteArray& compactJws)
{
    auto parts = splitCompact(compactJws, 3);
    if (!parts)
        return parts.error();
    auto header = parseJsonObject(parts->at(0), QStringLiteral("JWS header"));
    if (!header)
        return header.error();
    return parseJsonObject(parts->at(1), QStringLiteral("JWS payload"));
}

bool Jose::looksLikeJwe(const QByteArray& text)
{
    return text.count('.') == 4 && splitCompact(text, 5).ok();
}

} // namespace Crypto
