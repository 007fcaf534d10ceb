#include "FaultBoard.h"

namespace Mock {

QJsonObject ArmedFault::toJson() const
{
    QJsonObject o {{QStringLiteral("code"), code}, {QStringLiteral("times"), times}};
    if (!api.isEmpty())
        o.insert(QStringLiteral("api"), api);
    return o;
}

std::optional<FaultBoard::Refusal> FaultBoard::arm(const Protocol::ApiCatalog& catalog, const QJsonObject& body)
{
    const QJsonValue apiValue = body.value(QLatin1String("api"));
    const QJsonValue codeValue = body.value(QLatin1String("code"));
    const QJsonValue timesValue = body.value(QLatin1String("times"));
    if (!apiValue.isUndefined() && !apiValue.isNull() && !apiValue.isString())
        return Refusal {QStringLiteral("api"), QStringLiteral("a catalog API id (string) expected")};
    const QString api = apiValue.toString();
    const Protocol::ApiSpec* spec = api.isEmpty() ? nullptr : catalog.api(api);
    if (!api.isEmpty() && !spec)
        return Refusal {QStringLiteral("api"), QStringLiteral("no API %1 in the catalog").arg(api)};
    if (spec && spec->isGateway())
        return Refusal {QStringLiteral("api"),
            QStringLiteral("%1 is a gateway API: only the iAM Smart family answers armed codes").arg(api)};
    if (!codeValue.isString() || codeValue.toString().isEmpty())
        return Refusal {QStringLiteral("code"), QStringLiteral("a return code (string, e.g. D40002) expected")};
    const QString code = codeValue.toString();
    const Protocol::ReturnCode* rc = catalog.returnCode(code);
    if (!rc || code.startsWith(QLatin1String("HTTP")))
        return Refusal {QStringLiteral("code"), QStringLiteral("%1 is not an iAM Smart return code of the catalog").arg(code)};
    if (spec && !spec->returnCodes.contains(code))
        return Refusal {QStringLiteral("code"), QStringLiteral("%1 does not list %2").arg(api, code)};
    int times = 1;
    if (!timesValue.isUndefined()) {
        const double t = timesValue.toDouble(-1);
        if (!timesValue.isDouble() || t != double(qint64(t)) || t < 1 || t > maxTimes)
            return Refusal {QStringLiteral("times"), QStringLiteral("a whole number from 1 to %1 expected").arg(maxTimes)};
        times = int(t);
    }
    for (ArmedFault& f : m_faults) {
        if (f.api == api && f.code == code) {
            f.times = std::min(maxTimes, f.times + times);
            return std::nullopt;
        }
    }
    if (m_faults.size() >= maxFaults)
        return Refusal {QStringLiteral("code"),
            QStringLiteral("%1 answers are armed already (the limit); DELETE /__mock/faults clears them").arg(maxFaults)};
    m_faults.append(ArmedFault {api, code, times});
    return std::nullopt;
}

std::optional<QString> FaultBoard::take(const QString& apiId, bool everyApi)
{
    for (const bool own : {true, false}) {
        if (!own && !everyApi)
            break;
        for (qsizetype i = 0; i < m_faults.size(); ++i) {
            ArmedFault& f = m_faults[i];
            if (own ? f.api != apiId : !f.api.isEmpty())
                continue;
            const QString code = f.code;
            if (--f.times <= 0)
                m_faults.removeAt(i);
            return code;
        }
    }
    return std::nullopt;
}

QJsonArray FaultBoard::toJson() const
{
    QJsonArray out;
    for (const ArmedFault& f : m_faults)
        out.append(f.toJson());
    return out;
}

} // namespace Mock
