#include "Persona.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Mock {

Util::Result<QList<Persona>> loadPersonas(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isArray())
        return Util::Error {QStringLiteral("bad-json"), QStringLiteral("%1: %2").arg(path, error.errorString())};
    QList<Persona> out;
    for (const QJsonValue& v : doc.array()) {
        const QJsonObject o = v.toObject();
        Persona p;
        p.id = o.value(QLatin1String("id")).toString();
        p.displayName = Protocol::Text::fromJson(o.value(QLatin1String("displayName")));
        p.userType = o.value(QLatin1String("userType")).toString();
        const QJsonObject hkic = o.value(QLatin1String("hkic")).toObject();
        p.hkicIdentification = hkic.value(QLatin1String("identification")).toString();
        p.hkicCheckDigit = hkic.value(QLatin1String("checkDigit")).toString();
        p.profile = o.value(QLatin1String("profile")).toObject();
        p.signingSubject
            = o.value(QLatin1String("signing")).toObject().value(QLatin1String("sigCertSubject")).toString();
        p.state = o.value(QLatin1String("state")).toString(QStringLiteral("active"));
        p.stateNote = Protocol::Text::fromJson(o.value(QLatin1String("stateNote")));
        static const QStringList states {
            QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("deregistered")};
        if (!states.contains(p.state))
            return Util::Error {QStringLiteral("bad-persona"),
                QStringLiteral("%1: persona %2 has state '%3' (active, suspended or deregistered expected)")
                    .arg(path, p.id, p.state)};
        if (p.id.isEmpty() || p.hkicIdentification.isEmpty())
            return Util::Error {
                QStringLiteral("bad-persona"), QStringLiteral("%1: a persona lacks id or hkic").arg(path)};
        out.append(p);
    }
    if (out.isEmpty())
        return Util::Error {QStringLiteral("bad-persona"), QStringLiteral("%1: no personas").arg(path)};
    return out;
}

} // namespace Mock
