// The simulator's data: its options and the records it keeps of requests, gateway records and deliveries.
#pragma once

#include "protocol/Durations.h"
#include "protocol/ReturnCodes.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Mock {

enum class Mode
{
    Strict, ///< like the real test environment: signatures, timestamps, nonces, encryption, every field
    Sandbox, ///< like the Cyberport portal: plain JSON both ways, signatures not checked
};
QString modeName(Mode mode);

/// How the simulator writes the authorisation codes of iAM Smart logins (getQR → redirect → getToken).
enum class CodeStyle
{
    Hex, ///< 32 hex digits (the default)
    Base64, ///< standard Base64 with '+', '/' and '=', as a real system may issue: they must survive the redirect
};
/// "hex" or "base64"; nullopt for anything else.
std::optional<CodeStyle> codeStyleFromName(const QString& name);

/// Something waiting for the user's decision on the virtual phone.
struct PendingRequest
{
    QString id;
    QString kind; ///< auth, profile, eme, sign, pdfsign, reauth, anon-eme, anon-sign, anon-pdfsign, bulksign
    QString apiId;
    QString clientId;
    QString businessId;
    QString ticketId;
    QString state;
    QString redirectUri;
    QString source;
    QString lang;
    QString scope;
    QString openId;
    QJsonObject body; ///< the decrypted request body (fields the phone shows and the callback answers)
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 decidedAt = 0; ///< 0 while pending; the request is forgotten decidedLifetimeMs after its decision
    QString status = QStringLiteral("pending"); ///< pending, approved, rejected, cancelled, expired
    QString resultCode; ///< Protocol::Code::Success or the decision's code
    QString personaId;
    QString browserRedirect; ///< where the QR page sends the browser once decided (auth and anonymous)
    QJsonObject result; ///< the callback content (for anonymous getResult)

    QJsonObject toJson() const;
};

/// A request made through the gateway family (protocol.md §7): its token's subject, what the user decided and
/// the result kept for one successful poll.
struct GatewayRecord
{
    QString id; ///< the token's `sub`
    QString service; ///< auth, formfilling, signing, pdf-signing, reauth, ccic
    QString clientId;
    QString pendingId; ///< the phone's request, empty when none (ccic)
    QString authId; ///< the login a chained request builds on
    QString state;
    QString businessId;
    QString redirect; ///< where the browser returns (auth and anonymous requests)
    QString source;
    QString personaId;
    QString status = QStringLiteral("pending"); ///< pending, completed, rejected, expired, deleted
    QString errorCode; ///< the iAM Smart code of a rejection
    QString code; ///< authorisation code the redirect carried (checked by poll when given)
    bool authenticated = false; ///< an approved login: its token may start chained requests
    QJsonObject result; ///< what the poll returns, encrypted as a JWE
    qint64 createdAt = 0;
    qint64 decidedAt = 0;
    qint64 tokenExpiresAt = 0;
};

/// One attempt to deliver a POST callback.
struct DeliveryAttempt
{
    QString requestId;
    QString url;
    int attempt = 0;
    qint64 at = 0;
    int httpStatus = 0;
    QString error;
};

struct SimulatorOptions
{
    Mode mode = Mode::Strict;
    QString stateDir; ///< dev client, KEK and mock CA live here
    QString configFile; ///< extra registered clients (optional)
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    QStringList publicNames; ///< Host names a tunnel forwards with ("host" or "host:port"); see Net::RequestGuard
    qint64 authCodeLifetimeMs = Protocol::Duration::authCodeMs;
    CodeStyle codeStyle = CodeStyle::Hex;
    qint64 ticketLifetimeMs = Protocol::Duration::ticketMs;
    qint64 accessTokenLifetimeMs = Protocol::Duration::accessTokenMs;
    qint64 cekLifetimeMs = Protocol::Duration::cekMs;
    /// How long a decided request stays readable (QR page redirect, anonymous getResult, delivery retries,
    /// delivery log) before it is forgotten, with its ticket and businessID.
    qint64 decidedLifetimeMs = Protocol::Duration::ticketMs;
    /// Undecided requests one client may have at once; more get HTTP 429 with tooManyPendingCode. The same
    /// number bounds the decided requests kept per client (the oldest decided are forgotten first).
    int maxPendingPerClient = 1000;
};

/// The simulator's own return code for "too many undecided requests" (HTTP 429, resources/catalog/return-codes.json).
inline const QString& tooManyPendingCode = Protocol::Code::TooManyPending;

} // namespace Mock
