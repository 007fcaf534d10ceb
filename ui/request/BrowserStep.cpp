#include "BrowserStep.h"

#include "ApiPage.h"
#include "callback/CallbackListener.h"
#include "protocol/ReturnCodes.h"
#include "util/BrowserLauncher.h"
#include "util/RequestStamp.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QJsonDocument>
#include <QUrl>

namespace {

QString callbackPath(const QString& callbackId)
{
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(callbackId);
    return api ? api->path : callbackId;
}

} // namespace

BrowserStep::BrowserStep(Callback::CallbackListener* listener, QObject* parent)
    : QObject(parent)
    , m_listener(listener)
{
    connect(m_listener, &Callback::CallbackListener::callbackReceived, this, &BrowserStep::onCallback);
}

void BrowserStep::open(ApiPage* page, const QString& url, const QString& callbackId, const QString& state)
{
    stop();
    // $BROWSER names the user's browser command (as for `iamsmart run`); otherwise the desktop's default.
    const QString command = qEnvironmentVariable("BROWSER");
    const bool opened
        = command.isEmpty() ? QDesktopServices::openUrl(QUrl(url)) : Util::openWithBrowserCommand(command, url);
    if (!opened) {
        page->setBrowserOutcome(tr("No web browser could open the QR page: copy its URL from the QR code dock and "
                                   "open it in a browser yourself; the console keeps waiting."));
    }
    m_page = page;
    m_url = url;
    m_callbackId = callbackId;
    m_state = state;
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    if (opened)
        page->setBrowserOutcome(tr("The QR page is open in your web browser. Waiting for its redirect to %1 (state "
                                   "%2): scan the QR code with iAM Smart and decide on the phone.")
                                    .arg(callbackPath(callbackId), state.isEmpty() ? tr("none") : state));
    page->setBrowserWaiting(true);
    m_cancelled = connect(page, &ApiPage::browserWaitCancelled, this, [this, page] {
        stop();
        page->setBrowserOutcome(tr("Stopped waiting for the browser. A redirect that still arrives is kept in "
                                   "Callbacks."));
    });
}

void BrowserStep::stop()
{
    disconnect(m_cancelled);
    if (m_page)
        m_page->setBrowserWaiting(false);
    m_callbackId.clear();
}

void BrowserStep::onCallback(const Callback::CallbackRecord& record)
{
    if (!isWaiting() || record.callbackId != m_callbackId || (!m_state.isEmpty() && record.state != m_state))
        return;
    const QJsonObject query = record.content.toObject();
    const QString code = query.value(QLatin1String("code")).toString();
    const QString error = record.envelopeCode.isEmpty() || Protocol::Code::isSuccess(record.envelopeCode)
        ? QString()
        : record.envelopeCode;
    Session::Exchange e;
    e.id = Util::randomHex32();
    e.apiId = record.callbackId == QLatin1String("callback.auth") ? QStringLiteral("auth.getQR") : record.callbackId;
    e.startedAt = m_startedAt;
    e.latencyMs = QDateTime::currentMSecsSinceEpoch() - m_startedAt;
    e.request.method = "GET";
    e.request.url = m_url.toUtf8();
    e.httpStatus = 302; // the page sent the browser on to the redirect URI
    e.responseHeaders.append({"Location", record.path + (record.query.isEmpty() ? QByteArray() : '?' + record.query)});
    Protocol::ResponseEnvelope envelope;
    envelope.code = error.isEmpty() ? Protocol::Code::Success : error;
    envelope.message = error.isEmpty() ? QStringLiteral("redirect with code") : QStringLiteral("redirect with error_code");
    envelope.content = query;
    e.envelope = envelope;
    e.content = query;
    e.responseBody = QJsonDocument(query).toJson(QJsonDocument::Compact);
    if (m_page) {
        if (!error.isEmpty())
            m_page->setBrowserOutcome(tr("The browser came back with %1: no code was issued.").arg(error));
        else if (record.matchStatus != QLatin1String("matched"))
            m_page->setBrowserOutcome(tr("The browser came back with a code, but it did not match the request (%1).")
                                          .arg(record.matchStatus));
        else
            m_page->setBrowserOutcome(tr("The browser came back: code %1 earned (Use earned fills it in Request "
                                         "access token).")
                                          .arg(code));
    }
    stop();
    emit finished(e);
}
