// The simulator's routing table: catalog API id → handler, with how far the common pipeline checks a call
// before its handler sees it. APIs with no route of their own go to the fallback (the phone's requests).
#pragma once

#include "ClientRegistry.h"
#include "TokenIssuer.h"
#include "net/HttpMessage.h"
#include "protocol/ApiCatalog.h"

#include <QHash>
#include <QJsonObject>

#include <functional>

namespace Mock {

/// One call of a catalog API, checked as far as its route's stage asks.
struct ApiCall
{
    const Protocol::ApiSpec& api;
    const RegisteredClient& client;
    qint64 now = 0;
    bool strict = true;
    QJsonObject body; ///< decrypted and checked against the catalog (Stage::Body and later)
    QByteArray cek; ///< the key the answer is encrypted with (strict mode, encrypted APIs)
    IssuedToken token; ///< the accessToken's grant, when the body carries a valid one (Stage::Authorised)
};

class ApiRoutes
{
public:
    enum class Stage
    {
        Headers, ///< clientID, signature, timestamp and nonce checked; the body is the handler's (getKey, revokeKey)
        Body, ///< and the body decrypted and checked against the catalog (getToken)
        Authorised, ///< and the redirect URI, access token, openID and scope checked (everything else)
    };
    using Handler = std::function<Net::HttpResponse(const ApiCall&)>;
    struct Route
    {
        Stage stage = Stage::Authorised;
        Handler handler;
    };

    void add(const QString& apiId, Stage stage, Handler handler);
    /// The handler of APIs that have no route (Stage::Authorised).
    void setFallback(Handler handler);
    /// The API's route, or the fallback.
    const Route& route(const QString& apiId) const;
    bool has(const QString& apiId) const { return m_routes.contains(apiId); }

private:
    QHash<QString, Route> m_routes;
    Route m_fallback;
};

} // namespace Mock
