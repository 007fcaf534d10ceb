// Every link the console, the flow runner and the simulator build for a browser or the app, in one place.
#pragma once

#include "UrlBuilder.h"

#include <QJsonObject>
#include <QString>

namespace Protocol {

struct ApiSpec;

namespace Links {

/// The getQR query parameters (protocol.md §4.1) read from a request body or form values: clientID, source,
/// redirectURI, scope, lang, state, brokerPage (when present) and ticketID.
QrParams qrParams(const QJsonObject& body);
/// `{baseUrl}/api/v1/auth/getQR?…` with the parameters read from `body`.
QString getQrUrl(const QString& baseUrl, const QJsonObject& body);
/// The app-scheme link that opens the app for a ticket (protocol.md §5): `hk.gov.iamsmart.testapp://<context>
/// ?ticketID=…`. The context is the API's appContext ("auth" when it has none); an anonymous API's link also
/// carries source=App_Scheme and the redirectURI and state of the request that created the ticket (`sent`).
QString appLink(const ApiSpec* api, const QString& ticketId, const QJsonObject& sent = {});
/// The gateway family's universal link that opens the app on a mobile device:
/// `https://hk.gov.iamsmart.testapp/<auth|ticket>?ticketID=…`.
QString universalLink(bool anonymous, const QString& ticketId);

} // namespace Links
} // namespace Protocol
