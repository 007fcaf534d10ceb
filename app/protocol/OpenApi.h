#pragma once

#include "ApiCatalog.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Protocol {

/// One entry of the document's `servers`.
struct OpenApiServer
{
    QString url; ///< the base URL as the environment knows it (without /api/v1)
    QString description;
    QString family; ///< iamsmart, gateway, or empty for both
    QJsonObject variables; ///< OpenAPI server variables, for {port} and the like
};

struct OpenApiOptions
{
    QString family; ///< iamsmart, gateway, or empty for every API
    QList<OpenApiServer> servers;
    QString version; ///< info.version
};

/// The catalog as an OpenAPI 3.0.3 document (issue 16): every request and browser API as an operation, the
/// signature headers as parameters (gateway: x-client-id / x-client-secret as security schemes), request and
/// response schemas from the field rules, examples from the mock values, and each callback as a `callbacks`
/// object on the operation that leads to it. A callback no API names (direct login) hangs on the operations of
/// its family that take a value it delivers (getToken takes its code).
///
/// The one place the document is made: the CLI (`iamsmart catalog openapi`) and the console's
/// File → Export API definition… both call it.
class OpenApi
{
public:
    static QJsonObject document(const ApiCatalog& catalog, const OpenApiOptions& options);
    /// The JSON Schema of one field (type, maxLength, pattern as ^(?:…)$, enum values, minItems, example).
    static QJsonObject fieldSchema(const ApiCatalog& catalog, const FieldSpec& field);
    /// The callbacks each operation carries: operation id → callback ids.
    static QHash<QString, QStringList> callbacksByOperation(const ApiCatalog& catalog, const QString& family = {});
    /// The HTTP status codes an API can answer with, as HTTPnnn return codes: the API's own when it lists
    /// any, else the network error list of the iAM Smart sandbox portal (return codes HTTPnnn with evidence O).
    static QStringList httpStatuses(const ApiCatalog& catalog, const ApiSpec& api);
    /// Pretty JSON, or YAML (through the yaml-cpp wrapper).
    static QByteArray toJson(const QJsonObject& document);
    static QByteArray toYaml(const QJsonObject& document);
};

} // namespace Protocol
