#include "FlowRunner.h"
#include "protocol/ReturnCodes.h"

#include "callback/CallbackListener.h"
#include "crypto/Encoding.h"
#include "net/TlsPolicy.h"
#include "mock/Simulator.h"
#include "protocol/Links.h"
#include "util/RequestStamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace Flows {

QString stepStateName(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QStringLiteral("pending");
    case StepState::Running:
        return QStringLiteral("running");
    case StepState::WaitingForPhone:
        return QStringLiteral("waiting-for-phone");
    case StepState::WaitingForCallback:
        return QStringLiteral("waiting-for-callback");
    case StepState::Passed:
        return QStringLiteral("passed");
    case StepState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

FlowRunner::FlowRunner(
    Session::ConsoleSession* session, Callback::CallbackListener* listener, Mock::Simulator* simulator, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_listener(listener)
    , m_simulator(simulator)
    , m_browser(new QNetworkAccessManager(this))
    , m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_running)
            fail(m_current, QStringLiteral("timeout"), QStringLiteral("the flow did not finish within its timeout"));
    });
    connect(m_listener, &Callback::CallbackListener::callbackReceived, this, &FlowRunner::onCallback);
    connect(m_session, &Session::ConsoleSession::exchangeFinished, this, [this](const Session::Exchange& e) {
        if (!m_running || e.id != m_waitingExchange)
            return;
        m_waitingExchange.clear();
        const int index = m_current;
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(e.apiId);
        message(Lane::IamSmart, Lane::Service, e.returnCode().isEmpty() ? e.errorCode : e.returnCode());
        if (e.gateway) {
            gatewayAnswered(index, e);
            return;
        }
        if (e.returnCode() != Protocol::Code::Success) {
            fail(index, e.returnCode().isEmpty() ? e.errorCode : e.returnCode(),
                e.envelope ? e.envelope->message : e.errorDetail);
            return;
        }
        QJsonObject outputs = e.content.toObject();
        m_outputs.insert(m_flow.steps.at(index).id, outputs);
        m_result.steps[index].outputs = outputs;
        const QString ticket = outputs.value(QLatin1String("ticketID")).toString();
        if (!ticket.isEmpty() && api && !api->appContext.isEmpty()) {
            m_result.steps[index].qrText
                = Protocol::Links::appLink(api, ticket, QJsonDocument::fromJson(e.request.plaintext).object());
            m_result.qrTexts << m_result.steps[index].qrText;
        }
        const StepSpec& step = m_flow.steps.at(index);
        if (step.phone && api && !api->callbackId.isEmpty()) {
            const QJsonObject sent = QJsonDocument::fromJson(e.request.plaintext).object();
            const QString businessId = sent.value(QLatin1String("businessID")).toString();
            const QString state = sent.value(QLatin1String("state")).toString();
            awaitCallback(index, api->callbackId, businessId, state);
            if (takeEarlyCallback())
                return;
            phoneDecides(index, api->phoneKind, businessId, state);
            return;
        }
        pass(index, outputs);
    });
}

FlowRunner::~FlowRunner() = default;

bool FlowRunner::signsPdf(const FlowSpec& flow)
{
    for (const StepSpec& step : flow.steps) {
        for (const QJsonValue& v : step.set) {
            if (v.toString().contains(QLatin1String("${pdf.docDigest}")))
                return true;
        }
    }
    return false;
}

void FlowRunner::start(const FlowSpec& flow)
{
    m_flow = flow;
    m_result = FlowResult {};
    m_earlyCallbacks.clear();
    m_result.flowId = flow.id;
    m_result.startedAt = m_session->clock().nowMs();
    for (const StepSpec& s : flow.steps)
        m_result.steps.append(StepResult {s.id, s.apiId});
    m_outputs.clear();
    // Each run is a new request for the listener: its callbacks never count as a duplicate of an earlier run's.
    m_runId = Util::randomHex32().left(12);
    m_fresh.insert(QStringLiteral("businessID"), Util::randomHex32());
    m_fresh.insert(QStringLiteral("state"), Util::randomHex32().left(16));
    m_fresh.remove(QStringLiteral("pdf.docDigest"));
    m_preparedPdf.clear();
    std::optional<Util::Error> pdfError;
    if (signsPdf(flow)) {
        auto prepared
            = Pdf::PdfSigning::prepare(m_pdfInput.isEmpty() ? Pdf::PdfSigning::samplePdf() : m_pdfInput, m_pdfFields);
        if (prepared) {
            m_preparedPdf = prepared->pdf;
            m_fresh.insert(QStringLiteral("pdf.docDigest"), prepared->docDigest());
        } else {
            pdfError = prepared.error();
        }
    }
    m_running = true;
    if (pdfError) {
        QTimer::singleShot(0, this, [this, e = *pdfError] { fail(0, e.code, e.detail); });
        return;
    }
    m_timeout->start(int(std::min<qint64>(m_timeoutOverride > 0 ? m_timeoutOverride : flow.timeoutMs, INT_MAX)));
    QTimer::singleShot(0, this, [this] { runStep(0); });
}

