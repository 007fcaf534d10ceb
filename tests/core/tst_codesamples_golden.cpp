#include "protocol/ApiCatalog.h"
#include "protocol/CodeSamples.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QFile>
#include <QTest>

using Protocol::CodeSamples;
using Protocol::SampleInput;

/// Every code sample, byte for byte: each API of the catalog in each language, under four ways an environment
/// protects a request (signed and encrypted; encrypted only, with the subscription key, added headers and query
/// and a body that needs escaping; signed only; neither). The expected texts are tests/golden/samples/
/// <file name of the language>.<variant>.txt, every API one after another under a "==== id ====" line. They record
/// what the generator wrote when the test was added, so a change to the renderer or the templates that changes a
/// sample shows here as a diff. IAMSMART_UPDATE_GOLDEN=1 rewrites them (then review the diff). The samples are
/// data (resources/samples): a ninth language needs no code.
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

    static QString render(const QString& language, const Variant& v)
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
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("variant");
        for (const QString& language : CodeSamples::languages()) {
            for (int v = 0; v < int(std::size(variants)); ++v)
                QTest::addRow("%s.%s", qPrintable(CodeSamples::fileName(language)), variants[v].name)
                    << language << v;
        }
    }

    void sampleIsUnchanged()
    {
        QFETCH(QString, language);
        QFETCH(int, variant);
        const QString& lang = language;
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

    /// A ninth language is a template and an entry in languages.json: no code. The compiled-in samples are copied
    /// to a directory, a Go entry added, and the book loaded from there offers it after the eight.
    void aNinthLanguageIsData()
    {
        QTemporaryDir dir;
        QDirIterator files(QStringLiteral(":/samples"), QDir::Files);
        while (files.hasNext()) {
            const QString from = files.next();
            QVERIFY(QFile::copy(from, dir.filePath(files.fileName())));
        }
        QFile json(dir.filePath(QStringLiteral("languages.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        json.close();
        QJsonArray languages = root.value(QLatin1String("languages")).toArray();
        languages.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("go")}, {QStringLiteral("name"), QStringLiteral("Go")},
            {QStringLiteral("file"), QStringLiteral("main.go")}, {QStringLiteral("comment"), QStringLiteral("//")},
            {QStringLiteral("quote"), QStringLiteral("script-single")}, {QStringLiteral("quoteBody"), QStringLiteral("java")},
            {QStringLiteral("requires"), QStringLiteral("Go 1.21+.")}, {QStringLiteral("run"), QStringLiteral("go run main.go")},
            {QStringLiteral("extraHeader"), QStringLiteral("\treq.Header.Set({{name}}, {{value}})")}});
        root.insert(QStringLiteral("languages"), languages);
        QFile::setPermissions(json.fileName(), QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(json.open(QIODevice::WriteOnly | QIODevice::Truncate));
        json.write(QJsonDocument(root).toJson());
        json.close();
        QFile tpl(dir.filePath(QStringLiteral("go.tpl")));
        QVERIFY(tpl.open(QIODevice::WriteOnly));
        tpl.write("{{HEADER}}\npackage main\n\nconst body = {{BODY}}\n{{#sign}}\n// signed\n{{/sign}}\n{{#extra}}\n{{EXTRA_HEADERS}}\n{{/extra}}\n");
        tpl.close();

        const auto book = Protocol::SampleBook::load(dir.path());
        QVERIFY2(book.ok(), qPrintable(book.ok() ? QString() : book.error().detail));
        QCOMPARE(book->languageIds().size(), CodeSamples::languages().size() + 1);
        QCOMPARE(book->languageIds().last(), QStringLiteral("go"));
        SampleInput in;
        in.baseUrl = QStringLiteral("http://127.0.0.1:8080");
        in.api = Protocol::ApiCatalog::builtin().api(QStringLiteral("auth.getToken"));
        in.body = in.api->mockValues();
        in.extras.headers = {{QStringLiteral("X-Trace-Id"), QStringLiteral("t1")}};
        const QString go = book->generate(QStringLiteral("go"), in);
        QVERIFY2(go.startsWith(QStringLiteral("// iAM Smart sample: auth.getToken (POST /api/v1/auth/getToken)\n")), qPrintable(go));
        QVERIFY2(go.contains(QStringLiteral("// Run: go run main.go\n")), qPrintable(go));
        QVERIFY2(go.contains(QStringLiteral("\npackage main\n\nconst body = \"{\\\"code\\\":")), qPrintable(go));
        QVERIFY2(go.endsWith(QStringLiteral("\n// signed\n\treq.Header.Set('X-Trace-Id', 't1')\n")), qPrintable(go));
        // The eight are unchanged in the copy.
        QCOMPARE(book->generate(QStringLiteral("python"), in), CodeSamples::generate(QStringLiteral("python"), in));
    }

    /// A broken languages.json is an error naming the language and what is wrong, never a half-loaded book.
    void aBrokenLanguageIsNamed()
    {
        QTemporaryDir dir;
        QFile json(dir.filePath(QStringLiteral("languages.json")));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"languages":[{"id":"cobol","name":"COBOL","file":"a.cob","comment":"*","quote":"pic-x",)"
                   R"("quoteBody":"shell","requires":"a mainframe","run":"submit"}]})");
        json.close();
        const auto book = Protocol::SampleBook::load(dir.path());
        QVERIFY(!book.ok());
        QCOMPARE(book.error().code, QStringLiteral("bad-samples"));
        const QString detail = book.error().detail;
        QVERIFY2(detail.contains(QStringLiteral("language cobol: extraHeader is missing")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("language cobol: quote and quoteBody")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("cobol.tpl")), qPrintable(detail));
    }
};

QTEST_GUILESS_MAIN(TestCodeSamplesGolden)
#include "tst_codesamples_golden.moc"
