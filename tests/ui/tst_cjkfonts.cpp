#include "LanguageManager.h"
#include "MainWindow.h"
#include "TsFile.h"
#include "flows/Flow.h"
#include "forms/TryItForm.h"
#include "guide/GuideView.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"
#include "request/ApiPage.h"

#include <QAction>
#include <QApplication>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGlyphRun>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRawFont>
#include <QSet>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTreeView>

using Protocol::Language;

/// CJK text renders: on a real X server (Xvfb, the xcb platform with fontconfig, as users run it), the main
/// window in Traditional and in Simplified Chinese draws every character of every translation, catalog text,
/// return-code meaning and persona name with a real glyph of the fonts its widgets use — no box reaches a
/// user — and the Han characters come from Noto Sans CJK. Registered in tests/CMakeLists.txt to run under
/// xvfb-run with QT_QPA_PLATFORM=xcb and an English system locale (the font fallback gets no hint from it).
class TestCjkFonts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;

    static QString tsName(Language language) { return Protocol::languageKey(language).replace(u'-', u'_'); }

    /// The texts of the catalog, flows and personas the widgets show in `language`.
    QStringList catalogTexts(Language language) const
    {
        QStringList out;
        const auto& catalog = Protocol::ApiCatalog::builtin();
        QSet<QString> enums;
        for (const Protocol::ApiSpec& api : catalog.apis()) {
            out << api.label.get(language) << api.description.get(language);
            for (const QList<Protocol::FieldSpec>* fields : {&api.fields, &api.responseFields}) {
                for (const Protocol::FieldSpec& f : *fields) {
                    out << f.label.get(language) << f.description.get(language);
                    if (!f.enumName.isEmpty())
                        enums.insert(f.enumName);
                }
            }
        }
        for (const QString& name : std::as_const(enums)) {
            const Protocol::Enumeration* e = catalog.enumeration(name);
            if (!e)
                continue;
            out << e->label.get(language);
            for (const Protocol::EnumValue& v : e->values)
                out << v.label.get(language);
        }
        for (const Protocol::ReturnCode& rc : catalog.returnCodes())
            out << rc.meaning.get(language);
        for (const Protocol::HeaderSpec& h : catalog.headers())
            out << h.description.get(language);
        for (const Flows::FlowSpec& flow : Flows::loadFlows().valueOr({}))
            out << flow.label.get(language) << flow.description.get(language);
        for (const Mock::Persona& p : m_sim->personas())
            out << p.displayName.get(language);
        // The Language menu names every language in its own script, whatever the console's language.
        for (Language l : Protocol::allLanguages())
            out << LanguageManager::nativeName(l);
        // The Guide's text (resources/guide).
        const GuideData guide = GuideData::load();
        for (const QList<GuideData::Entry>* entries : {&guide.pages, &guide.sections, &guide.faq})
            for (const GuideData::Entry& e : *entries)
                out << e.title.get(language) << e.body.get(language);
        for (const GuideData::Scenario& s : guide.scenarios)
            out << s.title.get(language) << s.text.get(language);
        for (const GuideData::Family& f : guide.families)
            out << f.title.get(language);
        return out;
    }

    static bool drawn(uint ucs4)
    {
        // Line breaks, spaces and format characters have no glyph of their own.
        return !QChar::isSpace(ucs4) && QChar::category(ucs4) != QChar::Other_Control
            && QChar::category(ucs4) != QChar::Other_Format;
    }

    /// Lays `text` (Han characters) out in `font`: every glyph is real and comes from one of `families`.
    static void verifyHanFamily(const QString& text, const QFont& font, const QStringList& families)
    {
        QVERIFY(!families.isEmpty());
        QTextLayout layout(text, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        const QList<QGlyphRun> runs = layout.glyphRuns();
        QVERIFY(!runs.isEmpty());
        qsizetype glyphs = 0;
        for (const QGlyphRun& run : runs) {
            const QString family = run.rawFont().familyName();
            QVERIFY2(families.contains(family),
                qPrintable(family + QStringLiteral(" instead of ") + families.join(u'/') + QStringLiteral(" for ")
                    + describe(font)));
            QVERIFY2(!run.glyphIndexes().contains(0), qPrintable(family));
            glyphs += run.glyphIndexes().size();
        }
        QCOMPARE(glyphs, text.toUcs4().size());
    }

    static QString describe(const QFont& font)
    {
        return font.family() + QStringLiteral(" %1pt").arg(font.pointSizeF());
    }

private slots:
    void initTestCase()
    {
        // Offscreen would prove nothing about what users see: this test needs the X server's font path.
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_cjkfonts"));
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void notoCjkIsInstalled()
    {
        const QStringList families = QFontDatabase::families();
        auto has = [&families](const QString& prefix, const QStringList& regions) {
            for (const QString& region : regions) {
                if (families.contains(prefix + region))
                    return true;
            }
            return false;
        };
        QVERIFY2(has(QStringLiteral("Noto Sans CJK "), {QStringLiteral("HK"), QStringLiteral("TC")}),
            qPrintable(families.join(u',')));
        QVERIFY2(has(QStringLiteral("Noto Sans CJK "), {QStringLiteral("SC")}), qPrintable(families.join(u',')));
    }

    void everyCharacterHasAGlyph_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("zh_HK") << Language::TraditionalChinese;
        QTest::newRow("zh_CN") << Language::SimplifiedChinese;
    }

    void everyCharacterHasAGlyph()
    {
        QFETCH(Language, language);
        QString error;
        const QList<TestSupport::TsMessage> messages
            = TestSupport::readTs(TestSupport::tsPath(tsName(language)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);

        LanguageManager languages;
        languages.setLanguage(language);
        MainWindow window(&languages, m_sim.get());
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectApi(QStringLiteral("auth.profile")));
        ApiPage* page = window.currentPage();
        QVERIFY(page);
        QTest::qWait(50); // let the page lay out and paint once
        const QString fileTitle = window.menuBar()->actions().first()->text();
        QCOMPARE(
            fileTitle, TestSupport::tsTranslation(messages, QStringLiteral("MainWindow"), QStringLiteral("&File")));

        // The texts: every message of the loaded translator (checked against its .ts file) and the catalog's.
        QStringList texts;
        for (const TestSupport::TsMessage& m : messages) {
            if (!m.numerus) {
                const QByteArray context = m.context.toUtf8();
                const QByteArray source = m.source.toUtf8();
                const QByteArray comment = m.comment.toUtf8();
                QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(),
                             comment.isEmpty() ? nullptr : comment.constData()),
                    m.translation);
            }
            texts << m.texts();
        }
        texts << catalogTexts(language);

        // The fonts the widgets draw with, once shown.
        QList<QFont> fonts {QApplication::font(), window.menuBar()->font(),
            window.findChild<QTreeView*>(QStringLiteral("catalogTree"))->font(),
            window.findChild<QTabWidget*>(QStringLiteral("mainTabs"))->font(),
            page->findChild<QTextBrowser*>(QStringLiteral("specBrowser"))->font(), window.statusBar()->font(),
            window.guide()->browser()->font()};
        const QList<QLabel*> formLabels = page->form()->findChildren<QLabel*>();
        QVERIFY(formLabels.size() >= page->api().fields.size());
        for (const QLabel* label : formLabels)
            fonts << label->font();
        QStringList seen;
        QList<QFont> distinct;
        for (const QFont& f : std::as_const(fonts)) {
            if (!seen.contains(f.toString())) {
                seen << f.toString();
                distinct << f;
            }
        }

        QStringList missing;
        QString han;
        qsizetype checked = 0;
        for (const QFont& font : std::as_const(distinct)) {
            const QFontMetrics metrics(font);
            for (const QString& text : std::as_const(texts)) {
                for (char32_t ucs4 : text.toUcs4()) {
                    if (!drawn(ucs4))
                        continue;
                    ++checked;
                    if (!metrics.inFontUcs4(ucs4))
                        missing << QStringLiteral("U+%1 in \"%2\" (%3)")
                                       .arg(uint(ucs4), 4, 16, QLatin1Char('0'))
                                       .arg(text.left(40), describe(font));
                    else if (QChar::script(ucs4) == QChar::Script_Han && !han.contains(QString::fromUcs4(&ucs4, 1)))
                        han += QString::fromUcs4(&ucs4, 1);
                }
            }
        }
        QVERIFY(checked > 10000);
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 characters without a glyph, e.g.\n").arg(missing.size())
                + missing.mid(0, 20).join(u'\n')));
        QVERIFY(han.toUcs4().size() > 300); // the Chinese texts are really there

        // Laid out as the widgets lay them out, the Han characters come from the Noto Sans CJK of the region
        // (Hong Kong / Traditional, or Simplified; not the Japanese forms the fallback picks for an English
        // locale), never as glyph 0.
        for (const QFont& font : std::as_const(distinct))
            verifyHanFamily(han, font, LanguageManager::cjkFamilies(language));
        // The Language menu draws each Chinese name in its own region's forms, whatever the console's language.
        for (Language named : {Language::TraditionalChinese, Language::SimplifiedChinese}) {
            auto* action = window.findChild<QAction*>(QStringLiteral("languageAction_") + Protocol::languageKey(named));
            QVERIFY(action);
            QCOMPARE(action->text(), LanguageManager::nativeName(named));
            const QFont menuFont = window.findChild<QMenu*>(QStringLiteral("languageMenu"))->font();
            verifyHanFamily(action->text(), action->font().resolve(menuFont), LanguageManager::cjkFamilies(named));
        }
    }
};

QTEST_MAIN(TestCjkFonts)
#include "tst_cjkfonts.moc"