QString FlowRunner::expectationId(const QString& stepId) const
{
    return QStringLiteral("%1/%2/%3").arg(m_flow.id, m_runId, stepId);
}

QByteArray FlowRunner::pdfSignature() const
{
    for (auto step = m_result.steps.crbegin(); step != m_result.steps.crend(); ++step) {
        const QString signature = step->outputs.value(QLatin1String("pdfSignature")).toString();
        if (!signature.isEmpty())
            return QByteArray::fromBase64(signature.toLatin1());
    }
    return {};
}

void FlowRunner::cancel()
{
    if (m_running)
        fail(m_current, QStringLiteral("cancelled"), QStringLiteral("the flow was cancelled"));
}

QJsonValue FlowRunner::substitute(const QJsonValue& value) const
{
    if (!value.isString())
        return value;
    static const QRegularExpression token(QStringLiteral("\\$\\{([A-Za-z0-9_.-]+)\\}"));
    const QString text = value.toString();
    const auto whole = token.match(text);
    auto lookup = [this](const QString& name) -> QJsonValue {
        if (m_fresh.contains(name))
            return m_fresh.value(name);
        if (name == QLatin1String("lang"))
            return Protocol::iamSmartLang(m_language);
        if (name == QLatin1String("persona.hkicHash")) {
            if (!m_simulator)
                return QJsonValue();
            const QString id = m_script.persona.isEmpty() ? m_simulator->defaultPersonaId() : m_script.persona;
            for (const Mock::Persona& p : m_simulator->personas()) {
                if (p.id == id)
                    return QString::fromLatin1(Crypto::Encoding::sha256(p.hkicIdentification.toUtf8()).toBase64());
            }
            return QJsonValue();
        }
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        return dot < 0 ? QJsonValue() : m_outputs.value(name.left(dot)).value(name.mid(dot + 1));
    };
    // A value that is one placeholder keeps the output's JSON type.
    if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedLength() == text.size())
        return lookup(whole.captured(1));
    QString out = text;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.replace(m.captured(0), lookup(m.captured(1)).toVariant().toString());
    }
    return out;
}

QJsonObject FlowRunner::buildBody(const Protocol::ApiSpec& api, const StepSpec& step) const
{
    QJsonObject body = api.mockValues();
    const QString callbackId
        = api.kind == Protocol::ApiKind::Browser ? QStringLiteral("callback.auth") : api.callbackId;
    if (body.contains(api.redirectField()) && !callbackId.isEmpty())
        body.insert(api.redirectField(), callbackUrl(callbackId));
    if (body.contains(QLatin1String("clientID")))
        body.insert(QStringLiteral("clientID"), m_session->credentials().clientId);
    for (auto it = step.set.begin(); it != step.set.end(); ++it) {
        const QJsonValue v = substitute(it.value());
        if (v.isUndefined() || v.isNull())
            body.remove(it.key());
        else
            body.insert(it.key(), v);
    }
    return body;
}

void FlowRunner::runStep(int index)
{
    if (!m_running)
        return;
    if (index >= m_flow.steps.size()) {
        m_result.passed = true;
        finish();
        return;
    }
    m_current = index;
    m_result.steps[index].startedAt = m_session->clock().nowMs();
    setState(index, StepState::Running);
    const StepSpec& step = m_flow.steps.at(index);
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(step.apiId);
    const QJsonObject body = buildBody(*api, step);
    if (api->kind == Protocol::ApiKind::Browser)
        runBrowserStep(index, *api, body);
    else
        runRequestStep(index, *api, body);
}

