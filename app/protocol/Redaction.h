#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace Protocol {

/// What history files, callback files and HAR exports keep when "keep personal data in history" is off:
/// bearer tokens (accessToken, openID, the gateway's token) and every profile or e-ME field (by the
/// catalog's profileFields and eMEFields names) become "[redacted]", at any depth.
inline const QString Redacted = QStringLiteral("[redacted]");
bool isTokenField(const QString& key);
bool isPersonalField(const QString& key);
QJsonValue redactPersonalData(const QJsonValue& value);
/// The same on JSON text (an object or array); anything else is returned unchanged.
QByteArray redactPersonalDataText(const QByteArray& json);

} // namespace Protocol
