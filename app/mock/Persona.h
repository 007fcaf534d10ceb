#pragma once

#include "protocol/Text.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>

namespace Mock {

/// A simulated iAM Smart user (resources/mock/personas.json).
struct Persona
{
    QString id;
    Protocol::Text displayName;
    QString userType; ///< "sign" (iAM Smart+) or "default" (iAM Smart: cannot sign)
    QString hkicIdentification;
    QString hkicCheckDigit;
    QJsonObject profile; ///< every e-ME field in the shapes of protocol.md §6.4
    QString signingSubject;
    QString state = QStringLiteral("active"); ///< active, suspended or deregistered (seed 002: the latter two fail)
    Protocol::Text stateNote; ///< why a persona is not active, and what its requests end with

    bool canSign() const { return userType == QLatin1String("sign"); }
    bool isActive() const { return state == QLatin1String("active"); }
    /// The mock CA issues a signing certificate to this persona (an active persona that can sign).
    bool hasCertificate() const { return canSign() && isActive(); }
};

/// Loads personas from a JSON file (default: the built-in ":/mock/personas.json").
Util::Result<QList<Persona>> loadPersonas(const QString& path = QStringLiteral(":/mock/personas.json"));

} // namespace Mock
