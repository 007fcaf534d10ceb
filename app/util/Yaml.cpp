#include "Yaml.h"

#include <QJsonArray>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

namespace Util::Yaml {
namespace {

void writeValue(YAML::Emitter& out, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject o = value.toObject();
        out << YAML::BeginMap;
        for (auto it = o.begin(); it != o.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            writeValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    case QJsonValue::Array:
        out << YAML::BeginSeq;
        for (const QJsonValue& v : value.toArray())
            writeValue(out, v);
        out << YAML::EndSeq;
        break;
    case QJsonValue::String:
        // Double-quoted: never read back as a number, boolean, null or date, and any character survives.
        out << YAML::DoubleQuoted << value.toString().toStdString();
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(value.toInteger()))
            out << static_cast<long long>(value.toInteger());
        else
            out << d;
        break;
    }
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    default:
        out << YAML::Null;
        break;
    }
}

} // namespace

QByteArray fromJson(const QJsonValue& value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginDoc;
    writeValue(out, value);
    out << YAML::Newline;
    return QByteArray(out.c_str(), static_cast<qsizetype>(out.size()));
}

} // namespace Util::Yaml
