#include "LanguageManager.h"
#include "MainWindow.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"
#include "request/ApiPage.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>

#include <QLineEdit>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

/// The main window under the offscreen platform: the catalog tree, its filter and the specification pane.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static int visibleApis(QTreeWidget* tree)
    {
        int n = 0;
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            QTreeWidgetItem* group = tree->topLevelItem(g);
            for (int i = 0; i < group->childCount(); ++i)
                n += (!group->isHidden() && !group->child(i)->isHidden()) ? 1 : 0;
        }
        return n;
    }

private slots:
    void treeListsEveryApi()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("catalogTree"));
        QVERIFY(tree);
        QCOMPARE(visibleApis(tree), int(Protocol::ApiCatalog::builtin().apis().size()));
        QVERIFY(tree->topLevelItemCount() >= 7);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("1.1 Authentication"));
    }

    void filterNarrowsTheTree()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("catalogTree"));
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
        auto* tree = window.findChild<QTreeWidget*>(QStringLiteral("catalogTree"));
        const QString english = tree->currentItem()->text(0);
        languages.setLanguage(Protocol::Language::TraditionalChinese);
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.getToken"));
        const QString chinese = tree->currentItem()->text(0);
        QCOMPARE(chinese,
            Protocol::ApiCatalog::builtin()
                .api(QStringLiteral("auth.getToken"))
                ->label.get(Protocol::Language::TraditionalChinese));
        QVERIFY(chinese != english);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
