#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Session {

/// The API catalog as an OpenAPI 3.0.3 document (Protocol::OpenApi) with this console's environments as
/// servers: the local simulator (any port), the Cyberport sandbox and the iAM Smart test environment. The CLI's
/// `catalog openapi` and the console's File → Export API definition… both use it.
namespace ApiDefinition {

/// `family`: iamsmart, gateway or empty for both. Errors are impossible for the built-in catalog; an empty
/// object means it failed to load.
QJsonObject document(const QString& family);
/// JSON (pretty) or, with `yaml`, YAML.
QByteArray serialize(const QJsonObject& document, bool yaml);

} // namespace ApiDefinition
} // namespace Session
