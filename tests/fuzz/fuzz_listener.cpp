// libFuzzer target for the callback listener: a callback request (path and method chosen by the first byte,
// the rest the body, or the whole input as raw bytes) over a real loopback connection. The listener holds a
// KEK private key and a current CEK, so envelopes, secretKey unwrapping and AES-GCM content are all reached.
// It must answer every request and keep serving.
#include "FuzzSupport.h"
#include "callback/CallbackListener.h"
#include "crypto/RsaKeys.h"

#include <QUrl>

namespace {

struct Harness : Fuzz::App
{
    Callback::CallbackListener listener;
    QList<QByteArray> paths;
    quint16 port = 0;
    int counter = 0;

    Harness()
    {
        auto kek = Crypto::RsaPrivateKey::generate(2048);
        if (!kek)
            abort();
        listener.setKekPrivateKey(kek.value());
        listener.setCurrentCek(QByteArray(32, 'k'));
        if (!listener.start())
            abort();
        port = quint16(QUrl(listener.baseUrl()).port());
        const auto callbackPaths = listener.callbackPaths();
        for (auto it = callbackPaths.begin(); it != callbackPaths.end(); ++it)
            paths << QUrl(it.value()).path(QUrl::FullyEncoded).toUtf8();
        paths << "/" << "/nowhere";
    }
};

} // namespace

namespace {
Harness* harness = nullptr;
} // namespace

// The harness (keys, servers) is made before the first input, so its start-up never counts as a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    harness = new Harness;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Harness& h = *harness;
    if (size < 1)
        return 0;
    const QByteArray rest(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const uint8_t selector = data[0];
    QByteArray bytes;
    if (selector & 0x80) {
        bytes = rest; // raw bytes
    } else {
        const QByteArray path = h.paths.at((selector & 0x3f) % h.paths.size());
        // GET callbacks carry their data in the query; POST callbacks in a JSON envelope.
        bytes = (selector & 0x40) ? Fuzz::httpRequest("GET", path + '?' + rest.toPercentEncoding("=&"), h.port, {}, {})
                                  : Fuzz::httpRequest("POST", path, h.port, rest);
    }
    Fuzz::exchange(h.port, bytes);
    Fuzz::assertServing(h.port, h.paths.last(), h.counter);
    return 0;
}
