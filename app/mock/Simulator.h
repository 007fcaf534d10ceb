#pragma once

#include "ApiRoutes.h"
#include "ClientRegistry.h"
#include "DecisionBook.h"
#include "FaultBoard.h"
#include "MockCa.h"
#include "Persona.h"
#include "RateLimiter.h"
#include "ReplayGuard.h"
#include "SimulatorTypes.h"
#include "TokenIssuer.h"
#include "net/HttpMessage.h"
#include "protocol/ApiCatalog.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

class QTimer;

namespace Net {
class HttpServer;
}

namespace Mock {

class CallbackDelivery;

/// The embedded iAM Smart: serves the catalog's APIs under {baseUrl}/api/v1 from the same protocol code
/// the console uses, holds registered clients, CEKs, tickets, codes and tokens, and a virtual phone whose
/// decisions lead to the redirects and encrypted callbacks the real system sends.
///
/// Its parts: ApiRoutes (catalog id → handler), ReplayGuard (timestamps and nonces), TokenIssuer (CEKs, codes,
/// tokens), DecisionBook (pending → decided → expired → erased), CallbackDelivery (POST with retry), MockCa
/// (signing) and PageTemplates (the browser pages). This class wires them to HTTP: Simulator.cpp (pipeline and
/// envelopes), SimulatorApi.cpp (the iAM Smart handlers), SimulatorDecisions.cpp (the phone), SimulatorPages.cpp
/// (getQR, QR page, /__mock), SimulatorGateway.cpp (the gateway family).
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

    QList<PendingRequest> pending() const { return m_book.pending(); }
    const PendingRequest* request(const QString& id) const { return m_book.find(id); }
    QList<DeliveryAttempt> deliveries() const;
    /// The mock CA that issued every persona's signing certificate (PEM file in the state dir).
    QString caCertificatePath() const { return ca().certificatePath(); }
    /// False while keys are being made in the background (SimulatorOptions::prepareInBackground).
    bool isPrepared() const { return m_prepared; }
    /// Begins background preparation now (see SimulatorOptions::prepareInBackground); does nothing if begun or done.
    void startPreparing();

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
    /// Background preparation: `done` of `total` keys made or loaded.
    void preparationProgress(int done, int total);
    /// The keys are ready and held requests are being answered (also on failure: then `error` says why).
    void prepared(const QString& error);
    void pendingChanged();
    /// A request began waiting on the phone (also announced by pendingChanged).
    void pendingAdded(const QString& id);
    /// A request stopped waiting: decided, or forgotten (also announced by pendingChanged).
    void pendingRemoved(const QString& id);
    void callbackDelivered(const Mock::DeliveryAttempt& attempt);
    /// A gateway poll answered a result: the claims as encrypted, and the compact JWE sent.
    void gatewayResultIssued(const QString& recordId, const QByteArray& claims, const QByteArray& jwe);

private:
    Net::HttpResponse handle(const Net::HttpRequest& request);
    Net::HttpResponse handleApi(const Protocol::ApiSpec& api, const Net::HttpRequest& request);
    /// Sandbox mode with a subscription key: the gateway's 401 when the request lacks it (nullopt: let it in).
    std::optional<Net::HttpResponse> checkSubscriptionKey(const Net::HttpRequest& request) const;
    /// Checks the signed headers (strict mode) and the replay guard; the refusal when they fail.
    std::optional<Net::HttpResponse> checkSignedHeaders(const RegisteredClient& client, const Net::HttpRequest& request);
    /// Decrypts and checks the body into `call`; the refusal when it fails.
    std::optional<Net::HttpResponse> readBody(ApiCall& call, const Net::HttpRequest& request);
    /// Checks the redirect URI, access token, openID and scope of `call`; the refusal when they fail.
    std::optional<Net::HttpResponse> authorise(ApiCall& call);
    void buildRoutes();
    // The handlers of the iAM Smart API family (SimulatorApi.cpp).
    Net::HttpResponse getKey(const ApiCall& call);
    Net::HttpResponse revokeKey(const ApiCall& call);
    Net::HttpResponse getToken(const ApiCall& call);
    Net::HttpResponse ackResult(const ApiCall& call);
    Net::HttpResponse getResult(const ApiCall& call);
    Net::HttpResponse phoneRequest(const ApiCall& call);
    /// Bulk signing enquiry and cancellation (modelled; SimulatorBulk.cpp).
    Net::HttpResponse bulkAnswer(const ApiCall& call);

