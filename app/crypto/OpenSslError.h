#pragma once

// Private to app/crypto: never include from a public header.
#include <QString>

namespace Crypto::detail {

/// Drains OpenSSL's thread-local error queue into one line ("what: lib reason; ...").
QString drainOpenSslErrors(const QString& what);

} // namespace Crypto::detail