void FlowRunner::runRequestStep(int index, const Protocol::ApiSpec& api, const QJsonObject& body)
{
    auto prepared = m_session->prepare(api, body);
    if (!prepared) {
        fail(index, prepared.error().code, prepared.error().detail);
        return;
    }
    if (!api.callbackId.isEmpty() && !api.isGateway()) {
        m_listener->expect({expectationId(m_flow.steps.at(index).id), api.id, api.callbackId,
            body.value(QLatin1String("businessID")).toString(), body.value(QLatin1String("state")).toString()});
    }
    message(Lane::Service, Lane::IamSmart, api.path);
    m_waitingExchange = m_session->send(api.id, prepared.value());
    m_result.exchangeIds << m_waitingExchange;
}

void FlowRunner::gatewayAnswered(int index, const Session::Exchange& e)
{
    const StepSpec& step = m_flow.steps.at(index);
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(e.apiId);
    const QJsonObject answer = e.content.toObject();
    if (e.httpStatus == 202) {
        // Result pending: poll again shortly (the flow's timeout bounds the wait).
        setState(index, StepState::WaitingForPhone);
        QTimer::singleShot(250, this, [this, index] {
            if (m_running && m_current == index)
                runStep(index);
        });
        return;
    }
    if (!e.succeeded()) {
        const QString code = answer.value(QLatin1String("error")).toString();
        fail(index,
            code.startsWith(QLatin1Char('D')) ? code : (e.returnCode().isEmpty() ? e.errorCode : e.returnCode()),
            answer.value(QLatin1String("message")).toString(e.errorDetail));
        return;
    }
    QJsonObject outputs = answer;
    if (!e.joseError.isEmpty()) {
        fail(index, QStringLiteral("jwe"), e.joseError);
        return;
    }
    if (!e.joseClaims.isEmpty()) {
        message(Lane::Service, Lane::Service, QStringLiteral("JWE decrypted"));
        const QJsonObject result = e.joseClaims.value(QLatin1String("result")).toObject();
        for (auto it = result.begin(); it != result.end(); ++it)
            outputs.insert(it.key(), it.value());
        outputs.insert(QStringLiteral("claims"), e.joseClaims);
    }
    m_outputs.insert(step.id, outputs);
    m_result.steps[index].outputs = outputs;
    const QString url = answer.value(QLatin1String("url")).toString();
    if (!url.isEmpty()) {
        m_result.steps[index].qrText = url;
        m_result.qrTexts << url;
    }
    if (!step.phone || !api || api->phoneKind.isEmpty()) {
        pass(index, outputs);
        return;
    }
    const QString businessId = answer.value(QLatin1String("businessID")).toString();
    const QString state = answer.value(QLatin1String("state")).toString();
    if (url.isEmpty()) {
        // A chained request reaches the logged-in user's phone directly; its result is polled.
        phoneDecides(index, api->phoneKind, businessId, state);
        if (m_running && m_current == index && m_result.steps.at(index).state != StepState::Failed)
            pass(index, outputs);
        return;
    }
    // The login's redirect carries no businessID: it is matched by its state.
    const QString matchBusinessId = api->phoneKind == QLatin1String("auth") ? QString() : businessId;
    m_listener->expect(
        {expectationId(step.id), api->id, api->callbackId, matchBusinessId, state});
    awaitCallback(index, api->callbackId, matchBusinessId, state);
    message(Lane::Browser, Lane::IamSmart, QStringLiteral("GET QR page"));
    openQrPageThenDecide(index, url, api->phoneKind, businessId, state);
}

QString FlowRunner::callbackUrl(const QString& callbackId) const
{
    QString base = m_session->environment().callbackBaseUrl;
    if (base.isEmpty() || m_session->environment().isLocal())
        return m_listener->urlFor(callbackId);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base + m_listener->callbackPaths().value(callbackId);
}

