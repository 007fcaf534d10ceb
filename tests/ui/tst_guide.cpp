#include "LanguageManager.h"
#include "MainWindow.h"
#include "flows/Flow.h"
#include "flows/FlowView.h"
#include "guide/GuideView.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using Protocol::Language;

/// The Guide: its text complete in three languages, the catalog-generated parts following the catalog, Ctrl+K
/// finding FAQ entries, sections and APIs, and a use-case link opening its flow — driven with real keys and clicks.
class TestGuide : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;

    /// Scrolls the browser to the link `href` and returns its centre in viewport coordinates.
    static QPoint anchorPoint(QTextBrowser* browser, const QString& href)
    {
        QTextDocument* doc = browser->document();
        for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().anchorHref() != href)
                    continue;
                QTextCursor cursor(doc);
                cursor.setPosition(f.position() + f.length() / 2);
                browser->setTextCursor(cursor);
                browser->ensureCursorVisible();
                return browser->cursorRect(cursor).center();
            }
        }
        return {-1, -1};
    }

    static QStringList hits(const GuideView* view, const QString& kind)
    {
        QStringList out;
        for (int i = 0; i < view->results()->count(); ++i)
            if (view->results()->item(i)->data(Qt::UserRole + 2).toString() == kind)
                out << view->results()->item(i)->data(Qt::UserRole + 1).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void everyTextHasThreeLanguages()
    {
        QStringList problems;
        const GuideData data = GuideData::load(QStringLiteral(":/guide/guide.json"), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QStringList pages;
        for (const auto& p : data.pages)
            pages << p.id;
        QCOMPARE(pages,
            QStringList({QStringLiteral("overview"), QStringLiteral("things"), QStringLiteral("usecases"),
                QStringLiteral("faq"), QStringLiteral("about")}));
        QVERIFY(data.sections.size() >= 15);
        QVERIFY(data.faq.size() >= 10);
        QCOMPARE(data.scenarios.size(), 4);
        QCOMPARE(data.families.size(), 3);
        for (const auto& s : data.sections)
            QVERIFY2(pages.contains(s.page), qPrintable(s.id));
        // Every section and FAQ entry renders in each language, and the Chinese pages are really Chinese.
        GuideView view(&Protocol::ApiCatalog::builtin());
        for (Language language : Protocol::allLanguages()) {
            view.setLanguage(language);
            for (const QString& page : std::as_const(pages)) {
                const QString html = view.pageHtml(page);
                for (const auto& s : data.sections)
                    if (s.page == page)
                        QVERIFY2(html.contains(s.title.get(language).toHtmlEscaped()), qPrintable(s.id));
                if (page == QLatin1String("faq"))
                    for (const auto& q : data.faq)
                        QVERIFY2(html.contains(q.body.get(language)), qPrintable(q.id));
                if (language != Language::English)
                    QVERIFY2(html.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))), qPrintable(page));
            }
        }
        view.setLanguage(Language::TraditionalChinese);
        QVERIFY(view.pageHtml(QStringLiteral("overview")).contains(QStringLiteral("智方便")));
        QVERIFY(view.showSection(QStringLiteral("faq-ccic")));
        QCOMPARE(view.currentPage(), QStringLiteral("faq"));
        QVERIFY(!view.showSection(QStringLiteral("no-such-section")));
    }

    void catalogPartsAreGenerated()
    {
        GuideView view(&Protocol::ApiCatalog::builtin());
        const QString things = view.pageHtml(QStringLiteral("things"));
        for (const QString& e : {QStringLiteral("sources"), QStringLiteral("gatewaySources"), QStringLiteral("profileFields"), QStringLiteral("eMEFields"),
                 QStringLiteral("scopes")})
            for (const QString& v : Protocol::ApiCatalog::builtin().enumeration(e)->valueList())
                QVERIFY2(things.contains(QStringLiteral("<code>") + v + QStringLiteral("</code>")), qPrintable(e + v));
        QVERIFY(things.contains(QStringLiteral("href=\"api:auth.getQR\"")));
        const QString uses = view.pageHtml(QStringLiteral("usecases"));
        QCOMPARE(uses.count(QStringLiteral("<img src=\"diagram:")), 3);
        // The diagram of a flow is built from its definition: every API step appears.
        const auto flows = Flows::loadFlows().valueOr({});
        const auto sign = std::find_if(flows.begin(), flows.end(), [](const auto& f) { return f.id == QLatin1String("login-sign"); });
        QVERIFY(sign != flows.end());
        QStringList labels;
        for (const auto& m : GuideView::outline(*sign, Protocol::ApiCatalog::builtin()))
            labels << m.label;
        for (const QString& expected : {QStringLiteral("GET /auth/getQR"), QStringLiteral("POST /auth/getToken"),
                 QStringLiteral("POST /account/signing/initiateRequest"), QStringLiteral("POST /callback/sign")})
            QVERIFY2(labels.contains(expected), qPrintable(labels.join(QLatin1Char('|'))));
        const QString about = view.pageHtml(QStringLiteral("about"));
        QVERIFY(about.contains(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation).toHtmlEscaped()));
    }

    void mockTableFollowsTheCatalog()
    {
        // A copy of the catalog with one mock value changed: the table shows it, and its Copy link copies it.
        QTemporaryDir dir;
        QDirIterator it(QStringLiteral(":/catalog"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = dir.filePath(from.mid(QStringLiteral(":/catalog/").size()));
            QDir().mkpath(QFileInfo(to).absolutePath());
            QVERIFY(QFile::copy(from, to));
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        }
        const QString path = dir.filePath(QStringLiteral("apis/auth.getToken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject api = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray fields = api.value(QLatin1String("fields")).toArray();
        int changed = -1;
        for (int i = 0; i < fields.size(); ++i) {
            QJsonObject f = fields.at(i).toObject();
            if (f.value(QLatin1String("name")).toString() == QLatin1String("code")) {
                f.insert(QStringLiteral("mock"), QStringLiteral("guide7f3a0c9e5b1d42a8a6e0f3c2d9b8e7a6"));
                fields[i] = f;
                changed = i;
            }
        }
        QVERIFY(changed >= 0);
        api.insert(QStringLiteral("fields"), fields);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(api).toJson());
        file.close();
        auto catalog = Protocol::ApiCatalog::load(dir.path());
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().toString()));
        const QString marker = QStringLiteral("guide7f3a0c9e5b1d42a8a6e0f3c2d9b8e7a6");

        GuideView view(&Protocol::ApiCatalog::builtin());
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.pageHtml(QStringLiteral("things")).contains(marker));
        view.setCatalog(&catalog.value());
        QVERIFY(view.showSection(QStringLiteral("mock")));
        QVERIFY(view.browser()->toHtml().contains(marker));
        const int index = int(view.copyValues().indexOf(marker));
        QVERIFY(index >= 0);
        QApplication::clipboard()->clear();
        const QPoint at = anchorPoint(view.browser(), QStringLiteral("copy:%1").arg(index));
        QVERIFY(at.x() >= 0);
        QTest::mouseClick(view.browser()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(QApplication::clipboard()->text(), marker);
    }

    void ctrlKFindsFaqSectionAndApi()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        GuideView* guide = window.guide();
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget*>(guide));
        QTRY_VERIFY(guide->searchBox()->hasFocus());
        // A FAQ entry, by words of its answer.
        QTest::keyClicks(guide->searchBox(), QStringLiteral("wildcard"));
        QVERIFY(hits(guide, QStringLiteral("faq")).contains(QStringLiteral("faq-callback-url")));
        QTest::keyClick(guide->searchBox(), Qt::Key_Return);
        QCOMPARE(guide->currentPage(), QStringLiteral("faq"));
        // A guide section.
        guide->searchBox()->clear();
        QTest::keyClicks(guide->searchBox(), QStringLiteral("Tokenised ID"));
        QVERIFY(hits(guide, QStringLiteral("section")).contains(QStringLiteral("accounts")));
        QVERIFY(hits(guide, QStringLiteral("faq")).contains(QStringLiteral("faq-tokenised-id")));
        // Down moves to the next result, Return opens it.
        const int row = int(hits(guide, QStringLiteral("section")).indexOf(QStringLiteral("accounts")));
        QVERIFY(row >= 0);
        for (int i = 0; i < row; ++i)
            QTest::keyClick(guide->searchBox(), Qt::Key_Down);
        QCOMPARE(guide->results()->currentRow(), row);
        QTest::keyClick(guide->searchBox(), Qt::Key_Return);
        QCOMPARE(guide->currentPage(), QStringLiteral("things"));
        // An API: Return on it opens its page.
        guide->searchBox()->clear();
        QTest::keyClicks(guide->searchBox(), QStringLiteral("auth/getToken"));
        QCOMPARE(hits(guide, QStringLiteral("api")), QStringList {QStringLiteral("auth.getToken")});
        QTest::keyClick(guide->searchBox(), Qt::Key_Return);
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.getToken"));
        QVERIFY(tabs->currentWidget() != guide);
        // In Chinese the same box finds Chinese titles.
        languages.choose(Language::SimplifiedChinese);
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget*>(guide));
        guide->searchBox()->clear();
        QInputMethodEvent typed; // Chinese arrives from the input method as committed text
        typed.setCommitString(QStringLiteral("代码化"));
        QApplication::sendEvent(guide->searchBox(), &typed);
        QVERIFY(hits(guide, QStringLiteral("faq")).contains(QStringLiteral("faq-tokenised-id")));
    }

    void useCaseLinkOpensTheFlow()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        // From Start here and from Help, the Guide comes to the front.
        window.showStartHere(true);
        auto* read = window.startHerePanel()->findChild<QPushButton*>(QStringLiteral("startHereGuide"));
        QVERIFY(read && read->isVisible());
        QTest::mouseClick(read, Qt::LeftButton);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window.guide()));
        tabs->setCurrentIndex(0);
        window.findChild<QAction*>(QStringLiteral("guideAction"))->trigger();
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(window.guide()));
        QVERIFY(window.guide()->showSection(QStringLiteral("scenarios")));
        QTextBrowser* browser = window.guide()->browser();
        const QPoint at = anchorPoint(browser, QStringLiteral("flow:login-profile-app"));
        QVERIFY(at.x() >= 0);
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget*>(window.flowView()));
        auto* combo = window.flowView()->findChild<QComboBox*>(QStringLiteral("flowCombo"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("login-profile-app"));
    }
};

QTEST_MAIN(TestGuide)
#include "tst_guide.moc"
