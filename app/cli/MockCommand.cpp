#include "CliSupport.h"
#include "SignalQuit.h"
#include "net/RequestGuard.h"
#include "workbench/Workbench.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

namespace Cli {

bool parseListenAddress(const QString& text, QHostAddress* address, quint16* port);

int mockCommand(const QStringList& args)
{
    Parser p(QStringLiteral("mock"), QStringLiteral("Run the iAM Smart simulator headless until SIGINT/SIGTERM."));
    p.option(QStringLiteral("listen"), QStringLiteral("address to bind (default 127.0.0.1 on an OS-chosen port)"),
        QStringLiteral("HOST:PORT"));
    p.option(QStringLiteral("state-dir"), QStringLiteral("where the dev client, its KEK and the mock CA live"),
        QStringLiteral("DIR"));
    p.option(QStringLiteral("mode"), QStringLiteral("strict (default) or sandbox"), QStringLiteral("MODE"));
    p.option(QStringLiteral("config"), QStringLiteral("JSON file registering more clients"), QStringLiteral("FILE"));
    p.option(QStringLiteral("code-style"),
        QStringLiteral("authorisation codes: hex (default) or base64 (with + / =, as a real system may issue)"),
        QStringLiteral("STYLE"));
    p.option(QStringLiteral("max-pending"),
        QStringLiteral("undecided requests per client before HTTP 429 (default 1000)"), QStringLiteral("N"));
    p.option(QStringLiteral("rate-limit"),
        QStringLiteral("requests per client per second before HTTP 429 (default: no limit)"), QStringLiteral("N"));
    p.option(QStringLiteral("public-name"),
        QStringLiteral("a host name a tunnel forwards to this server with (repeatable); other Host headers get 421"),
        QStringLiteral("NAME"));
    p.secretOption(QStringLiteral("subscription-key"),
        QStringLiteral("sandbox mode: the Ocp-Apim-Subscription-Key every API request must carry (HTTP 401 otherwise), "
                       "as the Cyberport sandbox's gateway wants"),
        QStringLiteral("IAMSMART_MOCK_SUBSCRIPTION_KEY"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    const QStringList publicNames = p.values(QStringLiteral("public-name"));
    for (const QString& name : publicNames) {
        if (auto s = Net::RequestGuard::checkPublicName(name); !s)
            return usageError(QStringLiteral("--public-name: ") + s.error().detail);
    }

    Workbench::WorkbenchOptions workbenchOptions; // the console's simulator state unless --state-dir names another
    workbenchOptions.stateDir = p.value(QStringLiteral("state-dir"));
    Mock::SimulatorOptions& options = workbenchOptions.simulator;
    if (p.isSet(QStringLiteral("listen"))) {
        if (!parseListenAddress(p.value(QStringLiteral("listen")), &options.address, &options.port))
            return usageError(QStringLiteral("--listen: '%1' is not HOST:PORT").arg(p.value(QStringLiteral("listen"))));
        if (!options.address.isLoopback())
            return usageError(QStringLiteral("--listen: the simulator serves loopback addresses only"));
    }
    const QString modeName
        = p.isSet(QStringLiteral("mode")) ? p.value(QStringLiteral("mode")) : QStringLiteral("strict");
    Mock::Mode mode = Mock::Mode::Strict;
    if (modeName == QLatin1String("sandbox"))
        mode = Mock::Mode::Sandbox;
    else if (modeName != QLatin1String("strict"))
        return usageError(QStringLiteral("--mode: '%1' is not strict or sandbox").arg(modeName));
    const QString codeStyle
        = p.isSet(QStringLiteral("code-style")) ? p.value(QStringLiteral("code-style")) : QStringLiteral("hex");
    if (const auto style = Mock::codeStyleFromName(codeStyle))
        options.codeStyle = *style;
    else
        return usageError(QStringLiteral("--code-style: '%1' is not hex or base64").arg(codeStyle));
    options.configFile = p.value(QStringLiteral("config"));
    // A positive whole number for `name`, into `out`; false when it is something else.
    auto positive = [&](const QString& name, int* out) {
        if (!p.isSet(name))
            return true;
        bool ok = false;
        const int value = p.value(name).toInt(&ok);
        if (ok && value >= 1)
            *out = value;
        return ok && value >= 1;
    };
    for (const auto& [name, out] : {std::pair {QStringLiteral("max-pending"), &options.maxPendingPerClient},
             std::pair {QStringLiteral("rate-limit"), &options.rateLimitPerSecond}}) {
        if (!positive(name, out))
            return usageError(QStringLiteral("--%1: '%2' is not a positive number").arg(name, p.value(name)));
    }
    options.publicNames = publicNames;
    if (p.hasSecret(QStringLiteral("subscription-key"))) {
        auto key = p.secret(QStringLiteral("subscription-key"));
        if (!key)
            return usageError(key.error().detail);
        if (mode != Mock::Mode::Sandbox)
            return usageError(QStringLiteral("--subscription-key: only with --mode sandbox (the Cyberport sandbox's "
                                             "gateway asks for it; the strict simulator signs instead)"));
        if (key->isEmpty())
            return usageError(QStringLiteral("--subscription-key: empty"));
        options.subscriptionKey = key.value();
    }
    options.ioThreads = QThread::idealThreadCount(); // one event loop per core for the connections

    Workbench::Workbench workbench(workbenchOptions);
    const auto started = workbench.prepareSimulator(mode);
    if (!started) {
        if (started.error().code == QLatin1String("bad-config"))
            return usageError(QStringLiteral("--config: ") + started.error().detail);
        return failure(started.error());
    }
    Mock::Simulator& simulator = *started.value();
    const Mock::RegisteredClient& dev = simulator.clients().devClient();
    const QJsonObject ready {{QStringLiteral("baseUrl"), simulator.baseUrl()},
        {QStringLiteral("mode"), Mock::modeName(mode)}, {QStringLiteral("codeStyle"), codeStyle},
        {QStringLiteral("stateDir"), workbench.stateDir()},
        {QStringLiteral("client"),
            QJsonObject {{QStringLiteral("clientID"), dev.clientId},
                {QStringLiteral("clientSecret"), QString::fromLatin1(dev.clientSecret)},
                {QStringLiteral("kekCertificate"), dev.kekCertificatePath},
                {QStringLiteral("kekPrivateKey"), dev.kekPrivateKeyPath},
                {QStringLiteral("redirectURIs"), QJsonArray::fromStringList(dev.redirectUris)}}}};
    printJson(ready);
    quitOnTerminationSignals();
    const int rc = QCoreApplication::exec();
    simulator.stop();
    return rc;
}

} // namespace Cli