void FlowRunner::openQrPageThenDecide(
    int index, const QString& url, const QString& kind, const QString& businessId, const QString& state)
{
    if (m_launchBrowser && !m_simulator) {
        // The page finishes by itself once the phone decides; its redirect (or the timeout) ends the wait.
        m_launchBrowser(url);
        message(Lane::IamSmart, Lane::Browser, QStringLiteral("QR page"));
        phoneDecides(index, kind, businessId, state);
        return;
    }
    browserGet(url, [this, index, kind, businessId, state](int status, const QByteArray&) {
        if (!m_running || m_current != index)
            return;
        if (status != 200 && status != 302 && status != 303) {
            fail(index, QStringLiteral("HTTP%1").arg(status),
                QStringLiteral("the QR page answered HTTP %1").arg(status));
            return;
        }
        message(Lane::IamSmart, Lane::Browser, QStringLiteral("QR page"));
        phoneDecides(index, kind, businessId, state);
    });
}

void FlowRunner::runBrowserStep(int index, const Protocol::ApiSpec&, const QJsonObject& body)
{
    const QString url = Protocol::Links::getQrUrl(m_session->environment().baseUrl, body);
    const QString state = body.value(QLatin1String("state")).toString();
    m_result.steps[index].qrText = url;
    m_result.qrTexts << url;
    const StepSpec& step = m_flow.steps.at(index);
    // The login's answer comes to the browser; an anonymous consent also ends in the initiate's callback.
    const Protocol::ApiSpec* awaited
        = step.awaits.isEmpty() ? nullptr : Protocol::ApiCatalog::builtin().api(step.awaits);
    const QString businessId = awaited ? m_fresh.value(QStringLiteral("businessID")) : QString();
    m_listener->expect({expectationId(step.id), QStringLiteral("auth.getQR"),
        QStringLiteral("callback.auth"), QString(), state});
    if (awaited)
        awaitCallback(index, awaited->callbackId, businessId, state);
    else
        awaitCallback(index, QStringLiteral("callback.auth"), QString(), state);
    message(Lane::Browser, Lane::IamSmart, QStringLiteral("GET /auth/getQR"));
    openQrPageThenDecide(index, url, awaited ? awaited->phoneKind : QStringLiteral("auth"), businessId, state);
}

void FlowRunner::phoneDecides(int index, const QString& kind, const QString& businessId, const QString& state)
{
    setState(index, StepState::WaitingForPhone);
    message(Lane::IamSmart, Lane::Phone, kind);
    if (!m_simulator || m_script.decision == QLatin1String("manual"))
        return; // a person decides (on a real or the virtual phone); the callback (or the timeout) ends the wait
    const Mock::PendingRequest* found = nullptr;
    const QList<Mock::PendingRequest> pending = m_simulator->pending();
    for (const Mock::PendingRequest& p : pending) {
        if (p.kind == kind && (businessId.isEmpty() ? p.state == state : p.businessId == businessId))
            found = &p;
    }
    if (!found) {
        fail(index, QStringLiteral("no-pending"), QStringLiteral("the simulator has no pending %1 request").arg(kind));
        return;
    }
    const QString id = found->id;
    const QString decision = m_script.decision;
    Util::Result<QJsonObject> answer = Util::Error {};
    if (decision == QLatin1String("approve"))
        answer = m_simulator->approve(id, m_script.persona);
    else if (decision == QLatin1String("reject"))
        answer = m_simulator->reject(id);
    else if (decision == QLatin1String("cancel"))
        answer = m_simulator->cancel(id);
    else if (decision == QLatin1String("fail"))
        answer = m_simulator->fail(id);
    else
        answer = m_simulator->expire(id);
    if (!answer) {
        fail(index, answer.error().code, answer.error().detail);
        return;
    }
    message(Lane::Phone, Lane::IamSmart, decision);
    setState(index, StepState::WaitingForCallback);
    const QString redirect = answer->value(QLatin1String("redirect")).toString();
    if (!redirect.isEmpty()) {
        // The user's browser is sent on to the online service.
        message(Lane::IamSmart, Lane::Browser, QStringLiteral("302 redirect"));
        message(Lane::Browser, Lane::Service, QStringLiteral("GET callback"));
        browserGet(redirect, [](int, const QByteArray&) {});
    }
}

void FlowRunner::awaitCallback(int, const QString& callbackId, const QString& businessId, const QString& state)
{
    m_waitingCallbackId = callbackId;
    m_waitingBusinessId = businessId;
    m_waitingState = state;
}

bool FlowRunner::isAwaited(const Callback::CallbackRecord& r) const
{
    return !m_waitingCallbackId.isEmpty() && r.callbackId == m_waitingCallbackId
        && (m_waitingBusinessId.isEmpty() ? r.state == m_waitingState : r.businessId == m_waitingBusinessId);
}

