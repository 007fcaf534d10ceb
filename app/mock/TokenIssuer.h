// The simulator's key and token issuer: content encryption keys (getKey), authorisation codes (login redirect),
// access tokens (getToken), the tokenised openID, and the signed tokens of the gateway family.
#pragma once

#include "SimulatorTypes.h"
#include "protocol/ContentKey.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Mock {

struct IssuedCode
{
    QString clientId;
    QString personaId;
    QString scope;
    qint64 createdAt = 0;
};

struct IssuedToken
{
    QString clientId;
    QString personaId;
    QString openId;
    QString scope;
    qint64 expiresAt = 0;
};

class TokenIssuer
{
public:
    /// Takes these lifetimes and a new random server secret (tokens signed before no longer verify).
    void reset(const SimulatorOptions& options);

    /// The client's valid CEK, or a new one valid for cekLifetimeMs from `now`.
    Protocol::ContentKey contentKey(const QString& clientId, qint64 now);
    std::optional<Protocol::ContentKey> validKey(const QString& clientId, qint64 now) const;
    void revokeKey(const QString& clientId);

    /// A new single-use authorisation code (in the configured style).
    QString issueCode(const QString& clientId, const QString& personaId, const QString& scope, qint64 now);
    /// Exchanges a code once: nullopt when unknown, used, another client's or older than authCodeLifetimeMs.
    std::optional<IssuedCode> redeemCode(const QString& code, const QString& clientId, qint64 now);

    /// Issues (or renews) the persona's access token for the client; the token string is stable per pair.
    QString issueToken(const IssuedToken& token);
    /// The client's unexpired token, or null.
    const IssuedToken* token(const QString& accessToken, const QString& clientId, qint64 now) const;

    /// The tokenised ID: stable per client and persona, different across clients.
    static QString openId(const QByteArray& clientSecret, const QString& clientId, const QString& personaId);

    /// An HS256 JWT over `claims`, signed with the server secret. Errors come from the JOSE library.
    Util::Result<QByteArray> signToken(const QJsonObject& claims) const;
    /// The claims of a token this issuer signed. Error "unauthorized" with the reason.
    Util::Result<QJsonObject> verifyToken(const QByteArray& token) const;

    /// Forgets expired codes and tokens.
    void sweep(qint64 now);
    qsizetype codeCount() const { return m_codes.size(); }
    qsizetype tokenCount() const { return m_tokens.size(); }

private:
    SimulatorOptions m_options;
    QByteArray m_serverSecret;
    Protocol::ContentKeyCache m_ceks;
    QHash<QString, IssuedCode> m_codes;
    QHash<QString, IssuedToken> m_tokens;
};

} // namespace Mock
