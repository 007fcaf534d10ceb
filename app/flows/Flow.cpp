#include "Flow.h"

#include "protocol/ApiCatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Flows {

Util::Result<FlowSpec> FlowSpec::fromJson(const QJsonObject& o)
{
    FlowSpec f;
    f.id = o.value(QLatin1String("id")).toString();
    f.variant = o.value(QLatin1String("variant")).toString(QStringLiteral("qr"));
    f.label = Protocol::Text::fromJson(o.value(QLatin1String("label")));
    f.description = Protocol::Text::fromJson(o.value(QLatin1String("description")));
    f.timeoutMs = qint64(o.value(QLatin1String("timeoutMs")).toDouble(Protocol::Duration::ticketMs));
    auto bad = [&f](const QString& why) {
        return Util::Error {QStringLiteral("bad-flow"), f.id + QStringLiteral(": ") + why};
    };
    if (f.id.isEmpty())
        return bad(QStringLiteral("no id"));
    if (!f.label.isComplete() || !f.description.isComplete())
        return bad(QStringLiteral("label and description need en, zh-HK and zh-CN"));
    QStringList ids;
    for (const QJsonValue& v : o.value(QLatin1String("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        StepSpec step {s.value(QLatin1String("id")).toString(), s.value(QLatin1String("api")).toString(),
            s.value(QLatin1String("set")).toObject(), s.value(QLatin1String("phone")).toBool(),
            s.value(QLatin1String("awaits")).toString()};
        if (!Protocol::ApiCatalog::builtin().api(step.apiId))
            return bad(QStringLiteral("step %1 calls unknown API '%2'").arg(step.id, step.apiId));
        if (ids.contains(step.id))
            return bad(QStringLiteral("step id %1 is used twice").arg(step.id));
        ids << step.id;
        f.steps.append(step);
    }
    if (f.steps.isEmpty())
        return bad(QStringLiteral("no steps"));
    return f;
}

Util::Result<QList<FlowSpec>> loadFlows(const QString& dir)
{
    QList<FlowSpec> out;
    const QDir d(dir);
    for (const QString& name : d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(d.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return Util::Error {QStringLiteral("bad-flow"), name + QStringLiteral(": ") + f.errorString()};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (!doc.isObject())
            return Util::Error {QStringLiteral("bad-flow"), name + QStringLiteral(": ") + error.errorString()};
        auto flow = FlowSpec::fromJson(doc.object());
        if (!flow)
            return flow.error();
        out.append(flow.value());
    }
    return out;
}

} // namespace Flows
