#pragma once

#include "ClientRegistry.h"
#include "FaultBoard.h"
#include "RateLimiter.h"
#include "Persona.h"
#include "crypto/Signing.h"
#include "net/HttpMessage.h"
#include "protocol/ApiCatalog.h"
#include "protocol/ContentKey.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <deque>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace Net {
class HttpServer;
}

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
    QString resultCode; ///< D00000 or the decision's code
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
    qint64 authCodeLifetimeMs = 60'000;
    CodeStyle codeStyle = CodeStyle::Hex;
    qint64 ticketLifetimeMs = 18 * 60'000;
    qint64 accessTokenLifetimeMs = 14'400'000;
    qint64 cekLifetimeMs = 86'400'000;
    /// How long a decided request stays readable (QR page redirect, anonymous getResult, delivery retries,
    /// delivery log) before it is forgotten, with its ticket and businessID.
    qint64 decidedLifetimeMs = 18 * 60'000;
    /// Undecided requests one client may have at once; more get HTTP 429 with tooManyPendingCode. The same
    /// number bounds the decided requests kept per client (the oldest decided are forgotten first).
    int maxPendingPerClient = 1000;
    /// Requests one client (its clientID or x-client-id, else its address) may send per second; more get HTTP 429
    /// with tooManyPendingCode. 0: no limit.
    int rateLimitPerSecond = 0;
};

/// The simulator's own return code for "too many undecided requests" (HTTP 429, resources/catalog/return-codes.json).
inline const QString tooManyPendingCode = QStringLiteral("D20429");

/// The embedded iAM Smart: serves the catalog's APIs under {baseUrl}/api/v1 from the same protocol code
/// the console uses, holds registered clients, CEKs, tickets, codes and tokens, and a virtual phone whose
/// decisions lead to the redirects and encrypted callbacks the real system sends.
class Simulator : public QObject
{
    Q_OBJECT

public:
    explicit Simulator(const Protocol::ApiCatalog& catalog = Protocol::ApiCatalog::builtin(),
        const Util::Clock& clock = Util::Clock::system(), QObject* parent = nullptr);
    ~Simulator() override;

    /// Errors: "io-error"/"crypto-failure" (state dir), "bad-config", "bad-persona", "listen-failed".
    Util::Status start(const SimulatorOptions& options);
    void stop();
    QString baseUrl() const;
    /// The HTTP server (null when stopped): its guard and back-pressure figures.
    const Net::HttpServer* server() const { return m_server.get(); }
    Mode mode() const { return m_options.mode; }
    const ClientRegistry& clients() const { return m_clients; }
    const QList<Persona>& personas() const { return m_personas; }
    /// The first persona that may sign (iAM Smart+).
    QString defaultPersonaId() const;

    QList<PendingRequest> pending() const;
    const PendingRequest* request(const QString& id) const;
    QList<DeliveryAttempt> deliveries() const { return {m_deliveries.cbegin(), m_deliveries.cend()}; }
    /// The mock CA that issued every persona's signing certificate (PEM file in the state dir).
    QString caCertificatePath() const { return m_caCertificatePath; }

