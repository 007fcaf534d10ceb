#include "protocol/ApiCatalog.h"
#include "protocol/CodeSamples.h"

#include <QDir>
#include <QFile>
#include <QTest>

using Protocol::CodeSamples;
using Protocol::SampleInput;
using Protocol::SampleLanguage;

/// Every code sample, byte for byte: each API of the catalog in each language, under four ways an environment
/// protects a request (signed and encrypted; encrypted only, with the subscription key, added headers and query
/// and a body that needs escaping; signed only; neither). The expected texts are tests/golden/samples/
/// <file name of the language>.<variant>.txt, every API one after another under a "==== id ====" line. They record
/// what the generator wrote when the test was added, so a change to the renderer or the templates that changes a
/// sample shows here as a diff. IAMSMART_UPDATE_GOLDEN=1 rewrites them (then review the diff).
class TestCodeSamplesGolden : public QObject
{
    Q_OBJECT

private:
    struct Variant
    {
        const char* name;
        bool encrypt;
        bool sign;
        bool subscriptionKey;
        bool extras;
    };
    static constexpr Variant variants[] = {
        {"full", true, true, false, false},
        {"encrypt-subkey-extras", true, false, true, true},
        {"sign", false, true, false, false},
        {"plain", false, false, false, false},
    };

    static QString goldenDir() { return QStringLiteral(IAMSMART_SOURCE_DIR "/tests/golden/samples"); }

    static QString render(SampleLanguage language, const Variant& v)
    {
        QString out;
        for (const Protocol::ApiSpec& api : Protocol::ApiCatalog::builtin().apis()) {
            SampleInput in;
            in.baseUrl = QStringLiteral("http://127.0.0.1:8080");
            in.api = &api;
            in.clientId = QStringLiteral("edae2e2529ff46228af1e4d18c8405d1");
            in.encrypt = v.encrypt;
            in.sign = v.sign;
            in.subscriptionKey = v.subscriptionKey;
            in.body = api.mockValues();
            if (v.extras) {
                // Quotes, a backslash, shell and interpolation characters, a would-be placeholder, non-ASCII.
                in.body.insert(QStringLiteral("note"), QStringLiteral("it's \"q\" \\ $x `y` #{z} {{URL}} %s \u4e2d"));
                in.extras.headers = {{QStringLiteral("X-Trace-Id"), QStringLiteral("a'b\"c\\d \u4e2d")},
                    {QStringLiteral("Bad Name"), QStringLiteral("skipped")}};
                in.extras.query = {{QStringLiteral("debug"), QStringLiteral("1 & 2")}};
            }
            out += QStringLiteral("==== %1 ====\n").arg(api.id) + CodeSamples::generate(language, in)
                + QLatin1Char('\n');
        }
        return out;
    }

private slots:
    void sampleIsUnchanged_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<int>("variant");
        for (SampleLanguage language : CodeSamples::languages()) {
            for (int v = 0; v < int(std::size(variants)); ++v)
                QTest::addRow("%s.%s", qPrintable(CodeSamples::fileName(language)), variants[v].name)
                    << int(language) << v;
        }
    }

    void sampleIsUnchanged()
    {
        QFETCH(int, language);
        QFETCH(int, variant);
        const SampleLanguage lang = SampleLanguage(language);
        const QString actual = render(lang, variants[variant]);
        QVERIFY(actual.count(QStringLiteral("==== ")) >= 30); // every API of the catalog
        const QString path = goldenDir()
            + QStringLiteral("/%1.%2.txt").arg(CodeSamples::fileName(lang), QLatin1String(variants[variant].name));
        if (qEnvironmentVariableIsSet("IAMSMART_UPDATE_GOLDEN")) {
            QDir().mkpath(goldenDir());
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(actual.toUtf8());
            return;
        }
        QFile in(path);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(": missing (IAMSMART_UPDATE_GOLDEN=1)")));
        const QString expected = QString::fromUtf8(in.readAll());
        if (actual == expected)
            return;
        // Name the first line that differs, with both versions of it.
        const QStringList a = actual.split(QLatin1Char('\n'));
        const QStringList e = expected.split(QLatin1Char('\n'));
        qsizetype line = 0;
        while (line < a.size() && line < e.size() && a.at(line) == e.at(line))
            ++line;
        QString api;
        for (qsizetype i = std::min(line, e.size() - 1); i >= 0 && api.isEmpty(); --i) {
            if (e.at(i).startsWith(QLatin1String("==== ")))
                api = e.at(i);
        }
        QFAIL(qPrintable(QStringLiteral("%1 line %2 (%3)\n  expected: %4\n  actual:   %5")
                             .arg(path)
                             .arg(line + 1)
                             .arg(api, e.value(line, QStringLiteral("<end>")), a.value(line, QStringLiteral("<end>")))));
    }
};

QTEST_GUILESS_MAIN(TestCodeSamplesGolden)
#include "tst_codesamples_golden.moc"
