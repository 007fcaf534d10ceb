// The return codes the simulator's outcome tools choose per phone kind: the phone's "fails", a persona that may not
// sign, an HKICHash that is not the signer's (named in protocol/ReturnCodes.h).
#pragma once

#include "protocol/ReturnCodes.h"

namespace Mock::OutcomeCodes {

/// What the phone's "fails" decision ends with, per phone kind (the catalog's failure code of each family).
inline QString failureFor(const QString& kind)
{
    using namespace Protocol;
    if (kind == QLatin1String("auth"))
        return Code::AuthFailed;
    if (kind == QLatin1String("profile"))
        return Code::ProfileFailed;
    if (kind == QLatin1String("eme") || kind == QLatin1String("anon-eme"))
        return Code::FormFailed;
    if (kind == QLatin1String("bulksign"))
        return Code::BulkSignFailed;
    if (kind == QLatin1String("reauth"))
        return Code::ReauthFailed;
    return Code::SignFailed; // sign, pdfsign, anon-sign, anon-pdfsign
}
/// A persona that may not sign (iAM Smart, not iAM Smart+), per signing kind.
inline QString cannotSignFor(const QString& kind)
{
    return kind == QLatin1String("bulksign") ? Protocol::Code::BulkSignNotAllowed : Protocol::Code::SignNotAllowed;
}
/// An HKICHash that is not the signer's, per signing kind.
inline QString hkicMismatchFor(const QString& kind)
{
    return kind == QLatin1String("bulksign") ? Protocol::Code::BulkSignHkicMismatch : Protocol::Code::SignHkicMismatch;
}

} // namespace Mock::OutcomeCodes
