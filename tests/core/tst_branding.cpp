#include "TestSupport.h"
#include "branding/ButtonAssets.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Branding::ButtonAssets;
using Protocol::Language;

/// The iAM Smart buttons: one data file, checked on load; the official texts exactly as the seed gives them;
/// well-formed SVG with the text; the committed SVG files are what the generator makes of the data file.
class TestBranding : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString sourceData() { return QStringLiteral(IAMSMART_SOURCE_DIR "/resources/branding/buttons.json"); }
    static QString svgDir() { return QStringLiteral(IAMSMART_SOURCE_DIR "/resources/branding/svg"); }

    static QJsonObject sourceJson()
    {
        QFile f(sourceData());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    /// The button of `kind` in a data file, changed by `edit`.
    template <typename Edit> static QJsonObject withButton(const QString& kind, Edit edit)
    {
        QJsonObject root = sourceJson();
        QJsonArray buttons = root.value(QLatin1String("buttons")).toArray();
        for (qsizetype i = 0; i < buttons.size(); ++i) {
            QJsonObject b = buttons.at(i).toObject();
            if (b.value(QLatin1String("kind")).toString() == kind) {
                edit(b);
                buttons.replace(i, b);
            }
        }
        root.insert(QLatin1String("buttons"), buttons);
        return root;
    }

    QString writeCopy(const QString& name, const QJsonObject& root)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QJsonDocument(root).toJson());
        return path;
    }

    /// Attributes of the root <svg> and the text of its <text>; an empty map when the XML is broken.
    static QMap<QString, QString> readSvg(const QByteArray& svg, QString* error)
    {
        QMap<QString, QString> out;
        QXmlStreamReader xml(svg);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("svg")) {
                for (const auto& a : xml.attributes())
                    out.insert(a.qualifiedName().toString(), a.value().toString());
            } else if (xml.name() == QLatin1String("text")) {
                out.insert(
                    QStringLiteral("font-family"), xml.attributes().value(QLatin1String("font-family")).toString());
                out.insert(QStringLiteral("#text"), xml.readElementText());
            } else if (xml.name() == QLatin1String("title")) {
                out.insert(QStringLiteral("#title"), xml.readElementText());
            }
        }
        if (xml.hasError()) {
            *error = xml.errorString();
            return {};
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!sourceJson().isEmpty(), qPrintable(sourceData()));
    }

    void builtinLoadsEveryKind()
    {
        QVERIFY2(ButtonAssets::builtinErrors().isEmpty(), qPrintable(ButtonAssets::builtinErrors()));
        const ButtonAssets& assets = ButtonAssets::builtin();
        QCOMPARE(assets.kinds(), Branding::Kind::required());
        QCOMPARE(assets.background(), QStringLiteral("#2B7366"));
        QVERIFY(assets.colourNote().contains(QStringLiteral("not an official colour")));
        QCOMPARE(assets.sizes().size(), 3);
        QCOMPARE(assets.defaultHeight(), 40);
        // The compiled-in copy is the source file.
        QFile resource(QStringLiteral(":/branding/buttons.json"));
        QFile source(sourceData());
        QVERIFY(resource.open(QIODevice::ReadOnly) && source.open(QIODevice::ReadOnly));
        QCOMPARE(resource.readAll(), source.readAll());
    }

    void officialTextsAreTheSeedsExactly()
    {
        // Seed 000_1ca3c16d30b0f716 (Re-Authentication guide §4.1 UI Display), copied character for character.
        const ButtonAssets& a = ButtonAssets::builtin();
        QCOMPARE(a.text(QStringLiteral("reauth"), Language::TraditionalChinese), QStringLiteral("智方便認證"));
        QCOMPARE(a.text(QStringLiteral("reauth"), Language::SimplifiedChinese), QStringLiteral("智方便认证"));
        QCOMPARE(a.text(QStringLiteral("reauth"), Language::English), QStringLiteral("Authentication with iAM Smart"));
        QCOMPARE(a.text(QStringLiteral("openApp"), Language::TraditionalChinese), QStringLiteral("開啟智方便"));
        QCOMPARE(a.text(QStringLiteral("openApp"), Language::SimplifiedChinese), QStringLiteral("开启智方便"));
        QCOMPARE(a.text(QStringLiteral("openApp"), Language::English), QStringLiteral("Open iAM Smart"));
        QCOMPARE(a.text(QStringLiteral("moreInfo"), Language::English), QStringLiteral("More info"));
        QCOMPARE(a.text(QStringLiteral("moreInfo"), Language::TraditionalChinese), QStringLiteral("了解更多"));
        QCOMPARE(a.text(QStringLiteral("moreInfo"), Language::SimplifiedChinese), QStringLiteral("了解更多"));
        QCOMPARE(
            a.url(QStringLiteral("moreInfo"), Language::English), QStringLiteral("https://www.iamsmart.gov.hk/en/"));
        QCOMPARE(a.url(QStringLiteral("moreInfo"), Language::TraditionalChinese),
            QStringLiteral("https://www.iamsmart.gov.hk/tc/"));
        QCOMPARE(a.url(QStringLiteral("moreInfo"), Language::SimplifiedChinese),
            QStringLiteral("https://www.iamsmart.gov.hk/sc/"));
        for (const char* kind : {"reauth", "openApp", "moreInfo"}) {
            const Branding::ButtonSpec* b = a.button(QLatin1String(kind));
            QVERIFY(b && b->official);
            QVERIFY2(b->source.contains(QStringLiteral("000_1ca3c16d30b0f716")), kind);
        }
        // The other wordings are no one's official text, and the data file says so.
        for (const char* kind : {"login", "formFilling", "signing"}) {
            const Branding::ButtonSpec* b = a.button(QLatin1String(kind));
            QVERIFY(b && !b->official);
            QVERIFY2(b->note.contains(QStringLiteral("Not an official text")), kind);
        }
        QCOMPARE(a.text(QStringLiteral("login"), Language::TraditionalChinese), QStringLiteral("以智方便登入"));
        QCOMPARE(a.text(QStringLiteral("signing"), Language::SimplifiedChinese), QStringLiteral("以智方便签署"));
    }

    void refusesBrokenData_data()
    {
        QTest::addColumn<QJsonObject>("root");
        QTest::addColumn<QStringList>("mustName");
        QTest::newRow("language missing") << withButton(QStringLiteral("signing"), [](QJsonObject& b) {
            QJsonObject t = b.value(QLatin1String("text")).toObject();
            t.remove(QLatin1String("zh-HK"));
            b.insert(QLatin1String("text"), t);
        }) << QStringList {QStringLiteral("'signing'"), QStringLiteral("zh-HK"), QStringLiteral("missing")};
        QTest::newRow("empty text") << withButton(QStringLiteral("reauth"), [](QJsonObject& b) {
            QJsonObject t = b.value(QLatin1String("text")).toObject();
            t.insert(QLatin1String("en"), QStringLiteral("  "));
            b.insert(QLatin1String("text"), t);
        }) << QStringList {QStringLiteral("'reauth'"), QStringLiteral("text in en is empty")};
        QTest::newRow("URL missing") << withButton(QStringLiteral("moreInfo"), [](QJsonObject& b) {
            QJsonObject u = b.value(QLatin1String("url")).toObject();
            u.remove(QLatin1String("zh-CN"));
            b.insert(QLatin1String("url"), u);
        }) << QStringList {QStringLiteral("'moreInfo'"), QStringLiteral("url in zh-CN is missing")};
        QTest::newRow("no URLs at all") << withButton(QStringLiteral("moreInfo"), [](QJsonObject& b) {
            b.remove(QLatin1String("url"));
        }) << QStringList {QStringLiteral("'moreInfo'"), QStringLiteral("'url'")};
        QTest::newRow("URL not https") << withButton(QStringLiteral("moreInfo"), [](QJsonObject& b) {
            QJsonObject u = b.value(QLatin1String("url")).toObject();
            u.insert(QLatin1String("en"), QStringLiteral("http://www.iamsmart.gov.hk/en/"));
            b.insert(QLatin1String("url"), u);
        }) << QStringList {QStringLiteral("'moreInfo'"), QStringLiteral("en"), QStringLiteral("https")};
        QTest::newRow("official without source")
            << withButton(QStringLiteral("openApp"), [](QJsonObject& b) { b.remove(QLatin1String("source")); })
            << QStringList {QStringLiteral("'openApp'"), QStringLiteral("source")};
        QTest::newRow("official flag missing")
            << withButton(QStringLiteral("login"), [](QJsonObject& b) { b.remove(QLatin1String("official")); })
            << QStringList {QStringLiteral("'login'"), QStringLiteral("official")};
        QTest::newRow("kind missing") << withButton(QStringLiteral("formFilling"), [](QJsonObject& b) {
            b.insert(QLatin1String("kind"), QStringLiteral("formfilling"));
        }) << QStringList {QStringLiteral("'formFilling' is missing")};
        QTest::newRow("kind is a path") << withButton(QStringLiteral("login"), [](QJsonObject& b) {
            b.insert(QLatin1String("kind"), QStringLiteral("../../pwned"));
        }) << QStringList {QStringLiteral("kind '../../pwned' is not one of login")};
        QJsonObject badColour = sourceJson();
        QJsonObject colours = badColour.value(QLatin1String("colours")).toObject();
        colours.insert(QLatin1String("background"), QStringLiteral("green"));
        badColour.insert(QLatin1String("colours"), colours);
        QTest::newRow("bad colour") << badColour << QStringList {QStringLiteral("colours.background")};
    }

    void refusesBrokenData()
    {
        QFETCH(QJsonObject, root);
        QFETCH(QStringList, mustName);
        const QString path = writeCopy(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".json"), root);
        QVERIFY(!path.isEmpty());
        auto loaded = ButtonAssets::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("bad-branding"));
        for (const QString& part : mustName)
            QVERIFY2(loaded.error().detail.contains(part), qPrintable(loaded.error().detail));
        // The unbroken file loads.
        QVERIFY(ButtonAssets::load(writeCopy(QStringLiteral("good.json"), sourceJson())).ok());
    }

    void refusesNonJson()
    {
        auto loaded = ButtonAssets::fromJson("{ \"buttons\": [");
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("bad-branding"));
        QVERIFY(!ButtonAssets::load(m_dir.filePath(QStringLiteral("absent.json"))).ok());
    }

    void everySvgIsWellFormedWithItsText()
    {
        const ButtonAssets& a = ButtonAssets::builtin();
        for (const Branding::ButtonSpec& b : a.buttons()) {
            for (Language l : Protocol::allLanguages()) {
                for (const Branding::ButtonSize& size : a.sizes()) {
                    auto svg = a.svg(b.kind, l, size.height);
                    QVERIFY2(svg.ok(), qPrintable(svg.ok() ? QString() : svg.error().toString()));
                    QString error;
                    const auto parsed = readSvg(svg.value(), &error);
                    const QString where = b.kind + QLatin1Char(' ') + Protocol::languageKey(l);
                    QVERIFY2(!parsed.isEmpty(), qPrintable(where + QStringLiteral(": ") + error));
                    QCOMPARE(parsed.value(QStringLiteral("#text")), b.text.get(l));
                    QCOMPARE(parsed.value(QStringLiteral("#title")), b.text.get(l));
                    QCOMPARE(parsed.value(QStringLiteral("height")).toInt(), size.height);
                    QCOMPARE(parsed.value(QStringLiteral("xml:lang")), Protocol::languageKey(l));
                    const int width = parsed.value(QStringLiteral("width")).toInt();
                    QVERIFY2(width > size.height, qPrintable(where));
                    QCOMPARE(parsed.value(QStringLiteral("viewBox")),
                        QStringLiteral("0 0 %1 %2").arg(width).arg(size.height));
                    const QString fonts = parsed.value(QStringLiteral("font-family"));
                    if (l == Language::SimplifiedChinese)
                        QVERIFY2(fonts.startsWith(QStringLiteral("'Noto Sans CJK SC'")), qPrintable(fonts));
                    else
                        QVERIFY2(fonts.contains(QStringLiteral("'Noto Sans CJK TC'")), qPrintable(fonts));
                    QVERIFY(!fonts.contains(QStringLiteral("CJK SC")) || l == Language::SimplifiedChinese);
                }
            }
        }
    }

    void svgIsDeterministicAndSizedByItsText()
    {
        const ButtonAssets& a = ButtonAssets::builtin();
        QCOMPARE(a.svg(QStringLiteral("login"), Language::English, 40).value(),
            a.svg(QStringLiteral("login"), Language::English, 40).value());
        // CJK characters take a full em, Latin letters less; a longer text gives a wider button.
        QCOMPARE(ButtonAssets::textWidthEm(QStringLiteral("了解更多")), 4.0);
        QVERIFY(ButtonAssets::textWidthEm(QStringLiteral("More info")) < 9.0);
        QVERIFY(ButtonAssets::textWidthEm(QStringLiteral("More info")) > 4.0);
        QVERIFY(ButtonAssets::textWidthEm(QStringLiteral("Authentication with iAM Smart"))
            > ButtonAssets::textWidthEm(QStringLiteral("Open iAM Smart")));
        auto widthOf = [&](const QString& kind, Language l, int h) {
            QString error;
            return readSvg(a.svg(kind, l, h).value(), &error).value(QStringLiteral("width")).toInt();
        };
        QVERIFY(widthOf(QStringLiteral("reauth"), Language::English, 40)
            > widthOf(QStringLiteral("openApp"), Language::English, 40));
        QVERIFY(widthOf(QStringLiteral("reauth"), Language::English, 52)
            > widthOf(QStringLiteral("reauth"), Language::English, 32));
        // Markup in a text is escaped, not injected.
        QJsonObject root = withButton(QStringLiteral("login"), [](QJsonObject& b) {
            QJsonObject t = b.value(QLatin1String("text")).toObject();
            t.insert(QLatin1String("en"), QStringLiteral("Log <in> & \"go\""));
            b.insert(QLatin1String("text"), t);
        });
        auto odd = ButtonAssets::fromJson(QJsonDocument(root).toJson());
        QVERIFY(odd.ok());
        QString error;
        QCOMPARE(readSvg(odd->svg(QStringLiteral("login"), Language::English, 40).value(), &error)
                     .value(QStringLiteral("#text")),
            QStringLiteral("Log <in> & \"go\""));
    }

    void svgRefusesBadArguments()
    {
        const ButtonAssets& a = ButtonAssets::builtin();
        auto unknown = a.svg(QStringLiteral("dance"), Language::English, 40);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, QStringLiteral("unknown-kind"));
        QVERIFY(unknown.error().detail.contains(QStringLiteral("dance")));
        QCOMPARE(a.svg(QStringLiteral("login"), Language::English, 8).error().code, QStringLiteral("bad-height"));
        QCOMPARE(a.svg(QStringLiteral("login"), Language::English, 4096).error().code, QStringLiteral("bad-height"));
    }

    void committedSvgsAreWhatTheDataFileGives()
    {
        auto assets = ButtonAssets::load(sourceData());
        QVERIFY2(assets.ok(), qPrintable(assets.ok() ? QString() : assets.error().toString()));
        QStringList expected;
        for (const Branding::ButtonSpec& b : assets->buttons()) {
            for (Language l : Protocol::allLanguages()) {
                const QString name = ButtonAssets::fileName(b.kind, l);
                expected << name;
                QFile f(QDir(svgDir()).filePath(name));
                QVERIFY2(f.open(QIODevice::ReadOnly),
                    qPrintable(name
                        + QStringLiteral(" is missing: run 'iamsmart branding export "
                                         "resources/branding/svg --data resources/branding/buttons.json'")));
                QVERIFY2(f.readAll() == assets->svg(b.kind, l, assets->defaultHeight()).value(),
                    qPrintable(name
                        + QStringLiteral(" is out of date: run 'iamsmart branding export "
                                         "resources/branding/svg --data resources/branding/buttons.json'")));
            }
        }
        QCOMPARE(expected.size(), 18);
        QStringList present = QDir(svgDir()).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
        expected.sort();
        QCOMPARE(present, expected);
    }

    void exportCommandWritesEveryButton()
    {
        const QString out = m_dir.filePath(QStringLiteral("export"));
        const auto r = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("branding"), QStringLiteral("export"), out, QStringLiteral("--height"),
                QStringLiteral("52")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject printed = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(printed.value(QLatin1String("height")).toInt(), 52);
        QCOMPARE(printed.value(QLatin1String("files")).toArray().size(), 18);
        QFile f(QDir(out).filePath(QStringLiteral("reauth-zh-HK.svg")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(),
            ButtonAssets::builtin().svg(QStringLiteral("reauth"), Language::TraditionalChinese, 52).value());

        // A corrected data file is used with --data; a broken one is refused naming the fault.
        QJsonObject root = withButton(QStringLiteral("signing"), [](QJsonObject& b) {
            QJsonObject t = b.value(QLatin1String("text")).toObject();
            t.insert(QLatin1String("en"), QStringLiteral("Sign it with iAM Smart"));
            b.insert(QLatin1String("text"), t);
        });
        const QString corrected = writeCopy(QStringLiteral("corrected.json"), root);
        const auto again = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("branding"), QStringLiteral("export"), out, QStringLiteral("--data"), corrected});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QFile signing(QDir(out).filePath(QStringLiteral("signing-en.svg")));
        QVERIFY(signing.open(QIODevice::ReadOnly));
        QVERIFY(signing.readAll().contains("Sign it with iAM Smart"));

        const QString broken = writeCopy(QStringLiteral("broken.json"),
            withButton(QStringLiteral("openApp"), [](QJsonObject& b) { b.remove(QLatin1String("text")); }));
        const auto refused = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("branding"), QStringLiteral("export"), out, QStringLiteral("--data"), broken});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("openApp"), refused.err.constData());
        // A kind that is a path never names a file: refused before anything is written.
        QTemporaryDir escape;
        const QString inner = QDir(escape.path()).filePath(QStringLiteral("a/b"));
        QVERIFY(QDir().mkpath(inner));
        const QString pathKind = writeCopy(QStringLiteral("pathkind.json"),
            withButton(QStringLiteral("login"), [](QJsonObject& b) { b.insert(QLatin1String("kind"), QStringLiteral("../../pwned")); }));
        const auto traversal = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("branding"), QStringLiteral("export"), inner, QStringLiteral("--data"), pathKind});
        QCOMPARE(traversal.exitCode, 2);
        QVERIFY2(traversal.err.contains("kind '../../pwned'"), traversal.err.constData());
        QVERIFY(QDir(escape.path()).entryList({QStringLiteral("pwned*")}, QDir::Files).isEmpty());
        QVERIFY(QDir(inner).entryList(QDir::Files).isEmpty());
        const auto badHeight = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("branding"), QStringLiteral("export"), out, QStringLiteral("--height"),
                QStringLiteral("x")});
        QCOMPARE(badHeight.exitCode, 2);
        QVERIFY(badHeight.err.contains("--height"));
    }
};

QTEST_GUILESS_MAIN(TestBranding)
#include "tst_branding.moc"
