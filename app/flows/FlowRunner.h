#pragma once

#include "Flow.h"
#include "callback/CallbackRecord.h"
#include "pdf/PdfSigning.h"
#include "session/ConsoleSession.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QTimer;

namespace Callback {
class CallbackListener;
}
namespace Mock {
class Simulator;
}

namespace Flows {

enum class StepState
{
    Pending,
    Running,
    WaitingForPhone,
    WaitingForCallback,
    Passed,
    Failed
};
QString stepStateName(StepState state);

/// The four lanes of the sequence diagram.
namespace Lane {
inline const QString Browser = QStringLiteral("browser");
inline const QString Service = QStringLiteral("service");
inline const QString IamSmart = QStringLiteral("iamsmart");
inline const QString Phone = QStringLiteral("phone");
} // namespace Lane

struct SequenceMessage
{
    QString from;
    QString to;
    QString label;
    qint64 at = 0;
};

struct StepResult
{
    QString stepId;
    QString apiId;
    StepState state = StepState::Pending;
    QString code; ///< the iAM Smart code that decided the step (Protocol::Code::Success when passed)
    QString detail; ///< why it failed, in English
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    QJsonObject outputs;
    QString qrText;
};

struct FlowResult
{
    QString flowId;
    bool finished = false;
    bool passed = false;
    QString failureCode;
    QString failureDetail;
    qint64 startedAt = 0;
    qint64 finishedAt = 0;
    QList<StepResult> steps;
    QList<SequenceMessage> messages;
    QStringList exchangeIds;
    QList<Callback::CallbackRecord> callbacks;
    QStringList qrTexts;
};

/// How the virtual phone answers when the runner drives a simulator (ignored for real environments,
/// where a person decides on a real phone within the timeout).
struct PhoneScript
{
    QString decision = QStringLiteral("approve"); ///< approve, reject, cancel, expire; manual: a person decides
    QString persona; ///< empty: the first iAM Smart+ persona
};

/// Runs a flow against the session's environment, step by step: builds each request from the catalog mock
/// values and the outputs of earlier steps, sends it, plays the browser, lets the phone decide (scripted in
/// simulator environments), waits for the callback, and records every exchange, callback, QR and timing.
class FlowRunner : public QObject
{
    Q_OBJECT

public:
    FlowRunner(Session::ConsoleSession* session, Callback::CallbackListener* listener,
        Mock::Simulator* simulator = nullptr, QObject* parent = nullptr);
    ~FlowRunner() override;

    void setPhoneScript(const PhoneScript& script) { m_script = script; }
    void setLanguage(Protocol::Language language) { m_language = language; }
    Protocol::Language language() const { return m_language; }
    /// Overrides the flow's own timeout (milliseconds).
    void setTimeout(qint64 ms) { m_timeoutOverride = ms; }
    void start(const FlowSpec& flow);
    /// The PDF a flow's `${pdf.docDigest}` prepares (the bundled sample when empty) and how it is signed.
    void setPdf(const QByteArray& pdf, const Pdf::SignatureFields& fields = Pdf::PdfSigning::defaultFields())
    {
        m_pdfInput = pdf;
        m_pdfFields = fields;
    }
    /// A flow signs a PDF when one of its steps sends `${pdf.docDigest}`.
    static bool signsPdf(const FlowSpec& flow);
    /// The PDF prepared for this run (empty unless the flow signs a PDF).
    const QByteArray& preparedPdf() const { return m_preparedPdf; }
    /// The last `pdfSignature` (Base64 CMS) a step of this run received, or empty.
    QByteArray pdfSignature() const;
    /// Presenter pacing: wait for next() before each step after the first.
    void setStepping(bool stepping) { m_stepping = stepping; }
    bool isWaitingForNext() const { return m_waitingForNext >= 0; }
    void next();
    void cancel();
    bool isRunning() const { return m_running; }
    const FlowResult& result() const { return m_result; }
    const FlowSpec& flow() const { return m_flow; }
    /// Plays the user's browser: GETs `url` without following redirects (the QR page, the redirect back to the
    /// online service). The console's Send on the QR page and the virtual phone's redirect use it too.
    void browserGet(const QString& url, std::function<void(int status, const QByteArray& location)> done);
    /// Real environments (RFC 8252): QR pages finish in a real browser by JavaScript, so they are handed to
    /// `open` (the system browser) instead of being fetched; the redirect back reaches the listener.
    void setBrowserLauncher(std::function<void(const QString& url)> open) { m_launchBrowser = std::move(open); }
    /// Where a callback goes: the environment's callback base URL (a tunnel to the listener) when one is set,
    /// else the listener's own URL.
    QString callbackUrl(const QString& callbackId) const;

signals:
    /// Stepping mode: the runner stopped before step `index`.
    void pausedBefore(int index);
    void stepChanged(int index, const Flows::StepResult& step);
    void messageAdded(const Flows::SequenceMessage& message);
    void finished(const Flows::FlowResult& result);

private:
    void runStep(int index);
    void runBrowserStep(int index, const Protocol::ApiSpec& api, const QJsonObject& body);
    void runRequestStep(int index, const Protocol::ApiSpec& api, const QJsonObject& body);
    /// A gateway answer: 202 polls again, a JWE result is opened, a QR-page URL is browsed and the phone asked.
    void gatewayAnswered(int index, const Session::Exchange& exchange);
    /// The browser opens the QR page; once it answers, the phone decides.
    void openQrPageThenDecide(
        int index, const QString& url, const QString& kind, const QString& businessId, const QString& state);
    void phoneDecides(int index, const QString& kind, const QString& businessId, const QString& state);
    void awaitCallback(int index, const QString& callbackId, const QString& businessId, const QString& state);
    /// A callback awaited now that came back before its request's answer was read (a fast phone): handled now.
    bool takeEarlyCallback();
    bool isAwaited(const Callback::CallbackRecord& record) const;
    void onCallback(const Callback::CallbackRecord& record);
    void pass(int index, const QJsonObject& outputs = {});
    void fail(int index, const QString& code, const QString& detail);
    void setState(int index, StepState state);
    void message(const QString& from, const QString& to, const QString& label);
    void finish();
    QJsonValue substitute(const QJsonValue& value) const;
    /// The listener's request id of a step of this run (flow/run/step).
    QString expectationId(const QString& stepId) const;
    QJsonObject buildBody(const Protocol::ApiSpec& api, const StepSpec& step) const;

    Session::ConsoleSession* m_session;
    Callback::CallbackListener* m_listener;
    QPointer<Mock::Simulator> m_simulator;
    QNetworkAccessManager* m_browser;
    QTimer* m_timeout;
    FlowSpec m_flow;
    FlowResult m_result;
    PhoneScript m_script;
    Protocol::Language m_language = Protocol::Language::English;
    qint64 m_timeoutOverride = 0;
    bool m_running = false;
    bool m_stepping = false;
    int m_waitingForNext = -1;
    int m_current = -1;
    QHash<QString, QJsonObject> m_outputs;
    QString m_runId;
    QHash<QString, QString> m_fresh; ///< ${businessID}, ${state} (and ${pdf.docDigest}) of this run
    QByteArray m_pdfInput;
    Pdf::SignatureFields m_pdfFields = Pdf::PdfSigning::defaultFields();
    QByteArray m_preparedPdf;
    QString m_waitingExchange;
    QString m_waitingCallbackId;
    QString m_waitingBusinessId;
    QString m_waitingState;
    QList<Callback::CallbackRecord> m_earlyCallbacks; ///< arrived while nothing was awaited (at most 8)
    std::function<void(const QString&)> m_launchBrowser;
};

} // namespace Flows
