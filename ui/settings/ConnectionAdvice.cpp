#include "ConnectionAdvice.h"

QString ConnectionAdvice::explain(const Session::ConnectionVerdict& v)
{
    using P = Session::ConnectionVerdict::Problem;
    switch (v.problem) {
    case P::None:
        return tr("Connected: getKey answered %1.").arg(v.code);
    case P::WrongClientId:
        return tr("The server does not know this client ID (%1: %2). Copy the client ID exactly as it was issued "
                  "for your online service.")
            .arg(v.code, v.detail);
    case P::Signature:
        return tr("%1: the signature did not verify. Either the client secret is wrong, or this computer's clock is "
                  "off (the signed timestamp is checked): check the client secret first, then the system clock.")
            .arg(v.code);
    case P::Clock:
        return tr("%1: the server refused the request's timestamp (%2). Set this computer's clock right (automatic "
                  "time), then test again.")
            .arg(v.code, v.detail);
    case P::ContentKey:
        return tr("%1: the content key could not be issued or read. The server must hold the KEK certificate you "
                  "registered, and the private key must be that certificate's.")
            .arg(v.code);
    case P::NoPrivateKey:
        return tr("Connected, but there is no KEK private key to read the content key with: encrypted APIs fail "
                  "until one is set.");
    case P::SubscriptionKey:
        return tr("HTTP 401 from the gateway in front of the API: the subscription key (Ocp-Apim-Subscription-Key) is "
                  "missing or wrong. Enter the key the sandbox portal gave you and tick Send subscription key.");
    case P::NotFound:
        return tr("HTTP 404: there is no iAM Smart API at this base URL. Give the base URL without /api/v1.");
    case P::Tls:
        return tr("The secure connection failed (%1): the server's certificate is not trusted or the TLS handshake "
                  "failed. Check the host name in the base URL and this computer's certificates.")
            .arg(v.detail);
    case P::Dns:
        return tr("The host name in the base URL does not resolve (%1). Check its spelling, or the network's DNS.")
            .arg(v.detail);
    case P::Unreachable:
        return tr("The server could not be reached (%1): refused, reset or no answer. Check the host and port in the "
                  "base URL, the network, and any proxy or firewall.")
            .arg(v.detail);
    case P::Other:
        break;
    }
    return tr("Unexpected answer %1: %2").arg(v.code.isEmpty() ? tr("(none)") : v.code, v.detail);
}
