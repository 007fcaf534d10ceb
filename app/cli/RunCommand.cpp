#include "CliCommands.h"
#include "CliSupport.h"
#include "RunBrowser.h"
#include "flows/FlowRunner.h"
#include "flows/Report.h"
#include "pdf/PdfSigning.h"
#include "session/ConsoleSession.h"
#include "session/History.h"
#include "storage/SecretStore.h"
#include "workbench/Workbench.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include <optional>

namespace Cli {

namespace {

Util::Status writeFile(const QString& path, const QByteArray& data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    return Util::success();
}

} // namespace

int runCommand(const QStringList& args)
{
    Parser p(QStringLiteral("run"),
        QStringLiteral("Run a flow headless and report whether it passed.\n"
                       "  iamsmart run --list\n  iamsmart run FLOW [options]\n"
                       "Secrets for --env come from IAMSMART_CLIENT_SECRET, IAMSMART_SUBSCRIPTION_KEY and "
                       "IAMSMART_KEK_PASSWORD."));
    p.positional(QStringLiteral("flow"), QStringLiteral("flow id (see --list)"));
    p.flag(QStringLiteral("list"), QStringLiteral("print the flow ids, one per line"));
    p.option(QStringLiteral("env"), QStringLiteral("environment file (JSON, no secrets)"), QStringLiteral("FILE"));
    p.flag(QStringLiteral("mock"), QStringLiteral("run against an in-process simulator and listener (the default)"));
    p.option(QStringLiteral("phone"), QStringLiteral("approve[:PERSONA], reject, cancel, expire or fail (simulator only)"),
        QStringLiteral("DECISION"));
    p.option(QStringLiteral("code-style"),
        QStringLiteral("authorisation codes the simulator issues: hex (default) or base64 (with + / =)"),
        QStringLiteral("STYLE"));
    p.option(QStringLiteral("state-dir"),
        QStringLiteral("the simulator's dev client, KEK and mock CA (default: the console's)"), QStringLiteral("DIR"));
    p.option(QStringLiteral("junit"), QStringLiteral("write JUnit XML"), QStringLiteral("FILE"));
    p.option(QStringLiteral("report"), QStringLiteral("write the HTML report"), QStringLiteral("FILE"));
    p.option(QStringLiteral("har"), QStringLiteral("write HAR 1.2 of the run"), QStringLiteral("FILE"));
    p.option(QStringLiteral("lang"), QStringLiteral("en, zh-HK or zh-CN (report and the lang sent)"),
        QStringLiteral("LANG"));
    p.option(QStringLiteral("timeout"),
        QStringLiteral("seconds to wait for the flow (default: the flow's, 18 minutes)"), QStringLiteral("S"));
    p.option(QStringLiteral("pdf"), QStringLiteral("PDF signing flows: the PDF to sign (default: the bundled sample)"),
        QStringLiteral("FILE"));
    p.option(QStringLiteral("signed-pdf"), QStringLiteral("PDF signing flows: write the signed PDF here"),
        QStringLiteral("FILE"));
    addRunBrowserOptions(p);
    if (int rc = p.parse(args); rc >= 0)
        return rc;

    auto flows = Flows::loadFlows();
    if (!flows)
        return failure(flows.error());
    if (p.isSet(QStringLiteral("list"))) {
        for (const Flows::FlowSpec& f : flows.value())
            printLine(f.id.toUtf8());
        return Ok;
    }
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 1)
        return usageError(QStringLiteral("run: name one flow (see 'iamsmart run --list')"));
    const Flows::FlowSpec* flow = nullptr;
    for (const Flows::FlowSpec& f : flows.value()) {
        if (f.id == pos.first())
            flow = &f;
    }
    if (!flow)
        return usageError(QStringLiteral("run: no flow '%1' (see 'iamsmart run --list')").arg(pos.first()));
    if (p.isSet(QStringLiteral("env")) && p.isSet(QStringLiteral("mock")))
        return usageError(QStringLiteral("run: --env and --mock exclude each other"));
    QByteArray pdf;
    if (p.isSet(QStringLiteral("pdf")) || p.isSet(QStringLiteral("signed-pdf"))) {
        if (!Flows::FlowRunner::signsPdf(*flow))
            return usageError(QStringLiteral("--pdf, --signed-pdf: flow '%1' does not sign a PDF").arg(flow->id));
    }
    if (p.isSet(QStringLiteral("pdf"))) {
        QFile file(p.value(QStringLiteral("pdf")));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(QStringLiteral("--pdf: %1: %2").arg(file.fileName(), file.errorString()));
        pdf = file.readAll();
        if (!Pdf::PdfSigning::looksLikePdf(pdf))
            return usageError(QStringLiteral("--pdf: %1 is not a PDF").arg(file.fileName()));
    }

