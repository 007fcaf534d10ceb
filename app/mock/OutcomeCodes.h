// The return codes the simulator's outcome tools choose (fail decisions, persona states, rate limiting). One place
// for these literals until the named return-code header lands; every one is listed in resources/catalog/return-codes.json.
#pragma once

#include <QString>

namespace Mock::OutcomeCodes {

inline constexpr auto success = "D00000";
/// What the phone's "fails" decision ends with, per phone kind (the catalog's failure code of each family).
inline QString failureFor(const QString& kind)
{
    if (kind == QLatin1String("auth"))
        return QStringLiteral("D40002");
    if (kind == QLatin1String("profile"))
        return QStringLiteral("D50002");
    if (kind == QLatin1String("eme") || kind == QLatin1String("anon-eme"))
        return QStringLiteral("D60002");
    if (kind == QLatin1String("bulksign"))
        return QStringLiteral("D71002");
    if (kind == QLatin1String("reauth"))
        return QStringLiteral("D80002");
    return QStringLiteral("D70002"); // sign, pdfsign, anon-sign, anon-pdfsign
}
/// A persona that may not sign (iAM Smart, not iAM Smart+), per signing kind.
inline QString cannotSignFor(const QString& kind)
{
    return kind == QLatin1String("bulksign") ? QStringLiteral("D71004") : QStringLiteral("D70004");
}
/// An HKICHash that is not the signer's, per signing kind.
inline QString hkicMismatchFor(const QString& kind)
{
    return kind == QLatin1String("bulksign") ? QStringLiteral("D71005") : QStringLiteral("D70005");
}
/// Bulk signing: cancelling a request that is no longer pending.
inline constexpr auto bulkNotPending = "D71007";
/// Bulk signing: no such bulk request (BSQC token not found).
inline constexpr auto bulkNotFound = "D71008";

} // namespace Mock::OutcomeCodes
