#pragma once

#include "session/ConsoleSession.h"

#include <QObject>
#include <QPointer>

class ApiPage;
namespace Callback {
class CallbackListener;
struct CallbackRecord;
}

/// A browser step against a real environment (RFC 8252): the QR page goes to the system browser ($BROWSER when
/// set, else QDesktopServices), the page waits, saying for what, with Cancel, until the redirect reaches the
/// console's listener (or the tunnel in front of it); the code or error that comes back is shown on the page and
/// reported as an exchange for the History.
class BrowserStep : public QObject
{
    Q_OBJECT

public:
    explicit BrowserStep(Callback::CallbackListener* listener, QObject* parent = nullptr);

    /// Opens `url`; the redirect is the callback `callbackId` carrying `state`. Any earlier wait is dropped.
    void open(ApiPage* page, const QString& url, const QString& callbackId, const QString& state);
    bool isWaiting() const { return !m_callbackId.isEmpty(); }

signals:
    /// The round trip as an exchange: GET of the page, answered by the redirect's code or error_code.
    void finished(const Session::Exchange& exchange);

private:
    void onCallback(const Callback::CallbackRecord& record);
    void stop();

    Callback::CallbackListener* m_listener;
    QPointer<ApiPage> m_page;
    QString m_url;
    QString m_callbackId;
    QString m_state;
    qint64 m_startedAt = 0;
    QMetaObject::Connection m_cancelled;
};
