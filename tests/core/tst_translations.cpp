#include "TestSupport.h"
#include "TsFile.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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
                QStringLiteral("-no-obsolete"), QStringLiteral(IAMSMART_SOURCE_DIR "/ui"), QStringLiteral("-ts"),
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