    const auto codeStyle = Mock::codeStyleFromName(
        p.isSet(QStringLiteral("code-style")) ? p.value(QStringLiteral("code-style")) : QStringLiteral("hex"));
    if (!codeStyle)
        return usageError(
            QStringLiteral("--code-style: '%1' is not hex or base64").arg(p.value(QStringLiteral("code-style"))));
    for (const QString& simulatorOption : {QStringLiteral("code-style"), QStringLiteral("state-dir")}) {
        if (p.isSet(QStringLiteral("env")) && p.isSet(simulatorOption))
            return usageError(
                QStringLiteral("run: --%1 configures the simulator; it does not go with --env").arg(simulatorOption));
    }

    Flows::PhoneScript script;
    if (p.isSet(QStringLiteral("phone"))) {
        const QString phone = p.value(QStringLiteral("phone"));
        script.decision = phone.section(QLatin1Char(':'), 0, 0);
        script.persona = phone.section(QLatin1Char(':'), 1);
        if (!QStringList {
                QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("cancel"), QStringLiteral("expire"),
                QStringLiteral("fail")}
                 .contains(script.decision)
            || (!script.persona.isEmpty() && script.decision != QLatin1String("approve")))
            return usageError(
                QStringLiteral("--phone: '%1' is not approve[:PERSONA], reject, cancel, expire or fail").arg(phone));
    }
    Protocol::Language language = Protocol::Language::English;
    if (p.isSet(QStringLiteral("lang"))) {
        const QString lang = p.value(QStringLiteral("lang"));
        if (lang != QLatin1String("en") && lang != QLatin1String("zh-HK") && lang != QLatin1String("zh-CN"))
            return usageError(QStringLiteral("--lang: '%1' is not en, zh-HK or zh-CN").arg(lang));
        language = Protocol::languageFromCode(lang);
    }
    qint64 timeoutMs = 0;
    if (p.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        timeoutMs = qint64(p.value(QStringLiteral("timeout")).toDouble(&ok) * 1000);
        if (!ok || timeoutMs <= 0)
            return usageError(QStringLiteral("--timeout: a positive number of seconds"));
    }

    RunBrowserOptions browser;
    if (int rc = readRunBrowserOptions(p, p.isSet(QStringLiteral("env")), &browser); rc >= 0)
        return rc;

    // The workbench assembles what the console uses too: session, listener, the simulator on the shared state
    // directory (the console's dev client), or the --env environment with its secrets from the environment.
    Workbench::WorkbenchOptions options;
    options.simulator.codeStyle = *codeStyle;
    options.stateDir = p.value(QStringLiteral("state-dir"));
    Workbench::Workbench workbench(options);
    Callback::ListenerOptions listenerOptions;
    listenerOptions.address = browser.listenAddress;
    listenerOptions.port = browser.listenPort;
    if (auto started = workbench.startListener(listenerOptions); !started)
        return failure(started.error());
    QString environmentId = Session::Environment::builtin(Session::Environment::Kind::LocalStrict).id;
    if (p.isSet(QStringLiteral("env"))) {
        QFile file(p.value(QStringLiteral("env")));
        if (!file.open(QIODevice::ReadOnly))
            return usageError(QStringLiteral("--env: %1").arg(file.errorString()));
        auto env = Session::Environment::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (!env)
            return usageError(QStringLiteral("--env: ") + env.error().detail);
        Session::Environment environment = env.value();
        if (!browser.callbackBase.isEmpty())
            environment.callbackBaseUrl = browser.callbackBase;
        workbench.addEnvironment(environment);
        for (const auto& [name, variable] : {std::pair {Session::Environment::ClientSecret, "IAMSMART_CLIENT_SECRET"},
                 {Session::Environment::SubscriptionKey, "IAMSMART_SUBSCRIPTION_KEY"},
                 {Session::Environment::KekPassword, "IAMSMART_KEK_PASSWORD"}})
            workbench.secretStore()->write(env->secretKey(name), qgetenv(variable), &workbench, [](Util::Status) {});
        environmentId = env->id;
    }
    std::optional<Util::Status> activated;
    QEventLoop activation;
    workbench.activate(environmentId, &activation, [&](Util::Status result) {
        activated = std::move(result);
        activation.quit();
    });
    activation.exec();
    if (!*activated) {
        if (activated->error().code == QLatin1String("bad-kek"))
            return usageError(QStringLiteral("--env: kekPrivateKey: ") + activated->error().detail);
        return failure(activated->error());
    }
    Session::ConsoleSession& session = *workbench.session();
    const Session::Environment& environment = session.environment();
    Mock::Simulator* simulator = workbench.activeSimulator();
    if (simulator && !script.persona.isEmpty()) {
        const QList<Mock::Persona>& personas = simulator->personas();
        if (std::none_of(personas.cbegin(), personas.cend(),
                [&](const Mock::Persona& persona) { return persona.id == script.persona; }))
            return usageError(QStringLiteral("--phone: no persona '%1'").arg(script.persona));
    }

