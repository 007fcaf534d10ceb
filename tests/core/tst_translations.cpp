#include "TestSupport.h"
#include "TsFile.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <functional>

/// The console is trilingual: every message of the UI is translated into Traditional (Hong Kong) and
/// Simplified Chinese, none unfinished or empty, and the .ts files hold every tr() string of the sources.
class TestTranslations : public QObject
{
    Q_OBJECT

private:
    using Message = TestSupport::TsMessage;

    static QList<Message> read(const QString& path, QString* error) { return TestSupport::readTs(path, error); }

private slots:
    void everyMessageIsFinished_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* lang : {"en", "zh_HK", "zh_CN"})
            QTest::newRow(lang)
                << QStringLiteral(IAMSMART_SOURCE_DIR "/translations/iamsmart_console_%1.ts").arg(QLatin1String(lang));
    }

    void everyMessageIsFinished()
    {
        QFETCH(QString, file);
        QString error;
        const QList<Message> messages = read(file, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        for (const Message& m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + where));
            if (m.numerus) {
                QVERIFY2(!m.numerusForms.isEmpty(), qPrintable(QStringLiteral("no numerus forms: ") + where));
                for (const QString& form : m.numerusForms)
                    QVERIFY2(!form.trimmed().isEmpty(), qPrintable(QStringLiteral("empty numerus form: ") + where));
            } else {
                QVERIFY2(!m.translation.trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
            }
            // Placeholders survive translation.
            for (int n = 1; n <= 9; ++n) {
                const QString placeholder = QLatin1Char('%') + QString::number(n);
                if (m.source.contains(placeholder) && !m.numerus)
                    QVERIFY2(m.translation.contains(placeholder),
                        qPrintable(QStringLiteral("lost %1: ").arg(placeholder) + where));
            }
        }
    }

    void chineseIsReallyTranslated()
    {
        QString error;
        for (const char* lang : {"zh_HK", "zh_CN"}) {
            const auto messages = read(
                QStringLiteral(IAMSMART_SOURCE_DIR "/translations/iamsmart_console_%1.ts").arg(QLatin1String(lang)),
                &error);
            int chinese = 0;
            for (const Message& m : messages) {
                const QString t = m.numerus ? m.numerusForms.value(0) : m.translation;
                for (QChar c : t) {
                    if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) {
                        ++chinese;
                        break;
                    }
                }
            }
            // Names such as "cURL" or "%1 ms" may stay as they are; nearly everything else is Chinese.
            QVERIFY2(chinese >= messages.size() * 8 / 10,
                qPrintable(QStringLiteral("%1: %2 of %3 translations contain Chinese")
                               .arg(QLatin1String(lang))
                               .arg(chinese)
                               .arg(messages.size())));
        }
    }

    /// One quotation style per language: 「…」 in Traditional Chinese (Hong Kong), “…” in Simplified Chinese, in
    /// the UI's translations and in every data file (catalog, flows, guide, branding) alike.
    void oneQuotationStylePerLanguage()
    {
        const QString hkForeign = QStringLiteral("\u201C\u201D"); // “ ”
        const QString cnForeign = QStringLiteral("\u300C\u300D\u300E\u300F"); // 「 」 『 』
        QStringList wrong;
        auto check = [&](const QString& where, const QString& lang, const QString& text) {
            const QString& foreign = lang == QLatin1String("zh-HK") ? hkForeign : cnForeign;
            for (const QChar c : foreign) {
                if (text.contains(c)) {
                    wrong << QStringLiteral("%1 (%2): %3").arg(where, lang, text.left(60));
                    return;
                }
            }
        };
        QString error;
        for (const auto& [file, lang] : {std::pair {QStringLiteral("zh_HK"), QStringLiteral("zh-HK")},
                 std::pair {QStringLiteral("zh_CN"), QStringLiteral("zh-CN")}}) {
            const QList<Message> messages = read(TestSupport::tsPath(file), &error);
            QVERIFY2(!messages.isEmpty(), qPrintable(error));
            for (const Message& m : messages) {
                for (const QString& text : m.texts())
                    check(m.context + QStringLiteral(": ") + m.source, lang, text);
            }
        }
        // Every {"zh-HK": …, "zh-CN": …} text in the resources' JSON files.
        std::function<void(const QString&, const QJsonValue&)> walk = [&](const QString& where, const QJsonValue& v) {
            if (v.isArray()) {
                for (const QJsonValue& item : v.toArray())
                    walk(where, item);
            } else if (v.isObject()) {
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it) {
                    if ((it.key() == QLatin1String("zh-HK") || it.key() == QLatin1String("zh-CN")) && it->isString())
                        check(where, it.key(), it->toString());
                    else
                        walk(where, *it);
                }
            }
        };
        int files = 0;
        QDirIterator it(QStringLiteral(IAMSMART_SOURCE_DIR "/resources"), {QStringLiteral("*.json")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
            walk(QDir(QStringLiteral(IAMSMART_SOURCE_DIR)).relativeFilePath(path),
                doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
            ++files;
        }
        QVERIFY(files > 5);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("\n"))));
    }

    void tsFilesHoldEveryTrString()
    {
        // lupdate over the sources now; every message it finds must already be in the committed .ts files.
        const QString lupdate = QStringLiteral("/usr/lib/qt6/bin/lupdate");
        if (!QFile::exists(lupdate))
            QSKIP("lupdate is not installed");
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        const auto r = TestSupport::run(lupdate,
            {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral("-no-obsolete"), QStringLiteral(IAMSMART_SOURCE_DIR "/ui"),
                // The core's RequestPresenter words what API pages show.
                QStringLiteral(IAMSMART_SOURCE_DIR "/app/session/RequestPresenter.cpp"),
                QStringLiteral(IAMSMART_SOURCE_DIR "/app/session/RequestPresenterSpec.cpp"), QStringLiteral("-ts"),
                fresh});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QString error;
        QSet<QString> committed;
        for (const Message& m :
            read(QStringLiteral(IAMSMART_SOURCE_DIR "/translations/iamsmart_console_zh_HK.ts"), &error))
            committed.insert(m.context + QLatin1Char('\x1f') + m.source);
        QStringList missing;
        for (const Message& m : read(fresh, &error)) {
            if (!committed.contains(m.context + QLatin1Char('\x1f') + m.source))
                missing << m.context + QStringLiteral(": ") + m.source;
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("run the update_translations target; not in the .ts files: ")
                + missing.join(QStringLiteral(" | "))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
