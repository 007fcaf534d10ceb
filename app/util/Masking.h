#pragma once

#include <QJsonValue>
#include <QString>

namespace Util {

/// Presenter mode: hides personal data on screen while keeping its shape recognisable. HKIC numbers keep
/// their letters and first two digits, names their first character, phone numbers their first four digits,
/// e-mail addresses their first letter and domain; dates keep the year.
QString maskHkic(const QString& text);
QString maskName(const QString& text);
QString maskPhone(const QString& text);
/// Masks the personal fields of a decrypted profile / e-ME content (by the iAM Smart field names), recursively.
QJsonValue maskPersonalData(const QJsonValue& value, const QString& key = {});
/// Masks HKIC-shaped numbers anywhere in free text.
QString maskText(const QString& text);

} // namespace Util
