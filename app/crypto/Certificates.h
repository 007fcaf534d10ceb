#pragma once

#include "RsaKeys.h"
#include "util/Result.h"

#include <QByteArray>
#include <QStringList>

namespace Crypto {

/// X.509 certificates made locally with OpenSSL (HTTPS for the listener, the simulator's mock CA).
class Certificates
{
public:
    /// A self-signed certificate for `key`, valid `days` days, with subjectAltNames for `hosts`
    /// (IP addresses or DNS names). Returns PEM. Error "crypto-failure".
    static Util::Result<QByteArray> selfSigned(
        const RsaPrivateKey& key, const QString& commonName, int days, const QStringList& hosts = {});
};

} // namespace Crypto
