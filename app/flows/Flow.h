#pragma once

#include "protocol/Durations.h"
#include "protocol/Text.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QList>

namespace Flows {

/// One step of a flow: a catalog API called with the mock body overridden by `set`, where `${…}` takes the
/// outputs of earlier steps (`${token.accessToken}`), or a fresh value (`${businessID}`, `${state}`), or the
/// run's language (`${lang}`) or persona (`${persona.hkicHash}`).
struct StepSpec
{
    QString id;
    QString apiId;
    QJsonObject set;
    bool phone = false; ///< the user decides on the phone after this step
    QString awaits; ///< the API whose pending request and callback this step completes (anonymous consent)
};

/// A whole journey (resources/flows/*.json).
struct FlowSpec
{
    QString id;
    QString variant; ///< qr (browser on another device) or app (same device)
    Protocol::Text label;
    Protocol::Text description;
    qint64 timeoutMs = Protocol::Duration::ticketMs;
    QList<StepSpec> steps;

    static Util::Result<FlowSpec> fromJson(const QJsonObject& object);
};

/// The flows compiled into the binary (":/flows"), sorted by id; broken files are an error.
Util::Result<QList<FlowSpec>> loadFlows(const QString& dir = QStringLiteral(":/flows"));

} // namespace Flows
