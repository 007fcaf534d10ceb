#include "OpenSslError.h"

#include <openssl/err.h>

namespace Crypto::detail {

QString drainOpenSslErrors(const QString& what)
{
    QString out = what;
    unsigned long code = 0;
    char buffer[256];
    bool first = true;
    while ((code = ERR_get_error()) != 0) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        out += first ? QStringLiteral(": ") : QStringLiteral("; ");
        out += QString::fromLatin1(buffer);
        first = false;
    }
    return out;
}

} // namespace Crypto::detail
