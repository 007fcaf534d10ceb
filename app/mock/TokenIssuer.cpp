#include "TokenIssuer.h"

#include "crypto/HmacSigner.h"
#include "crypto/Jose.h"
#include "protocol/Envelope.h"
#include "util/RandomSource.h"
#include "util/RequestStamp.h"

namespace Mock {

namespace {

/// A new authorisation code. Base64 codes are 16 random bytes (24 characters ending in "=="); their first two bytes
/// are fixed so that every code also carries '+' and '/' (a code without them would test nothing).
QString newAuthCode(CodeStyle style)
{
    if (style == CodeStyle::Hex)
        return Util::randomHex32();
    QByteArray bytes = Util::RandomSource::system().bytes(16);
    bytes[0] = char(0xfb);
    bytes[1] = char(0xff);
    return QString::fromLatin1(bytes.toBase64());
}

QString hmacId(const QByteArray& key, const QByteArray& label, const QString& clientId, const QString& personaId)
{
    return QString::fromLatin1(
        Crypto::HmacSigner::hmacSha256(key, label + '|' + clientId.toUtf8() + '|' + personaId.toUtf8())
            .left(16)
            .toHex());
}

} // namespace

void TokenIssuer::reset(const SimulatorOptions& options)
{
    m_options = options;
    m_serverSecret = Util::RandomSource::system().bytes(32);
}

Protocol::ContentKey TokenIssuer::contentKey(const QString& clientId, qint64 now)
{
    auto key = m_ceks.valid(clientId, now);
    if (!key) {
        key = Protocol::ContentKey {Util::RandomSource::system().bytes(32), now, now + m_options.cekLifetimeMs};
        m_ceks.put(clientId, *key);
    }
    return *key;
}

std::optional<Protocol::ContentKey> TokenIssuer::validKey(const QString& clientId, qint64 now) const
{
    return m_ceks.valid(clientId, now);
}

void TokenIssuer::revokeKey(const QString& clientId)
{
    m_ceks.remove(clientId);
}

QString TokenIssuer::issueCode(const QString& clientId, const QString& personaId, const QString& scope, qint64 now)
{
    const QString code = newAuthCode(m_options.codeStyle);
    m_codes.insert(code, IssuedCode {clientId, personaId, scope, now});
    return code;
}

std::optional<IssuedCode> TokenIssuer::redeemCode(const QString& code, const QString& clientId, qint64 now)
{
    const auto it = m_codes.find(code);
    if (it == m_codes.end() || it->clientId != clientId || now - it->createdAt > m_options.authCodeLifetimeMs)
        return std::nullopt;
    const IssuedCode used = *it;
    m_codes.erase(it); // single use: forgotten once exchanged
    return used;
}

QString TokenIssuer::issueToken(const IssuedToken& token)
{
    const QString accessToken = hmacId(m_serverSecret, "token", token.clientId, token.personaId);
    m_tokens.insert(accessToken, token);
    return accessToken;
}

const IssuedToken* TokenIssuer::token(const QString& accessToken, const QString& clientId, qint64 now) const
{
    const auto it = m_tokens.constFind(accessToken);
    return it != m_tokens.constEnd() && it->clientId == clientId && it->expiresAt > now ? &*it : nullptr;
}

QString TokenIssuer::openId(const QByteArray& clientSecret, const QString& clientId, const QString& personaId)
{
    return hmacId(clientSecret, "openID", clientId, personaId);
}

Util::Result<QByteArray> TokenIssuer::signToken(const QJsonObject& claims) const
{
    return Crypto::Jose::signHs256(Protocol::RequestEnvelope::compact(claims), m_serverSecret);
}

Util::Result<QJsonObject> TokenIssuer::verifyToken(const QByteArray& token) const
{
    auto verified = Crypto::Jose::verifyHs256(token, m_serverSecret);
    if (!verified)
        return Util::Error {
            QStringLiteral("unauthorized"), QStringLiteral("token is invalid: %1").arg(verified.error().code)};
    return verified->claims();
}

void TokenIssuer::sweep(qint64 now)
{
    m_codes.removeIf([&](const auto& c) { return now - c->createdAt > m_options.authCodeLifetimeMs; });
    m_tokens.removeIf([&](const auto& t) { return t->expiresAt <= now; });
}

} // namespace Mock
