#include "HttpClient.h"
#include "ViewSupport.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "history/HistoryModel.h"
#include "history/HistoryPanel.h"
#include "mock/Simulator.h"
#include "phone/PhonePanel.h"
#include "protocol/ApiCatalog.h"
#include "protocol/UrlBuilder.h"
#include "request/ApiPage.h"

#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>

#include <QCheckBox>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

#include <QLineEdit>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

/// The main window under the offscreen platform: the catalog tree, its filter and the specification pane.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    /// The APIs the catalog tree shows (through its filter).
    static int visibleApis(QTreeView* tree)
    {
        return TestSupport::leafRows(tree->model());
    }

private slots:
    void treeListsEveryApi()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("catalogTree"));
        QVERIFY(tree);
        QCOMPARE(visibleApis(tree), int(Protocol::ApiCatalog::builtin().apis().size()));
        QVERIFY(tree->model()->rowCount() >= 7);
        QCOMPARE(tree->model()->index(0, 0).data().toString(), QStringLiteral("1.1 Authentication"));
        // A click on an API row opens its page.
        const Protocol::ApiSpec* token = Protocol::ApiCatalog::builtin().api(QStringLiteral("auth.getToken"));
        QVERIFY(TestSupport::clickIndex(tree, TestSupport::findIndex(tree, token->label.get(Protocol::Language::English))));
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.getToken"));
    }

    void filterNarrowsTheTree()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("catalogTree"));
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("catalogFilterLineEdit"));
        QVERIFY(tree && filter);
        QTest::keyClicks(filter, QStringLiteral("getToken"));
        QCOMPARE(visibleApis(tree), 1);
        filter->clear();
        QCOMPARE(visibleApis(tree), int(Protocol::ApiCatalog::builtin().apis().size()));
        QTest::keyClicks(filter, QStringLiteral("no such api"));
        QCOMPARE(visibleApis(tree), 0);
    }

    void selectingAnApiShowsItsSpecification()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        QVERIFY(window.selectApi(QStringLiteral("auth.profile")));
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.profile"));
        QVERIFY(window.currentPage());
        auto* spec = window.currentPage()->findChild<QTextBrowser*>(QStringLiteral("specBrowser"));
        QVERIFY(spec);
        const QString text = spec->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("/account/auth/profile/initiateRequest")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("profileFields")));
        QVERIFY(text.contains(QStringLiteral("D00000")));
        QVERIFY(!window.selectApi(QStringLiteral("no.such.api")));
    }

    void statusBarShowsTheEmbeddedSimulator()
    {
        QTemporaryDir dir;
        Mock::Simulator simulator;
        Mock::SimulatorOptions options;
        options.stateDir = dir.path();
        QVERIFY(simulator.start(options).ok());
        LanguageManager languages;
        MainWindow window(&languages, &simulator);
        auto* label = window.findChild<QLabel*>(QStringLiteral("simulatorStatusLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(simulator.baseUrl()), qPrintable(label->text()));
        QVERIFY(label->text().contains(QStringLiteral("strict")));
        MainWindow without(&languages);
        QCOMPARE(without.findChild<QLabel*>(QStringLiteral("simulatorStatusLabel"))->text(),
            QStringLiteral("Local simulator not running"));
    }

    void historyDockHasTheKeepPersonalDataSetting()
    {
        QSettings().remove(QStringLiteral("history"));
        LanguageManager languages;
        MainWindow window(&languages);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QDockWidget*>(QStringLiteral("historyDock"))->raise();
        auto* keep = window.findChild<QCheckBox*>(QStringLiteral("historyKeepPersonalDataCheck"));
        QVERIFY(keep);
        QTRY_VERIFY(keep->isVisible());
        QCOMPARE(keep->text(), QStringLiteral("Keep personal data in history"));
        QVERIFY(!keep->isChecked()); // off unless the user turns it on
        QTest::mouseClick(keep, Qt::LeftButton);
        QVERIFY(keep->isChecked());
        QCOMPARE(QSettings().value(QStringLiteral("history/keepPersonalData")).toBool(), true);
        auto* days = window.findChild<QSpinBox*>(QStringLiteral("historyRetentionDaysSpin"));
        QCOMPARE(days->value(), 30);
        days->setFocus();
        QTest::keyClick(days, Qt::Key_Down);
        QCOMPARE(QSettings().value(QStringLiteral("history/retentionDays")).toInt(), 29);
        QTest::mouseClick(keep, Qt::LeftButton);
        QCOMPARE(QSettings().value(QStringLiteral("history/keepPersonalData")).toBool(), false);
        QSettings().remove(QStringLiteral("history"));
    }

    void catalogLabelsFollowTheLanguage()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        QVERIFY(window.selectApi(QStringLiteral("auth.getToken")));
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("catalogTree"));
        const QString english = tree->currentIndex().data().toString();
        languages.setLanguage(Protocol::Language::TraditionalChinese);
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.getToken"));
        const QString chinese = tree->currentIndex().data().toString();
        QCOMPARE(chinese,
            Protocol::ApiCatalog::builtin()
                .api(QStringLiteral("auth.getToken"))
                ->label.get(Protocol::Language::TraditionalChinese));
        QVERIFY(chinese != english);
    }

    void historyListReadsStoredExchangesAfterPaintAndFilters()
    {
        QTemporaryDir dir;
        Session::HistorySettings keepAll;
        keepAll.retentionDays = 0;
        keepAll.retentionCount = 0;
        const Session::ExchangeHistory stored(dir.path(), keepAll);
        QList<Session::Exchange> written;
        for (int i = 0; i < 30; ++i) {
            Session::Exchange e;
            e.id = QStringLiteral("stored%1").arg(i);
            e.apiId = i % 2 ? QStringLiteral("keys.getKey") : QStringLiteral("auth.getToken");
            e.startedAt = QDateTime::currentMSecsSinceEpoch() - (30 - i) * 1000;
            e.request.method = "POST";
            e.request.plaintext = QByteArrayLiteral("{\"n\":") + QByteArray::number(i) + '}';
            e.httpStatus = 200;
            e.responseBody = R"({"code":"D00000","message":"SUCCESS","content":""})";
            QVERIFY(stored.append(e).ok());
            written.append(e);
        }
        HistoryPanel panel;
        panel.add(written.at(3)); // this session's exchange, also on disk: listed once
        panel.load(stored);
        QVERIFY(panel.isLoading()); // nothing is read before the first paint
        QCOMPARE(panel.model()->rowCount(), 1);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(!panel.isLoading());
        QCOMPARE(panel.model()->rowCount(), 30);
        QCOMPARE(panel.exchanges().first().id, QStringLiteral("stored0")); // the stored ones first, oldest first
        QCOMPARE(panel.exchanges().last().id, QStringLiteral("stored3"));

        // The filter box narrows the list through the proxy, as the user types.
        auto* list = panel.findChild<QTreeView*>(QStringLiteral("historyList"));
        auto* filter = panel.findChild<QLineEdit*>(QStringLiteral("historyFilterLineEdit"));
        QVERIFY(list && filter);
        QTest::keyClicks(filter, QStringLiteral("GETTOKEN"));
        QCOMPARE(list->model()->rowCount(), 15);
        for (int r = 0; r < list->model()->rowCount(); ++r)
            QCOMPARE(list->model()->index(r, HistoryModel::ApiColumn).data().toString(), QStringLiteral("auth.getToken"));

        // Double-clicking a stored row reopens it: the whole exchange is read back from its file.
        QSignalSpy reopened(&panel, &HistoryPanel::reopenRequested);
        const QModelIndex third = list->model()->index(2, 0);
        QVERIFY(TestSupport::clickIndex(list, third));
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(third).center());
        QCOMPARE(reopened.size(), 1);
        const auto e = reopened.first().first().value<Session::Exchange>();
        QCOMPARE(e.id, QStringLiteral("stored4"));
        QCOMPARE(e.request.plaintext, QByteArrayLiteral("{\"n\":4}"));
        QCOMPARE(e.returnCode(), QStringLiteral("D00000"));

        QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(filter, Qt::Key_Delete);
        QCOMPARE(list->model()->rowCount(), 30);
        QTest::keyClicks(filter, QStringLiteral("no such thing"));
        QCOMPARE(list->model()->rowCount(), 0);
    }

    void callbackInspectorFollowsTheListenerRowByRow()
    {
        Callback::CallbackListener listener;
        Callback::ListenerOptions options;
        options.maxRecords = 3;
        QVERIFY(listener.start(options).ok());
        CallbackInspector inspector(&listener);
        inspector.resize(600, 400);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        auto* list = inspector.findChild<QTreeView*>(QStringLiteral("callbackList"));
        auto* dropped = inspector.findChild<QLabel*>(QStringLiteral("callbackDroppedLabel"));
        QVERIFY(list && dropped);
        for (int i = 0; i < 3; ++i)
            TestSupport::http("GET", listener.baseUrl() + QStringLiteral("/nowhere/%1").arg(i));
        QCOMPARE(list->model()->rowCount(), 3);
        QVERIFY(!dropped->isVisible());
        const QPersistentModelIndex survivor = list->model()->index(2, 1); // follows its row unless the model resets
        QCOMPARE(survivor.data().toString(), QStringLiteral("/nowhere/2"));

        // Two more: the two oldest rows go, the others stay the same rows (nothing is rebuilt).
        for (int i = 3; i < 5; ++i)
            TestSupport::http("GET", listener.baseUrl() + QStringLiteral("/nowhere/%1").arg(i));
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(survivor.row(), 0);
        QCOMPARE(survivor.data().toString(), QStringLiteral("/nowhere/2"));
        QVERIFY(dropped->isVisible());
        QVERIFY2(dropped->text().contains(QLatin1Char('2')), qPrintable(dropped->text()));

        // Clicking a row shows that record.
        QVERIFY(TestSupport::clickIndex(list, list->model()->index(0, 0)));
        QVERIFY(inspector.findChild<QPlainTextEdit*>(QStringLiteral("callbackDetail"))
                    ->toPlainText()
                    .startsWith(QStringLiteral("GET /nowhere/2")));
    }

    void phonePanelChangesOnlyTheRowThatChanged()
    {
        QTemporaryDir dir;
        Mock::Simulator simulator;
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        QVERIFY(simulator.start(options).ok());
        PhonePanel panel(&simulator);
        panel.resize(400, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* list = panel.findChild<QListView*>(QStringLiteral("phonePendingList"));
        QVERIFY(list);
        auto login = [&](const QString& state) {
            Protocol::QrParams q;
            q.clientId = simulator.clients().devClient().clientId;
            q.source = QStringLiteral("PC_Browser");
            q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
            q.scope = QStringLiteral("eidapi_auth");
            q.lang = QStringLiteral("en-US");
            q.state = state;
            return TestSupport::http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(simulator.baseUrl(), q)))
                .status;
        };
        QCOMPARE(login(QStringLiteral("one")), 303);
        QCOMPARE(login(QStringLiteral("two")), 303);
        QAbstractItemModel* model = list->model();
        QCOMPARE(model->rowCount(), 2);
        // Persistent indexes follow their rows, and are lost when the model resets (a rebuild).
        const QPersistentModelIndex one = model->index(0, 0);
        const QPersistentModelIndex two = model->index(1, 0);
        QCOMPARE(list->currentIndex(), QModelIndex(one)); // the first to arrive was selected, and stays so
        QCOMPARE(login(QStringLiteral("three")), 303);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(one.row(), 0);
        QCOMPARE(two.row(), 1);
        QVERIFY(model->index(2, 0).data().toString().contains(QStringLiteral("three")));

        // Select the second with the mouse and reject it: only its row goes.
        QVERIFY(TestSupport::clickIndex(list, two));
        QCOMPARE(list->currentIndex(), QModelIndex(two));
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("phoneRejectButton")), Qt::LeftButton);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(one.row(), 0);
        QVERIFY(!two.isValid());
        QVERIFY(model->index(1, 0).data().toString().contains(QStringLiteral("three")));
        QCOMPARE(list->currentIndex(), model->index(1, 0)); // the last one is selected next, as before
        QCOMPARE(simulator.pending().size(), 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
