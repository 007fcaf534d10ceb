#include "ApiDefinition.h"

#include "Environment.h"
#include "protocol/OpenApi.h"

#include <QCoreApplication>

namespace Session::ApiDefinition {

QJsonObject document(const QString& family)
{
    const auto& catalog = Protocol::ApiCatalog::builtin();
    if (catalog.apis().isEmpty())
        return {};
    Protocol::OpenApiOptions options;
    options.family = family;
    options.version = QStringLiteral(IAMSMART_VERSION);
    // The simulator serves both families on an OS-chosen port: `iamsmart mock` and the console print it.
    Protocol::OpenApiServer local;
    local.url = QStringLiteral("http://127.0.0.1:{port}");
    local.description = QStringLiteral("Local simulator of the iAM Smart Sandbox Console (iamsmart mock)");
    local.variables = QJsonObject {{QStringLiteral("port"),
        QJsonObject {{QStringLiteral("default"), QStringLiteral("8080")},
            {QStringLiteral("description"), QStringLiteral("the port the simulator listens on")}}}};
    options.servers << local;
    for (const Environment& e : Environment::builtins()) {
        if (e.isLocal() || e.baseUrl.isEmpty())
            continue;
        Protocol::OpenApiServer server;
        server.url = e.baseUrl;
        server.description = e.name;
        server.family = QStringLiteral("iamsmart"); // the remote environments serve the iAM Smart family only
        options.servers << server;
    }
    return Protocol::OpenApi::document(catalog, options);
}

QByteArray serialize(const QJsonObject& document, bool yaml)
{
    return yaml ? Protocol::OpenApi::toYaml(document) : Protocol::OpenApi::toJson(document);
}

} // namespace Session::ApiDefinition
