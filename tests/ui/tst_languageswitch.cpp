#include "LanguageManager.h"
#include "MainWindow.h"
#include "TsFile.h"
#include "flows/FlowView.h"
#include "forms/TryItForm.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"
#include "request/ApiPage.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using Protocol::Language;

/// The console's language, driven as a user would through the Language menu of the real main window: every
/// text follows live (menus, catalog tree, the open API page's form), the `lang` sent to iAM Smart follows
/// unless the user set it, and the choice is remembered — only the first start follows the system locale.
/// Registered with the zh_HK system locale, so a first start that did not follow it would show English.
class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    QHash<Language, QList<TestSupport::TsMessage>> m_ts;

    static constexpr int IdRole = Qt::UserRole + 1; // MainWindow's catalog item role

    /// What the .ts file says `source` of `context` reads in `language` (the English source for English).
    QString expected(Language language, const char* context, const char* source) const
    {
        if (language == Language::English)
            return QString::fromUtf8(source);
        return TestSupport::tsTranslation(m_ts.value(language), QLatin1String(context), QString::fromUtf8(source));
    }

    static bool hasHan(const QString& text)
    {
        for (QChar c : text) {
            if (c.script() == QChar::Script_Han)
                return true;
        }
        return false;
    }

    static void trigger(MainWindow& window, Language language)
    {
        auto* action = window.findChild<QAction*>(QStringLiteral("languageAction_") + Protocol::languageKey(language));
        QVERIFY2(action, qPrintable(Protocol::languageKey(language)));
        // The action is what the Language menu shows.
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("languageMenu"))->actions().contains(action));
        action->trigger();
        // Widgets retranslate on the LanguageChange event Qt posts when the translator changes: one turn of
        // the event loop, as a user sees it.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }

    static QString langField(MainWindow& window)
    {
        return window.page(QStringLiteral("auth.getQR"))->form()->values().value(QLatin1String("lang")).toString();
    }

    static QString savedChoice()
    {
        const QSettings settings;
        return settings.value(QStringLiteral("ui/language")).toString();
    }

    /// Every text the window shows must be in `language`; the .ts files and the catalog say what that is.
    void verifyTexts(MainWindow& window, Language language)
    {
        const QString key = Protocol::languageKey(language);
        for (auto [menu, source] : {std::pair {"fileMenu", "&File"}, std::pair {"languageMenu", "&Language"},
                 std::pair {"viewMenu", "&View"}, std::pair {"helpMenu", "&Help"}}) {
            const QString want = expected(language, "MainWindow", source);
            QVERIFY2(!want.isEmpty(), source);
            auto* m = window.findChild<QMenu*>(QString::fromLatin1(menu));
            QVERIFY(m);
            QCOMPARE(m->title(), want);
            QCOMPARE(hasHan(m->title()), language != Language::English);
        }
        auto* mainTabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        QCOMPARE(mainTabs->tabText(mainTabs->indexOf(window.flowView())),
            expected(language, "MainWindow", "Flows"));

        // The catalog tree: groups and every API's label, from the catalog's texts.
        const auto& catalog = Protocol::ApiCatalog::builtin();
        const QAbstractItemModel* tree = window.findChild<QTreeView*>(QStringLiteral("catalogTree"))->model();
        QCOMPARE(tree->index(0, 0).data().toString(), expected(language, "MainWindow", "1.1 Authentication"));
        int apis = 0;
        for (int g = 0; g < tree->rowCount(); ++g) {
            const QModelIndex group = tree->index(g, 0);
            for (int i = 0; i < tree->rowCount(group); ++i) {
                const QModelIndex item = tree->index(i, 0, group);
                const Protocol::ApiSpec* api = catalog.api(item.data(IdRole).toString());
                QVERIFY(api);
                QCOMPARE(item.data().toString(), api->label.get(language));
                ++apis;
            }
        }
        QCOMPARE(apis, int(catalog.apis().size()));

        // The open API page: its tabs and every label of its Try-it form.
        ApiPage* page = window.currentPage();
        QVERIFY(page);
        QCOMPARE(page->findChild<QTabWidget*>(QStringLiteral("inputTabs"))->tabText(1),
            expected(language, "ApiPage", "Try it"));
        QCOMPARE(page->findChild<QPushButton*>(QStringLiteral("sendButton"))->text(),
            expected(language, "ApiPage", "&Send"));
        auto* layout = qobject_cast<QFormLayout*>(page->form()->layout());
        QVERIFY(layout);
        QCOMPARE(layout->rowCount(), int(page->api().fields.size()));
        int chineseLabels = 0;
        for (int row = 0; row < layout->rowCount(); ++row) {
            const Protocol::FieldSpec& field = page->api().fields.at(row);
            auto* label = qobject_cast<QLabel*>(layout->itemAt(row, QFormLayout::LabelRole)->widget());
            QVERIFY(label);
            // "Label (name) *", the name once even when the catalog's label carries it.
            const QString text = label->text();
            QVERIFY2(text.startsWith(field.label.get(language)), qPrintable(key + QStringLiteral(": ") + text));
            QVERIFY2(text.count(QLatin1Char('(') + field.name + QLatin1Char(')')) == 1, qPrintable(text));
            chineseLabels += hasHan(label->text()) ? 1 : 0;
        }
        // Terms such as "Tokenised ID (openID)" stay as they are in Chinese; the rest are Chinese.
        if (language == Language::English)
            QCOMPARE(chineseLabels, 0);
        else
            QVERIFY2(chineseLabels >= layout->rowCount() / 2, qPrintable(QString::number(chineseLabels)));

        // The `lang` sent to iAM Smart, in the form and the QR URL, and the one the flows send.
        QCOMPARE(langField(window), Protocol::iamSmartLang(language));
        QVERIFY2(window.page(QStringLiteral("auth.getQR"))
                     ->qrText()
                     .contains(QStringLiteral("lang=") + Protocol::iamSmartLang(language)),
            qPrintable(window.page(QStringLiteral("auth.getQR"))->qrText()));
        QCOMPARE(window.flowView()->runner()->language(), language);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_languageswitch"));
        // Settings (the language choice, the window layout) go to this test's own directory.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QString error;
        m_ts.insert(
            Language::TraditionalChinese, TestSupport::readTs(TestSupport::tsPath(QStringLiteral("zh_HK")), &error));
        m_ts.insert(
            Language::SimplifiedChinese, TestSupport::readTs(TestSupport::tsPath(QStringLiteral("zh_CN")), &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void init() { QSettings().clear(); }

    void firstStartFollowsTheSystemLocale()
    {
        QCOMPARE(QLocale::system().name(), QStringLiteral("zh_HK")); // as registered in tests/CMakeLists.txt
        QVERIFY(!LanguageManager::savedLanguage());
        LanguageManager languages;
        QVERIFY(languages.restore());
        QCOMPARE(languages.language(), Language::TraditionalChinese);
        MainWindow window(&languages, m_sim.get());
        QVERIFY(window.selectApi(QStringLiteral("auth.getQR")));
        verifyTexts(window, Language::TraditionalChinese);
        QVERIFY(window.findChild<QAction*>(QStringLiteral("languageAction_zh-HK"))->isChecked());
        // Following the system is not a choice: nothing is saved, so the next start follows it again.
        QVERIFY(!LanguageManager::savedLanguage());
    }

    void menuSwitchesEveryTextLive()
    {
        LanguageManager languages;
        QVERIFY(languages.restore(QStringLiteral("en")));
        MainWindow window(&languages, m_sim.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectApi(QStringLiteral("auth.profile")));
        verifyTexts(window, Language::English);

        trigger(window, Language::TraditionalChinese);
        QCOMPARE(languages.language(), Language::TraditionalChinese);
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.profile")); // the same page stays open
        verifyTexts(window, Language::TraditionalChinese);
        QCOMPARE(savedChoice(), QStringLiteral("zh-HK"));

        trigger(window, Language::SimplifiedChinese);
        verifyTexts(window, Language::SimplifiedChinese);
        QCOMPARE(savedChoice(), QStringLiteral("zh-CN"));
        // The two Chinese scripts really differ (繁 → 简), so a mix-up of the files would show.
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("languageMenu"))->title()
            != expected(Language::TraditionalChinese, "MainWindow", "&Language"));

        // The getQR page itself, in front.
        QVERIFY(window.selectApi(QStringLiteral("auth.getQR")));
        verifyTexts(window, Language::SimplifiedChinese);

        trigger(window, Language::English);
        verifyTexts(window, Language::English);
        QCOMPARE(savedChoice(), QStringLiteral("en"));

        // F12 is a choice too.
        QTest::keyClick(&window, Qt::Key_F12);
        QCOMPARE(languages.language(), Language::TraditionalChinese);
        QCOMPARE(savedChoice(), QStringLiteral("zh-HK"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        verifyTexts(window, Language::TraditionalChinese);
    }

    void flowsSendTheConsoleLanguage()
    {
        LanguageManager languages;
        QVERIFY(languages.restore(QStringLiteral("en")));
        MainWindow window(&languages, m_sim.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        trigger(window, Language::SimplifiedChinese);
        FlowView* view = window.flowView();
        QVERIFY(view->selectFlow(QStringLiteral("login-profile")));
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("flowRunButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->runner()->result().finished, 15000);
        const QStringList qrs = view->runner()->result().qrTexts;
        QVERIFY(!qrs.isEmpty());
        QVERIFY2(qrs.first().contains(QStringLiteral("lang=zh-CN")), qPrintable(qrs.first()));
    }

    void langTheUserSetStaysPut()
    {
        LanguageManager languages;
        QVERIFY(languages.restore(QStringLiteral("en")));
        MainWindow window(&languages, m_sim.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectApi(QStringLiteral("auth.getQR")));
        ApiPage* page = window.currentPage();
        auto* tabs = page->findChild<QTabWidget*>(QStringLiteral("inputTabs"));
        tabs->setCurrentIndex(1);
        auto* combo = page->form()->findChild<QComboBox*>(QStringLiteral("field_lang"));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("en-US"));
        // The user picks Simplified Chinese with the keyboard (the last entry).
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_End);
        QCOMPARE(langField(window), QStringLiteral("zh-CN"));
        trigger(window, Language::TraditionalChinese);
        QCOMPARE(langField(window), QStringLiteral("zh-CN"));
        QVERIFY(page->qrText().contains(QStringLiteral("lang=zh-CN")));
        // Other texts still follow.
        QCOMPARE(window.findChild<QMenu*>(QStringLiteral("fileMenu"))->title(),
            expected(Language::TraditionalChinese, "MainWindow", "&File"));

        // A lang written in the JSON editor is the user's too.
        MainWindow second(&languages, m_sim.get());
        QVERIFY(second.selectApi(QStringLiteral("auth.getQR")));
        QCOMPARE(langField(second), QStringLiteral("zh-HK"));
        auto* json = second.currentPage()->findChild<QPlainTextEdit*>(QStringLiteral("rawJsonEditor"));
        QJsonObject body = second.currentPage()->form()->values();
        body.insert(QStringLiteral("lang"), QStringLiteral("en-US"));
        json->setPlainText(QString::fromUtf8(QJsonDocument(body).toJson()));
        QCOMPARE(langField(second), QStringLiteral("en-US"));
        trigger(second, Language::SimplifiedChinese);
        QCOMPARE(langField(second), QStringLiteral("en-US"));
        // …while the first window's untouched pages follow the same switch.
        QCOMPARE(window.findChild<QMenu*>(QStringLiteral("fileMenu"))->title(),
            expected(Language::SimplifiedChinese, "MainWindow", "&File"));
    }

    void theChoiceIsUsedOnTheNextStart()
    {
        {
            LanguageManager languages;
            QVERIFY(languages.restore());
            QCOMPARE(languages.language(), Language::TraditionalChinese); // first start: the system locale
            MainWindow window(&languages, m_sim.get());
            trigger(window, Language::SimplifiedChinese);
        }
        // The next start, with the same (Traditional Chinese) system locale, uses the choice.
        QVERIFY(LanguageManager::savedLanguage() == Language::SimplifiedChinese);
        {
            LanguageManager languages;
            QVERIFY(languages.restore());
            QCOMPARE(languages.language(), Language::SimplifiedChinese);
            MainWindow window(&languages, m_sim.get());
            QVERIFY(window.selectApi(QStringLiteral("auth.getQR")));
            verifyTexts(window, Language::SimplifiedChinese);
            QVERIFY(window.findChild<QAction*>(QStringLiteral("languageAction_zh-CN"))->isChecked());
        }
        // --lang overrides the choice for one run and does not replace it.
        {
            LanguageManager languages;
            QVERIFY(languages.restore(QStringLiteral("en-US")));
            MainWindow window(&languages, m_sim.get());
            QVERIFY(window.selectApi(QStringLiteral("auth.getQR")));
            verifyTexts(window, Language::English);
            QCOMPARE(savedChoice(), QStringLiteral("zh-CN"));
        }
        // An unknown --lang is refused and changes nothing.
        LanguageManager languages;
        QVERIFY(languages.restore(QStringLiteral("zh_HK")));
        QVERIFY(!languages.restore(QStringLiteral("fr")));
        QVERIFY(!languages.restore(QStringLiteral("klingon")));
        QCOMPARE(languages.language(), Language::TraditionalChinese);
        QCOMPARE(savedChoice(), QStringLiteral("zh-CN"));
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
