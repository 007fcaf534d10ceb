// Helpers shared by the simulator's units (Simulator.cpp, SimulatorPages.cpp, SimulatorDecisions.cpp). Internal.
#pragma once

#include "Simulator.h"
#include "util/RandomSource.h"
#include "util/RequestStamp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Mock::detail {

constexpr qint64 clockSkewMs = 5 * 60'000;
constexpr qsizetype maxNoncesPerClient = 100'000; ///< signed requests one client may send within the skew window

inline QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The decision codes per kind: {reject, cancel, expire} (protocol.md §6.6).
inline QStringList decisionCodes(const QString& kind)
{
    if (kind == QLatin1String("auth"))
        return {QStringLiteral("D40001"), QStringLiteral("D40000"), QStringLiteral("D40003")};
    if (kind == QLatin1String("profile"))
        return {QStringLiteral("D50001"), QStringLiteral("D50001"), QStringLiteral("D50003")};
    if (kind == QLatin1String("eme") || kind == QLatin1String("anon-eme"))
        return {QStringLiteral("D60001"), QStringLiteral("D60000"), QStringLiteral("D60003")};
    if (kind == QLatin1String("bulksign"))
        return {QStringLiteral("D71001"), QStringLiteral("D71000"), QStringLiteral("D71003")};
    if (kind == QLatin1String("reauth"))
        return {QStringLiteral("D80001"), QStringLiteral("D80001"), QStringLiteral("D80003")};
    return {QStringLiteral("D70001"), QStringLiteral("D70000"), QStringLiteral("D70003")};
}

/// Empty when `bytes` is no body (nothing, or only white space) or one JSON object; otherwise what is wrong.
inline QString bodyProblem(const QByteArray& bytes)
{
    if (bytes.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset);
    return doc.isObject() ? QString() : QStringLiteral("not a JSON object");
}

/// A new authorisation code. Base64 codes are 16 random bytes (24 characters ending in "=="); their first two bytes
/// are fixed so that every code also carries '+' and '/' (a code without them would test nothing).
inline QString newAuthCode(CodeStyle style)
{
    if (style == CodeStyle::Hex)
        return Util::randomHex32();
    QByteArray bytes = Util::RandomSource::system().bytes(16);
    bytes[0] = char(0xfb);
    bytes[1] = char(0xff);
    return QString::fromLatin1(bytes.toBase64());
}

inline bool isAppSource(const QString& source)
{
    return source.startsWith(QLatin1String("App_"));
}


} // namespace Mock::detail
