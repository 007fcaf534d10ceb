#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace Util::Yaml {

/// A JSON value as a YAML 1.2 block document (yaml-cpp; the only place that library is used). Object keys keep
/// QJsonObject's order; strings are quoted wherever YAML would read them as something else.
QByteArray fromJson(const QJsonValue& value);

} // namespace Util::Yaml