    /// Phone decisions. Each returns {"id", "status", "resultCode"[, "redirect"]}; errors "not-found",
    /// "not-pending", "unknown-persona".
    Util::Result<QJsonObject> approve(const QString& id, const QString& personaId = {}, const QJsonObject& fields = {});
    Util::Result<QJsonObject> reject(const QString& id);
    Util::Result<QJsonObject> cancel(const QString& id);
    Util::Result<QJsonObject> expire(const QString& id);
    /// The app reports a failure: the request ends with its kind's failure code (OutcomeCodes::failureFor).
    Util::Result<QJsonObject> fail(const QString& id);
    /// The phone's "Log in from the app's service catalogue": an authorisation code for `personaId` sent with a
    /// RefID to the client's registered `redirectUri` (the direct-login callback, a GET). Returns {"redirect",
    /// "code", "RefID", "resultCode"}; errors "bad-field" (detail names the field), "unknown-persona".
    Util::Result<QJsonObject> directLogin(const QString& clientId, const QString& personaId, const QString& redirectUri);
    /// The armed answers (POST /__mock/faults).
    FaultBoard& faultBoard() { return m_faultBoard; }
    const GatewayRecord* gatewayRecord(const QString& id) const;
    /// Answers one request as the server would (used by the fuzzer to skip the socket).
    Net::HttpResponse respond(const Net::HttpRequest& request) { return handle(request); }
    /// Makes the next `count` callback deliveries fail, and delays deliveries by `delayMs`.
    void setFaults(int failNext, int delayMs);
    /// Forgets everything whose window has passed (runs every second; tests with a ManualClock call it).
    void sweepExpired();
    /// How many entries the simulator holds: requests, codes, tokens, gateway records, deliveries, nonces and
    /// businessIDs (tests and benchmarks check that they stay bounded).
    QJsonObject stateCounts() const;

signals:
    void pendingChanged();
    /// A request began waiting on the phone (also announced by pendingChanged).
    void pendingAdded(const QString& id);
    /// A request stopped waiting: decided, or forgotten (also announced by pendingChanged).
    void pendingRemoved(const QString& id);
    void callbackDelivered(const Mock::DeliveryAttempt& attempt);
    /// A gateway poll answered a result: the claims as encrypted, and the compact JWE sent.
    void gatewayResultIssued(const QString& recordId, const QByteArray& claims, const QByteArray& jwe);

private:
    struct ClientState
    {
        qint64 lastTimestamp = 0;
        QSet<size_t> nonces; ///< keyed hashes of the nonces seen within the replay window
        std::deque<std::pair<qint64, size_t>> nonceAge; ///< (timestamp, nonce hash), oldest first, for O(1) expiry
        QSet<QString> businessIds; ///< of the requests still held (forgotten with them)
        int undecided = 0; ///< requests of this client waiting on the phone
        std::deque<QString> decided; ///< ids of its decided requests still held, in decision order
    };
    struct AuthCode
    {
        QString clientId;
        QString personaId;
        QString scope;
        qint64 createdAt = 0;
        bool used = false;
    };
    struct Token
    {
        QString clientId;
        QString personaId;
        QString openId;
        QString scope;
        qint64 expiresAt = 0;
    };
    struct Answer; // an envelope answer under construction

    Net::HttpResponse handle(const Net::HttpRequest& request);
    Net::HttpResponse handleApi(const Protocol::ApiSpec& api, const Net::HttpRequest& request);
    Net::HttpResponse handleGetQr(const Net::HttpRequest& request);
    Net::HttpResponse handleQrPage(const QString& id);
    Net::HttpResponse handleGateway(const Net::HttpRequest& request, const QString& path);
    Net::HttpResponse handleGatewayPoll(const RegisteredClient& client, const QJsonObject& body);
    Net::HttpResponse gatewayError(int status, const QString& error, const QString& message, const QString& field = {},
        const QJsonObject& extra = {}) const;
    QByteArray gatewayToken(const GatewayRecord& record) const;
    /// The record a token names, checked: signature, audience, expiry. Error detail says why.
    Util::Result<GatewayRecord*> gatewayRecordFor(const QString& token, const QString& clientId);
    void gatewayDecided(PendingRequest& p, const QString& code, const QJsonObject& content, QJsonObject* answer);
    Net::HttpResponse handleAdmin(const Net::HttpRequest& request, const QString& path);
    /// The outcome routes (faults, fail, not passed, direct login); nullopt for the others.
    std::optional<Net::HttpResponse> handleOutcomeAdmin(const Net::HttpRequest& request, const QString& path);
    /// An armed answer for a request to `api` (consumed), or a rate-limit refusal; nullopt to answer normally.
    std::optional<Net::HttpResponse> armedAnswer(const Protocol::ApiSpec& api, const Net::HttpRequest& request);
    /// An armed answer for getQR: the browser is redirected with error_code (or a code for D00000).
    std::optional<Net::HttpResponse> armedQrAnswer(const RegisteredClient& client, const QJsonObject& query);
    /// `p` as an armed D00000 approves it: without the HKICHash that could make it fail.
    static PendingRequest armedSuccess(const PendingRequest& p);
    /// The code armed for the callback `p` leads to (consumed), if any.
    std::optional<QString> armedDecision(const PendingRequest& p);
    /// Bulk signing enquiry and cancellation (modelled); nullopt for other APIs.
    std::optional<Net::HttpResponse> bulkAnswer(
        const Protocol::ApiSpec& api, const QString& clientId, const QString& businessId, const QByteArray& cek);
    /// Over --rate-limit: the 429 answer, in the envelope (or the gateway's error shape).
    std::optional<Net::HttpResponse> rateLimited(const Net::HttpRequest& request, bool gateway);
    Net::HttpResponse envelope(const QString& code, const QString& detail, const QJsonValue& content = {},
        const QByteArray& cek = {}, int httpStatus = 200, const QJsonObject& extra = {}) const;
    Net::HttpResponse refusal(int status, const QString& reason) const;

