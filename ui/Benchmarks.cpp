#include "Benchmarks.h"

#include "MainWindow.h"
#include "callback/CallbackListener.h"
#include "history/HistoryModel.h"
#include "history/HistoryPanel.h"
#include "mock/Simulator.h"
#include "phone/PhonePanel.h"
#include "protocol/UrlBuilder.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {

double ms(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// Calls `then` once, after the next paint event `watched` receives.
class OnPaint : public QObject
{
public:
    OnPaint(QObject* watched, std::function<void()> then)
        : QObject(watched)
        , m_then(std::move(then))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_then) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, parent(), [then = std::move(m_then)] { then(); });
            m_then = nullptr;
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_then;
};

void finish(const QJsonObject& figures)
{
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QCoreApplication::quit();
}

QDockWidget* dock(MainWindow* window, const char* name)
{
    return window->findChild<QDockWidget*>(QString::fromLatin1(name));
}

} // namespace

void Benchmarks::history(MainWindow* window, const QString& word, const QElapsedTimer& sinceMain)
{
    new OnPaint(window, [=] {
        auto figures = std::make_shared<QJsonObject>();
        figures->insert(QStringLiteral("first_paint_ms"), ms(sinceMain));
        HistoryPanel* panel = window->historyPanel();
        auto* list = panel->findChild<QAbstractItemView*>(QStringLiteral("historyList"));
        QElapsedTimer shown;
        shown.start();
        // Shown: the dock painted with stored rows in it (the first batch of a big history, or all of a small one).
        auto showRows = std::make_shared<std::function<void()>>();
        *showRows = [=] {
            if (panel->model()->storedRows() == 0 && panel->isLoading()) {
                QObject::connect(panel->model(), &HistoryModel::rowsInserted, panel,
                    [=] { new OnPaint(list->viewport(), *showRows); }, Qt::SingleShotConnection);
                return;
            }
            figures->insert(QStringLiteral("history_shown_ms"), ms(shown));
            figures->insert(QStringLiteral("rows_when_shown"), int(panel->model()->storedRows()));
            auto filter = [=] {
                figures->insert(QStringLiteral("history_loaded_ms"), ms(sinceMain));
                figures->insert(QStringLiteral("rows"), panel->model()->rowCount());
                QElapsedTimer filtering;
                filtering.start();
                panel->setFilterText(word);
                list->viewport()->repaint();
                figures->insert(QStringLiteral("filter_ms"), ms(filtering));
                figures->insert(QStringLiteral("rows_matching"), list->model()->rowCount());
                filtering.restart();
                panel->setFilterText(QString());
                list->viewport()->repaint();
                figures->insert(QStringLiteral("unfilter_ms"), ms(filtering));
                finish(*figures);
            };
            if (panel->isLoading())
                QObject::connect(panel->model(), &HistoryModel::loaded, panel, filter, Qt::SingleShotConnection);
            else
                filter();
        };
        new OnPaint(list->viewport(), *showRows);
        dock(window, "historyDock")->show();
        dock(window, "historyDock")->raise();
    });
}

void Benchmarks::phone(MainWindow* window, Mock::Simulator* simulator, int count, const QElapsedTimer& sinceMain)
{
    new OnPaint(window, [=] {
        auto figures = std::make_shared<QJsonObject>();
        figures->insert(QStringLiteral("first_paint_ms"), ms(sinceMain));
        auto* browser = new QNetworkAccessManager(window);
        auto answered = std::make_shared<int>(0);
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        for (int i = 0; i < count; ++i) {
            Protocol::QrParams q;
            q.clientId = simulator->clients().devClient().clientId;
            q.source = QStringLiteral("PC_Browser");
            q.redirectUri = window->listener()->urlFor(QStringLiteral("callback.auth"));
            q.scope = QStringLiteral("eidapi_auth");
            q.lang = QStringLiteral("en-US");
            q.state = QStringLiteral("bench%1").arg(i);
            QNetworkRequest request(QUrl::fromEncoded(Protocol::UrlBuilder::getQrUrl(simulator->baseUrl(), q)));
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply* reply = browser->get(request);
            QObject::connect(reply, &QNetworkReply::finished, window, [=] {
                reply->deleteLater();
                if (++*answered < count)
                    return;
                figures->insert(QStringLiteral("requests_ms"), ms(*timer));
                figures->insert(QStringLiteral("pending"), int(simulator->pending().size()));
                QDockWidget* phoneDock = dock(window, "phoneDock");
                auto* list = window->phonePanel()->findChild<QAbstractItemView*>(QStringLiteral("phonePendingList"));
                figures->insert(QStringLiteral("rows"), list->model()->rowCount());
                phoneDock->hide();
                QCoreApplication::processEvents();
                timer->restart();
                new OnPaint(list->viewport(), [=] {
                    figures->insert(QStringLiteral("phone_shown_ms"), ms(*timer));
                    timer->restart();
                    window->phonePanel()->findChild<QPushButton*>(QStringLiteral("phoneRejectButton"))->click();
                    list->viewport()->repaint();
                    figures->insert(QStringLiteral("phone_update_ms"), ms(*timer));
                    figures->insert(QStringLiteral("rows_after_update"), list->model()->rowCount());
                    finish(*figures);
                });
                phoneDock->show();
                phoneDock->raise();
            });
        }
    });
}
