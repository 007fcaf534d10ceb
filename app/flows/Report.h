#pragma once

#include "FlowRunner.h"

#include <QByteArray>
#include <QList>

namespace Flows {

/// Evidence of a run: JUnit XML for CI, the sequence diagram as SVG, and a self-contained HTML report in one
/// of the three languages (steps, pass/fail, timings, QR images, the diagram, environment, version).
/// Secrets never appear: only what went over the wire (with the subscription key redacted) is used.
class Report
{
public:
    static QByteArray junit(const FlowSpec& flow, const FlowResult& result);
    static QString sequenceSvg(const QList<SequenceMessage>& messages, Protocol::Language language);
    static QByteArray html(const FlowSpec& flow, const FlowResult& result, const QList<Session::Exchange>& exchanges,
        const Session::Environment& environment, Protocol::Language language, const QString& version);
    static QString laneName(const QString& lane, Protocol::Language language);
};

} // namespace Flows