    QJsonObject approveContent(const PendingRequest& p, const Persona& persona, QString* code, QString* detail) const;
    Util::Result<QJsonObject> decide(
        const QString& id, const QString& status, const QString& personaId, const QJsonObject& fields);
    void deliver(const QString& requestId, const QString& code, const QJsonObject& content);
    void attemptDelivery(const QString& requestId, const QString& url, const QByteArray& body, int attempt);
    /// Admits one more undecided request for `clientId`, or false when the client is at its limit.
    bool admitPending(const QString& clientId);
    static void forgetNonces(ClientState& state, qint64 now);
    void addPending(const PendingRequest& p);
    /// Forgets a request with its ticket, businessID and gateway link.
    void erasePending(const QString& id);
    QString personaOpenId(const QString& clientId, const QString& personaId) const;
    QString personaAccessToken(const QString& clientId, const QString& personaId) const;
    const Persona* persona(const QString& id) const;
    Util::Status loadOrCreateSigningCredentials();
    QJsonObject signDocument(
        const QJsonObject& request, const Crypto::CertifiedKey& signer, QString* code, QString* detail) const;
    QString newId() const;

    const Protocol::ApiCatalog& m_catalog;
    const Util::Clock& m_clock;
    SimulatorOptions m_options;
    std::unique_ptr<Net::HttpServer> m_server;
    QNetworkAccessManager* m_network = nullptr;
    QTimer* m_sweeper = nullptr;
    ClientRegistry m_clients;
    QList<Persona> m_personas;
    QHash<QString, Crypto::CertifiedKey> m_signers; ///< persona id → signing key and certificate
    QString m_caCertificatePath;
    QByteArray m_caCertificatePem; ///< included in PDF signatures (the chain a PDF reader shows)
    QByteArray m_serverSecret;
    size_t m_nonceSeed = 0;
    Protocol::ContentKeyCache m_ceks;
    QHash<QString, ClientState> m_clientState;
    QHash<QString, PendingRequest> m_pending;
    QStringList m_pendingOrder;
    QHash<QString, AuthCode> m_codes;
    QHash<QString, Token> m_tokens;
    std::deque<DeliveryAttempt> m_deliveries; ///< oldest first; forgotten after decidedLifetimeMs
    QHash<QString, GatewayRecord> m_gateway; ///< by record id
    QHash<QString, QString> m_gatewayByPending; ///< phone request id → record id
    FaultBoard m_faultBoard;
    RateLimiter m_rateLimiter;
    int m_failNext = 0;
    int m_delayMs = 0;
};

} // namespace Mock
