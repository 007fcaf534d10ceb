// libFuzzer target for the file loaders: KEK keys and certificates (PEM, DER, PKCS#12, with and without a
// password), the simulator's --config, environment files (and their import), exchange history files and
// callback history files. The first byte picks the loader; none may crash, hang or leak on any input.
#include "FuzzSupport.h"
#include "callback/CallbackHistory.h"
#include "crypto/RsaKeys.h"
#include "mock/ClientRegistry.h"
#include "session/Environment.h"
#include "session/History.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace {

struct Harness : Fuzz::App
{
    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            abort();
        f.write(bytes);
        return path;
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
    const QByteArray input(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const QByteArray password = (data[0] & 0x80) ? QByteArray("fuzz") : QByteArray();
    switch ((data[0] & 0x7f) % 7) {
    case 0: // a private key: PEM, DER or PKCS#12
        (void)Crypto::RsaPrivateKey::fromData(input, password);
        break;
    case 1: // a certificate or public key: PEM or DER
        (void)Crypto::RsaPublicKey::fromData(input);
        break;
    case 2: { // the simulator's --config
        Mock::ClientRegistry registry;
        (void)registry.loadConfig(h.write(QStringLiteral("config.json"), input));
        break;
    }
    case 3: { // an environment file, read and imported
        (void)Session::Environment::fromJson(QJsonDocument::fromJson(input).object());
        (void)Session::EnvironmentStore::importFrom(h.write(QStringLiteral("environment.json"), input));
        break;
    }
    case 4: { // an exchange history file
        const QString folder = h.dir.filePath(QStringLiteral("history"));
        QDir().mkpath(folder);
        h.write(QStringLiteral("history/000000000000001-x.json"), input);
        Session::ExchangeHistory history(folder, Session::HistorySettings {true, 0, 0});
        (void)history.load();
        (void)Session::Har::build(
            {Session::ExchangeHistory::fromJson(QJsonDocument::fromJson(input).object())}, QStringLiteral("fuzz"));
        break;
    }
    case 5: { // a callback history file
        const QString folder = h.dir.filePath(QStringLiteral("callbacks"));
        QDir().mkpath(folder);
        h.write(QStringLiteral("callbacks/000000000000001-x.json"), input);
        (void)Callback::CallbackHistory(folder).load();
        break;
    }
    default: // a saved environments folder
        const QString folder = h.dir.filePath(QStringLiteral("environments"));
        QDir().mkpath(folder);
        h.write(QStringLiteral("environments/e.json"), input);
        (void)Session::EnvironmentStore(folder).load();
        break;
    }
    return 0;
}