bool FlowRunner::takeEarlyCallback()
{
    for (qsizetype i = 0; i < m_earlyCallbacks.size(); ++i) {
        const Callback::CallbackRecord& r = m_earlyCallbacks.at(i);
        if (isAwaited(r)) {
            onCallback(m_earlyCallbacks.takeAt(i));
            return true;
        }
    }
    return false;
}

void FlowRunner::onCallback(const Callback::CallbackRecord& record)
{
    if (!m_running)
        return;
    if (!isAwaited(record)) {
        if (m_waitingCallbackId.isEmpty()) {
            m_earlyCallbacks.append(record);
            if (m_earlyCallbacks.size() > 8)
                m_earlyCallbacks.removeFirst();
        }
        return;
    }
    m_result.callbacks.append(record);
    if (record.method == "POST")
        message(Lane::IamSmart, Lane::Service, QStringLiteral("POST ") + QString::fromUtf8(record.path));
    const int index = m_current;
    m_waitingCallbackId.clear();
    const QString code = record.envelopeCode.isEmpty() ? Protocol::Code::Success : record.envelopeCode;
    if (!record.errorCode.isEmpty()) {
        fail(index, record.errorCode, record.errorDetail);
        return;
    }
    if (code != Protocol::Code::Success) {
        fail(index, code, QStringLiteral("the callback carried %1").arg(code));
        return;
    }
    if (record.matchStatus != Callback::Match::Matched) {
        fail(index, record.matchStatus, QStringLiteral("the callback did not match the request"));
        return;
    }
    QJsonObject outputs = m_outputs.value(m_flow.steps.at(index).id);
    const QJsonObject content = record.content.toObject();
    for (auto it = content.begin(); it != content.end(); ++it)
        outputs.insert(it.key(), it.value());
    pass(index, outputs);
}

void FlowRunner::browserGet(const QString& url, std::function<void(int, const QByteArray&)> done)
{
    QNetworkRequest request {QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = m_browser->get(request);
    Net::TlsPolicy::apply(reply); // certificate errors pass only for loopback hosts
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->rawHeader("Location"));
        reply->deleteLater();
    });
}

void FlowRunner::pass(int index, const QJsonObject& outputs)
{
    if (!m_running || index != m_current)
        return;
    m_outputs.insert(m_flow.steps.at(index).id, outputs);
    StepResult& r = m_result.steps[index];
    r.outputs = outputs;
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(r.apiId);
    r.code = api && api->isGateway() ? Protocol::Code::GatewayOk : Protocol::Code::Success;
    r.finishedAt = m_session->clock().nowMs();
    setState(index, StepState::Passed);
    if (m_stepping && index + 1 < m_flow.steps.size()) {
        m_waitingForNext = index + 1;
        emit pausedBefore(index + 1);
        return;
    }
    QTimer::singleShot(0, this, [this, index] { runStep(index + 1); });
}

void FlowRunner::next()
{
    if (m_waitingForNext < 0 || !m_running)
        return;
    const int index = m_waitingForNext;
    m_waitingForNext = -1;
    runStep(index);
}

void FlowRunner::fail(int index, const QString& code, const QString& detail)
{
    if (!m_running)
        return;
    if (index >= 0 && index < m_result.steps.size()) {
        StepResult& r = m_result.steps[index];
        r.code = code;
        r.detail = detail;
        r.finishedAt = m_session->clock().nowMs();
        setState(index, StepState::Failed);
    }
    m_result.failureCode = code;
    m_result.failureDetail = detail;
    m_result.passed = false;
    finish();
}

void FlowRunner::setState(int index, StepState state)
{
    m_result.steps[index].state = state;
    emit stepChanged(index, m_result.steps.at(index));
}

void FlowRunner::message(const QString& from, const QString& to, const QString& label)
{
    const SequenceMessage m {from, to, label, m_session->clock().nowMs()};
    m_result.messages.append(m);
    emit messageAdded(m);
}

void FlowRunner::finish()
{
    m_running = false;
    m_waitingForNext = -1;
    m_timeout->stop();
    m_waitingCallbackId.clear();
    m_waitingExchange.clear();
    m_result.finished = true;
    m_result.finishedAt = m_session->clock().nowMs();
    emit finished(m_result);
}

} // namespace Flows
