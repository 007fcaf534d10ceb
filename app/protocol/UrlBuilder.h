#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Protocol {

/// Query parameters of GET /api/v1/auth/getQR (protocol.md §4.1).
struct QrParams
{
    QString clientId;
    QString source;
    QString redirectUri;
    QString scope; ///< space-separated
    QString lang;
    QString state;
    std::optional<bool> brokerPage;
    QString ticketId; ///< anonymous workflows
};

/// Parameters of an app-scheme URL that opens the iAM Smart app on the same device (protocol.md §5).
struct AppSchemeParams
{
    QString scheme = QStringLiteral("hk.gov.iamsmart.testapp");
    QString context; ///< auth, profile, hash-sign, re-auth, ...
    QString ticketId;
    QString source; ///< anonymous flows only
    QString redirectUri; ///< anonymous flows only
    QString state; ///< anonymous flows only
};

class UrlBuilder
{
public:
    /// `{baseUrl}/api/v1/auth/getQR?clientID=…&responseType=code&source=…&redirectURI=…&scope=…&lang=…&state=…
    /// [&brokerPage=…][&ticketID=…]`; each value percent-encoded (spaces as %20), empty optional ones omitted.
    static QByteArray getQrUrl(const QString& baseUrl, const QrParams& params);
    /// `<scheme>://<context>?ticketID=…[&source=…&redirectURI=…&state=…]`
    static QByteArray appSchemeUrl(const AppSchemeParams& params);
    /// Percent-encodes every character outside A-Z a-z 0-9 - . _ ~
    static QByteArray encodeComponent(const QString& value);
    /// `uri` with the items added to its query, each value percent-encoded (where a browser is sent back to a
    /// redirect URI); existing query items are kept.
    static QString appendQuery(const QString& uri, const QList<QPair<QString, QString>>& items);
};

} // namespace Protocol