    Flows::FlowRunner runner(&session, workbench.listener(), simulator);
    runner.setPhoneScript(script);
    runner.setLanguage(language);
    runner.setTimeout(timeoutMs);
    runner.setPdf(pdf);
    if (!simulator)
        runner.setBrowserLauncher(browserLauncher(browser.browser));
    QObject::connect(&runner, &Flows::FlowRunner::stepChanged, &runner, [](int index, const Flows::StepResult& s) {
        if (s.state == Flows::StepState::Passed || s.state == Flows::StepState::Failed)
            printLine(QStringLiteral("%1 %2. %3 (%4) %5 %6 ms%7")
                          .arg(s.state == Flows::StepState::Passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
                          .arg(index + 1)
                          .arg(s.stepId, s.apiId, s.code)
                          .arg(s.finishedAt - s.startedAt)
                          .arg(s.detail.isEmpty() ? QString() : QStringLiteral(" — ") + s.detail)
                          .toUtf8());
    });
    QObject::connect(&runner, &Flows::FlowRunner::finished, &runner, [] { QCoreApplication::quit(); });
    runner.start(*flow);
    QCoreApplication::exec();

    const Flows::FlowResult& result = runner.result();
    QList<Session::Exchange> exchanges;
    for (const QString& id : result.exchangeIds) {
        if (const Session::Exchange* e = session.exchange(id))
            exchanges.append(*e);
    }
    int rc = result.passed ? Ok : Failed;
    if (result.passed && p.isSet(QStringLiteral("signed-pdf"))) {
        // The service's last step: embed the returned pdfSignature in the prepared PDF.
        auto embedded = Pdf::PdfSigning::embed(runner.preparedPdf(), runner.pdfSignature());
        if (!embedded) {
            rc = failure(embedded.error());
        } else if (auto s = writeFile(p.value(QStringLiteral("signed-pdf")), embedded->pdf); !s) {
            rc = failure(s.error());
        } else {
            printLine(QStringLiteral("signed PDF %1: signer %2 (issued by %3), signature %4")
                          .arg(p.value(QStringLiteral("signed-pdf")), embedded->signer, embedded->issuer,
                              embedded->signatureValid ? QStringLiteral("valid") : QStringLiteral("INVALID"))
                          .toUtf8());
            if (!embedded->signatureValid)
                rc = Failed;
        }
    }
    if (p.isSet(QStringLiteral("junit")))
        if (auto s = writeFile(p.value(QStringLiteral("junit")), Flows::Report::junit(*flow, result)); !s)
            rc = failure(s.error());
    if (p.isSet(QStringLiteral("report")))
        if (auto s = writeFile(p.value(QStringLiteral("report")),
                Flows::Report::html(
                    *flow, result, exchanges, environment, language, QCoreApplication::applicationVersion()));
            !s)
            rc = failure(s.error());
    if (p.isSet(QStringLiteral("har")))
        if (auto s
            = Session::Har::write(exchanges, p.value(QStringLiteral("har")), QCoreApplication::applicationVersion());
            !s)
            rc = failure(s.error());
    printLine(QStringLiteral("%1 %2 in %3 ms%4")
                  .arg(flow->id, result.passed ? QStringLiteral("passed") : QStringLiteral("failed"))
                  .arg(result.finishedAt - result.startedAt)
                  .arg(result.passed ? QString() : QStringLiteral(" (") + result.failureCode + QLatin1Char(')'))
                  .toUtf8());
    return rc;
}

} // namespace Cli
