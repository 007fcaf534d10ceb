// libFuzzer target for the request-decoding path: the simulator's strict checks (headers, signature,
// timestamp, nonce, AES-GCM body, JSON, catalog field rules) and the envelope, AES and key-unwrap decoders.
#include "crypto/AesGcmCipher.h"
#include "crypto/HmacSigner.h"
#include "crypto/Jose.h"
#include "crypto/KeyWrap.h"
#include "mock/Simulator.h"
#include "protocol/Envelope.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTemporaryDir>

namespace {

struct Harness
{
    int argc = 1;
    char name[8] = "fuzzer";
    char* argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
    QTemporaryDir dir;
    Mock::Simulator simulator;
    QList<const Protocol::ApiSpec*> apis;
    qint64 counter = 0;

    Harness()
    {
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        if (!simulator.start(options))
            abort();
        for (const auto& api : Protocol::ApiCatalog::builtin().apis()) {
            if (api.kind == Protocol::ApiKind::Request)
                apis.append(&api);
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static Harness h;
    if (size < 2)
        return 0;
    const QByteArray input(reinterpret_cast<const char*>(data) + 2, qsizetype(size - 2));
    const Protocol::ApiSpec* api = h.apis.at(data[0] % h.apis.size());
    const auto& client = h.simulator.clients().devClient();

    // The decoders on raw bytes.
    (void)Protocol::ResponseEnvelope::parse(input);
    (void)Crypto::AesGcmCipher::decrypt(QByteArray(32, 'k'), input);
    if (data[1] & 0x80)
        (void)Crypto::KeyWrap::unwrap(Crypto::RsaPrivateKey::fromFile(client.kekPrivateKeyPath).valueOr({}), input);
    (void)Crypto::Jose::peekHeader(input);
    (void)Crypto::Jose::verifyHs256(input, QByteArray(32, 'k'));
    if (data[1] & 0x40)
        (void)Crypto::Jose::decryptRsa(input, Crypto::RsaPrivateKey::fromFile(client.kekPrivateKeyPath).valueOr({}));

    if (api->isGateway()) {
        // The gateway family: client id and secret headers, plain JSON.
        Net::HttpRequest request;
        request.method = "POST";
        request.path = api->path.toLatin1();
        request.target = request.path;
        request.body = input;
        request.headers = {{"x-client-id", client.clientId.toUtf8()},
            {"x-client-secret", (data[1] & 0x04) ? QByteArray("wrong") : client.clientSecret},
            {"Content-Type", "application/json"}};
        const Net::HttpResponse response = h.simulator.respond(request);
        if (response.status < 200 || response.status > 599 || response.body.isEmpty())
            abort();
        return 0;
    }

    // The simulator on a request whose headers are valid or not, with the input as body (or wrapped).
    Net::HttpRequest request;
    request.method = api->method.toLatin1();
    request.path = "/api/v1" + api->path.toLatin1();
    request.target = request.path;
    request.body = (data[1] & 0x01) ? "{\"content\":\"" + input.toBase64() + "\"}" : input;
    const qint64 ts = QDateTime::currentMSecsSinceEpoch();
    const QString nonce = QString::number(++h.counter);
    request.headers = {{"clientID", client.clientId.toUtf8()},
                       {"signatureMethod", (data[1] & 0x02) ? QByteArray("HmacSHA1") : QByteArray("HmacSHA256")},
                       {"timestamp", QByteArray::number(ts)},
                       {"nonce", nonce.toUtf8()}};
    if (!(data[1] & 0x04))
        request.headers.append({"signature", Crypto::HmacSigner::sign(client.clientId, client.clientSecret, ts, nonce,
                                                                      request.body)
                                                 .headerValue});
    const Net::HttpResponse response = h.simulator.respond(request);
    if (response.status < 200 || response.status > 599 || response.body.isEmpty())
        abort();
    return 0;
}
