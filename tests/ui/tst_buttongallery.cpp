#include "LanguageManager.h"
#include "MainWindow.h"
#include "branding/ButtonAssets.h"
#include "branding/ButtonGallery.h"
#include "branding/ButtonImage.h"
#include "flows/FlowView.h"

#include <QAction>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using Protocol::Language;

/// The gallery of iAM Smart buttons: every kind in the three languages at each size, PNG and SVG exports at a
/// chosen height; the flows' start button is the branding button of the UI language.
class TestButtonGallery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// Pixels close to the iAM Smart green, and pixels that are neither transparent nor that green.
    static std::pair<int, int> census(const QImage& image)
    {
        const QImage rgba = image.convertToFormat(QImage::Format_ARGB32);
        int green = 0;
        int other = 0;
        for (int y = 0; y < rgba.height(); ++y) {
            for (int x = 0; x < rgba.width(); ++x) {
                const QColor c = QColor::fromRgba(rgba.pixel(x, y));
                if (c.alpha() < 250)
                    continue;
                if (std::abs(c.red() - 0x2B) < 6 && std::abs(c.green() - 0x73) < 6 && std::abs(c.blue() - 0x66) < 6)
                    ++green;
                else
                    ++other;
            }
        }
        return {green, other};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(
            Branding::ButtonAssets::builtinErrors().isEmpty(), qPrintable(Branding::ButtonAssets::builtinErrors()));
    }

    void showsEveryKindInEveryLanguageAtEachSize()
    {
        ButtonGallery gallery;
        gallery.show();
        const auto& assets = Branding::ButtonAssets::builtin();
        QSet<QString> kindLanguages;
        QSet<int> heights;
        for (QToolButton* preview : gallery.previews()) {
            kindLanguages.insert(preview->property("brandingKind").toString() + QLatin1Char('/')
                + QString::number(preview->property("brandingLanguage").toInt()));
            heights.insert(preview->property("brandingHeight").toInt());
            QVERIFY2(!preview->icon().isNull(), qPrintable(preview->objectName()));
            QCOMPARE(preview->iconSize().height(), preview->property("brandingHeight").toInt());
            QVERIFY(preview->iconSize().width() > preview->iconSize().height());
        }
        QCOMPARE(kindLanguages.size(), 6 * 3);
        QCOMPARE(heights, (QSet<int> {32, 40, 52}));
        QCOMPARE(gallery.previews().size(), 6 * 3 * assets.sizes().size());
        QVERIFY(gallery.findChild<QToolButton*>(QStringLiteral("brandingPreview_reauth_zh-HK_52")));
        QCOMPARE(gallery.findChild<QToolButton*>(QStringLiteral("brandingPreview_openApp_zh-CN_32"))->accessibleName(),
            QStringLiteral("开启智方便"));
        // Official and unofficial wordings are told apart.
        QCOMPARE(gallery.findChild<QLabel*>(QStringLiteral("brandingOfficial_reauth"))->text(),
            QStringLiteral("Official text"));
        QVERIFY(gallery.findChild<QLabel*>(QStringLiteral("brandingOfficial_login"))
                    ->text()
                    .startsWith(QStringLiteral("Not an official text")));
    }

    void clickingAPreviewSelectsItAndItsHeight()
    {
        ButtonGallery gallery;
        gallery.show();
        auto* large = gallery.findChild<QToolButton*>(QStringLiteral("brandingPreview_signing_zh-HK_52"));
        QVERIFY(large);
        QTest::mouseClick(large, Qt::LeftButton);
        QCOMPARE(gallery.selectedKind(), QStringLiteral("signing"));
        QCOMPARE(gallery.selectedLanguage(), Language::TraditionalChinese);
        QCOMPARE(gallery.exportHeight(), 52);
        QVERIFY(large->isChecked());
        QVERIFY(gallery.findChild<QLabel*>(QStringLiteral("brandingSelectedLabel"))
                    ->text()
                    .contains(QStringLiteral("以智方便簽署")));
        QVERIFY(!gallery.select(QStringLiteral("nope"), Language::English));
    }

    void exportsPngAtTheChosenHeight()
    {
        for (int height : {24, 40, 120}) {
            const QString path = m_dir.filePath(QStringLiteral("login-%1.png").arg(height));
            const auto status = ButtonGallery::exportPng(QStringLiteral("login"), Language::English, height, path);
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
            QImage image(path);
            QVERIFY(!image.isNull());
            QCOMPARE(image.height(), height);
            QVERIFY(image.width() > 3 * height);
            const auto [green, other] = census(image);
            // Mostly the green background, with the white mark and text on it.
            QVERIFY2(green > image.width() * image.height() / 2, qPrintable(QString::number(green)));
            QVERIFY2(other > image.width() * image.height() / 50, qPrintable(QString::number(other)));
            // The rounded corners are transparent.
            QCOMPARE(qAlpha(image.convertToFormat(QImage::Format_ARGB32).pixel(0, 0)), 0);
        }
        // The outlined More info button: green text and border on white.
        const QString more = m_dir.filePath(QStringLiteral("more.png"));
        QVERIFY(ButtonGallery::exportPng(QStringLiteral("moreInfo"), Language::SimplifiedChinese, 52, more).ok());
        const auto [green, other] = census(QImage(more));
        QVERIFY(green > 100);
        QVERIFY(other > green);
        // A bad height or an unwritable path is an error, not a file.
        QCOMPARE(ButtonGallery::exportPng(
                     QStringLiteral("login"), Language::English, 2, m_dir.filePath(QStringLiteral("x.png")))
                     .error()
                     .code,
            QStringLiteral("bad-height"));
        QCOMPARE(ButtonGallery::exportPng(QStringLiteral("login"), Language::English, 40,
                     m_dir.filePath(QStringLiteral("no/such/dir/x.png")))
                     .error()
                     .code,
            QStringLiteral("write-failed"));
    }

    void textFitsInEveryButton()
    {
        // The width is estimated in core without a font engine; drawn with the installed fonts, the text must
        // stay inside its padding (and clear of the mark) in every language.
        const auto& assets = Branding::ButtonAssets::builtin();
        const int h = 40;
        for (const Branding::ButtonSpec& spec : assets.buttons()) {
            for (Language l : Protocol::allLanguages()) {
                const QImage image = Branding::buttonImage(spec.kind, l, h).convertToFormat(QImage::Format_ARGB32);
                QVERIFY(!image.isNull());
                const QColor ink(spec.outline ? assets.background() : assets.foreground());
                int minX = image.width();
                int maxX = -1;
                const int firstTextX = spec.outline ? 3 : int(h * 0.75) + 2; // right of the mark
                for (int y = h / 4; y < h * 3 / 4; ++y) {
                    for (int x = firstTextX; x < image.width() - 3; ++x) {
                        const QColor c = QColor::fromRgba(image.pixel(x, y));
                        if (std::abs(c.red() - ink.red()) + std::abs(c.green() - ink.green())
                                + std::abs(c.blue() - ink.blue())
                            < 60) {
                            minX = std::min(minX, x);
                            maxX = std::max(maxX, x);
                        }
                    }
                }
                const QString where = spec.kind + QLatin1Char(' ') + Protocol::languageKey(l)
                    + QStringLiteral(": text from %1 to %2 of %3").arg(minX).arg(maxX).arg(image.width());
                QVERIFY2(maxX > image.width() / 2, qPrintable(where));
                QVERIFY2(maxX < image.width() - h / 5, qPrintable(where));
                QVERIFY2(minX > (spec.outline ? h / 5 : h * 3 / 4 + 4), qPrintable(where));
            }
        }
    }

    void exportedSvgRenders()
    {
        const QString path = m_dir.filePath(QStringLiteral("reauth.svg"));
        QVERIFY(ButtonGallery::exportSvg(QStringLiteral("reauth"), Language::TraditionalChinese, 64, path).ok());
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.defaultSize().height(), 64);
        QImage image(renderer.defaultSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const auto [green, other] = census(image);
        QVERIFY(green > 0 && other > 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("智方便認證")));
    }

    void reachableFromTheMainWindowAndSurvivesALanguageSwitch()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        window.show();
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        ButtonGallery* gallery = window.buttonGallery();
        QVERIFY(gallery);
        QVERIFY(tabs->indexOf(gallery) > 0);
        QCOMPARE(tabs->tabText(tabs->indexOf(gallery)), QStringLiteral("iAM Smart buttons"));
        window.findChild<QAction*>(QStringLiteral("buttonGalleryAction"))->trigger();
        QCOMPARE(tabs->currentWidget(), gallery);

        auto* png = gallery->findChild<QPushButton*>(QStringLiteral("brandingPngButton"));
        QCOMPARE(png->text(), QStringLiteral("Export PNG…"));
        const int count = gallery->previews().size();
        languages.setLanguage(Language::TraditionalChinese);
        // QApplication posts LanguageChange to the windows.
        QTRY_COMPARE(tabs->tabText(tabs->indexOf(gallery)), QStringLiteral("智方便按鈕"));
        QCOMPARE(png->text(), QStringLiteral("匯出 PNG…"));
        QCOMPARE(
            gallery->findChild<QLabel*>(QStringLiteral("brandingOfficial_reauth"))->text(), QStringLiteral("官方文字"));
        languages.setLanguage(Language::SimplifiedChinese);
        QTRY_COMPARE(tabs->tabText(tabs->indexOf(gallery)), QStringLiteral("智方便按钮"));
        QCOMPARE(gallery->previews().size(), count);
        QVERIFY(gallery->select(QStringLiteral("moreInfo"), Language::SimplifiedChinese));
        QVERIFY(gallery->findChild<QLabel*>(QStringLiteral("brandingSelectedLabel"))
                    ->text()
                    .contains(QStringLiteral("了解更多")));
        const QString path = m_dir.filePath(QStringLiteral("after-switch.png"));
        QVERIFY(ButtonGallery::exportPng(gallery->selectedKind(), gallery->selectedLanguage(), 44, path).ok());
        QCOMPARE(QImage(path).height(), 44);
        languages.setLanguage(Language::English);
    }

    void flowStartButtonIsTheBrandingButton()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        window.show();
        FlowView* view = window.flowView();
        auto* start = view->findChild<QPushButton*>(QStringLiteral("flowStartButton"));
        auto* moreInfo = view->findChild<QLabel*>(QStringLiteral("flowMoreInfoLink"));
        QVERIFY(start && moreInfo);

        QVERIFY(view->selectFlow(QStringLiteral("login-reauth")));
        QCOMPARE(view->startButtonKind(), QStringLiteral("reauth"));
        QCOMPARE(start->accessibleName(), QStringLiteral("Authentication with iAM Smart"));
        QVERIFY(!start->icon().isNull());
        QVERIFY(start->iconSize().height() >= 40);
        QVERIFY(moreInfo->text().contains(QStringLiteral("https://www.iamsmart.gov.hk/en/")));
        QVERIFY(moreInfo->text().contains(QStringLiteral("More info")));

        QVERIFY(view->selectFlow(QStringLiteral("login-sign-app")));
        QCOMPARE(view->startButtonKind(), QStringLiteral("openApp"));
        QCOMPARE(start->accessibleName(), QStringLiteral("Open iAM Smart"));
        QVERIFY(view->selectFlow(QStringLiteral("anonymous-eme")));
        QCOMPARE(view->startButtonKind(), QStringLiteral("formFilling"));
        QVERIFY(view->selectFlow(QStringLiteral("login-pdfsign")));
        QCOMPARE(view->startButtonKind(), QStringLiteral("signing"));

        languages.setLanguage(Language::TraditionalChinese);
        QCOMPARE(start->accessibleName(), QStringLiteral("以智方便簽署"));
        QVERIFY(moreInfo->text().contains(QStringLiteral("https://www.iamsmart.gov.hk/tc/")));
        QVERIFY(moreInfo->text().contains(QStringLiteral("了解更多")));
        QVERIFY(view->selectFlow(QStringLiteral("login-reauth-app")));
        QCOMPARE(start->accessibleName(), QStringLiteral("開啟智方便"));
        languages.setLanguage(Language::SimplifiedChinese);
        QCOMPARE(start->accessibleName(), QStringLiteral("开启智方便"));
        QVERIFY(moreInfo->text().contains(QStringLiteral("https://www.iamsmart.gov.hk/sc/")));

        // Presenter mode's larger type gives a larger button.
        const int normal = start->iconSize().height();
        window.setPresenterMode(true);
        QVERIFY2(start->iconSize().height() > normal, qPrintable(QString::number(start->iconSize().height())));
        window.setPresenterMode(false);
        languages.setLanguage(Language::English);
    }
};

QTEST_MAIN(TestButtonGallery)
#include "tst_buttongallery.moc"
