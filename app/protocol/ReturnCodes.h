// The iAM Smart return codes the code base names, in one place (resources/catalog/return-codes.json has their
// meanings and wording; tst_returncodes checks every constant below against it).
#pragma once

#include <QString>

namespace Protocol::Code {

inline const QString Success = QStringLiteral("D00000");
inline const QString UnknownException = QStringLiteral("D20000");
inline const QString ParameterMissing = QStringLiteral("D20001");
inline const QString ParameterEmpty = QStringLiteral("D20002");
inline const QString ParameterInvalid = QStringLiteral("D20003");
inline const QString DuplicatedRequest = QStringLiteral("D20004");
inline const QString SignatureMethodUnsupported = QStringLiteral("D20005");
inline const QString SignatureInvalid = QStringLiteral("D20006");
inline const QString SourceUnsupported = QStringLiteral("D20007");
inline const QString InvalidServiceUrl = QStringLiteral("D20008");
inline const QString AccessTokenInvalid = QStringLiteral("D20009");
inline const QString OpenIdUnknown = QStringLiteral("D20010");
inline const QString DuplicatedBusinessId = QStringLiteral("D20011");
inline const QString InsufficientPermission = QStringLiteral("D20012");
/// The simulator's own "too many requests waiting for the user" (HTTP 429).
inline const QString TooManyPending = QStringLiteral("D20429");
inline const QString KekInvalid = QStringLiteral("D30001");
inline const QString CekInvalid = QStringLiteral("D30002");
inline const QString EncryptionError = QStringLiteral("D30003");
inline const QString DecryptionError = QStringLiteral("D30004");
inline const QString AuthCancelled = QStringLiteral("D40000");
inline const QString AuthRejected = QStringLiteral("D40001");
inline const QString AuthTimedOut = QStringLiteral("D40003");
inline const QString AuthCodeInvalid = QStringLiteral("D40004");
inline const QString ProfileRejected = QStringLiteral("D50001");
inline const QString ProfileTimedOut = QStringLiteral("D50003");
inline const QString FormCancelled = QStringLiteral("D60000");
inline const QString FormRejected = QStringLiteral("D60001");
inline const QString FormTimedOut = QStringLiteral("D60003");
inline const QString SignCancelled = QStringLiteral("D70000");
inline const QString SignRejected = QStringLiteral("D70001");
inline const QString SignFailed = QStringLiteral("D70002");
inline const QString SignTimedOut = QStringLiteral("D70003");
inline const QString SignNotAllowed = QStringLiteral("D70004");
inline const QString SignHkicMismatch = QStringLiteral("D70005");
inline const QString BulkSignCancelled = QStringLiteral("D71000");
inline const QString BulkSignRejected = QStringLiteral("D71001");
inline const QString BulkSignFailed = QStringLiteral("D71002");
inline const QString BulkSignTimedOut = QStringLiteral("D71003");
inline const QString ReauthRejected = QStringLiteral("D80001");
inline const QString ReauthTimedOut = QStringLiteral("D80003");

/// What the simulator's HTTP layer reports for a gateway-family success (the "HTTPnnn" rows of the catalog).
inline const QString GatewayOk = QStringLiteral("HTTP200");

/// Whether `code` is the success code.
inline bool isSuccess(const QString& code)
{
    return code == Success;
}

} // namespace Protocol::Code