    Net::HttpResponse handleGetQr(const Net::HttpRequest& request);
    Net::HttpResponse handleQrPage(const QString& id);
    Net::HttpResponse handleGateway(const Net::HttpRequest& request, const QString& path);
    Net::HttpResponse handleGatewayPoll(const RegisteredClient& client, const QJsonObject& body);
    Net::HttpResponse gatewayError(int status, const QString& error, const QString& message, const QString& field = {},
        const QJsonObject& extra = {}) const;
    Util::Result<QByteArray> gatewayToken(const GatewayRecord& record) const;
    /// The record a token names, checked: signature, audience, expiry. Error detail says why.
    Util::Result<GatewayRecord*> gatewayRecordFor(const QString& token, const QString& clientId);
    void gatewayDecided(PendingRequest& p, const QString& code, const QJsonObject& content, QJsonObject* answer);
    Net::HttpResponse handleAdmin(const Net::HttpRequest& request, const QString& path);
    // Outcomes on demand (SimulatorOutcomes.cpp).
    /// The outcome routes (faults, fail, not passed, direct login); nullopt for the others.
    std::optional<Net::HttpResponse> handleOutcomeAdmin(const Net::HttpRequest& request, const QString& path);
    /// An armed answer for a request to `api` (consumed); nullopt to answer normally.
    std::optional<Net::HttpResponse> armedAnswer(const Protocol::ApiSpec& api, const Net::HttpRequest& request);
    /// An armed answer for getQR: the browser is redirected with error_code (or a code for D00000).
    std::optional<Net::HttpResponse> armedQrAnswer(const RegisteredClient& client, const QJsonObject& query);
    /// `p` as an armed D00000 approves it: without the HKICHash that could make it fail.
    static PendingRequest armedSuccess(const PendingRequest& p);
    /// The code armed for the callback `p` leads to (consumed), if any.
    std::optional<QString> armedDecision(const PendingRequest& p);
    /// Over --rate-limit: the 429 answer, in the envelope (or the gateway's error shape).
    std::optional<Net::HttpResponse> rateLimited(const Net::HttpRequest& request, bool gateway);
    /// The iAM Smart envelope {txID, code, message, content}; content encrypted with `cek` when one is given (a
    /// failed encryption answers Code::EncryptionError without content).
    Net::HttpResponse envelope(const QString& code, const QString& detail, const QJsonValue& content = {},
        const QByteArray& cek = {}, int httpStatus = 200, const QJsonObject& extra = {}) const;
    Net::HttpResponse refusal(int status, const QString& reason) const;

    QJsonObject approveContent(const PendingRequest& p, const Persona& persona, QString* code, QString* detail) const;
    Util::Result<QJsonObject> decide(
        const QString& id, const QString& status, const QString& personaId, const QJsonObject& fields);
    void deliver(const PendingRequest& p, const QString& code, const QJsonObject& content);
    void addPending(const PendingRequest& p);
    /// Forgets a request with its ticket, businessID and gateway link.
    void erasePending(const QString& id);
    QString personaOpenId(const QString& clientId, const QString& personaId) const;
    const Persona* persona(const QString& id) const;
    QString newId() const;
    /// The mock CA and signing keys, loaded (or made) on first use unless background preparation brought them.
    const MockCa& ca() const;

    const Protocol::ApiCatalog& m_catalog;
    const Util::Clock& m_clock;
    SimulatorOptions m_options;
    std::unique_ptr<Net::HttpServer> m_server;
    QTimer* m_sweeper = nullptr;
    ClientRegistry m_clients;
    QList<Persona> m_personas;
    ApiRoutes m_routes;
    ReplayGuard m_replay;
    TokenIssuer m_issuer;
    DecisionBook m_book;
    mutable MockCa m_ca;
    mutable bool m_caLoaded = false;
    bool m_prepared = true;
    bool m_preparing = false;
    QPointer<QThread> m_worker; ///< making the keys (first start); waited for before the simulator goes
    CallbackDelivery* m_delivery = nullptr;
    QHash<QString, GatewayRecord> m_gateway; ///< by record id
    QHash<QString, QString> m_gatewayByPending; ///< phone request id → record id
    FaultBoard m_faultBoard;
    RateLimiter m_rateLimiter;
};

} // namespace Mock
