#pragma once

// Private to app/crypto: the OpenSSL handles behind RsaPublicKey / RsaPrivateKey.
#include "RsaKeys.h"

#include <openssl/evp.h>

namespace Crypto {

struct RsaPublicKey::Impl
{
    explicit Impl(EVP_PKEY* k)
        : key(k)
    {
    }
    ~Impl() { EVP_PKEY_free(key); }
    EVP_PKEY* key;
};

struct RsaPrivateKey::Impl
{
    explicit Impl(EVP_PKEY* k)
        : key(k)
    {
    }
    ~Impl() { EVP_PKEY_free(key); }
    EVP_PKEY* key;
};

} // namespace Crypto
