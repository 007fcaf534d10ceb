#include "TestSupport.h"
#include "flows/Flow.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

/// Every flow, run headless with `iamsmart run --mock` (its own simulator and listener in-process): passes
/// with scripted approval, fails with the right code when the phone rejects or lets it expire, and leaves
/// JUnit, HTML and HAR evidence without secrets.
class TestFlows : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    TestSupport::ProcessResult run(const QStringList& args)
    {
        // A private data directory, so the simulator state of this test is its own.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(TestSupport::iamsmartBinary(), args);
        TestSupport::ProcessResult r;
        if (!p.waitForStarted(10000) || !p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QString firstDecisionCode(QString flowId, const QString& decision)
    {
        if (flowId.startsWith(QLatin1String("gateway-"))) // the gateway passes iAM Smart's code on in `error`
            flowId = flowId.mid(8);
        if (flowId == QLatin1String("anonymous-formfilling"))
            flowId = QStringLiteral("anonymous-eme");
        const bool expire = decision == QLatin1String("expire");
        if (flowId.startsWith(QLatin1String("anonymous-eme")))
            return expire ? QStringLiteral("D60003") : QStringLiteral("D60001");
        if (flowId.startsWith(QLatin1String("anonymous-")))
            return expire ? QStringLiteral("D70003") : QStringLiteral("D70001");
        return expire ? QStringLiteral("D40003") : QStringLiteral("D40001");
    }

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void listMatchesTheFlowFiles()
    {
        const auto r = run({QStringLiteral("run"), QStringLiteral("--list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList ids = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        auto flows = Flows::loadFlows();
        QVERIFY2(flows.ok(), qPrintable(flows.ok() ? QString() : flows.error().detail));
        QCOMPARE(ids.size(), flows->size());
        for (const char* required :
            {"login", "login-profile", "login-eme", "login-sign", "login-pdfsign", "login-reauth", "anonymous-eme",
                "anonymous-sign", "anonymous-pdfsign", "bulk-sign", "login-profile-app", "gateway-login-formfilling"})
            QVERIFY2(ids.contains(QLatin1String(required)), required);
    }

    void everyFlowPasses_data()
    {
        QTest::addColumn<QString>("flow");
        auto flows = Flows::loadFlows();
        for (const Flows::FlowSpec& f : flows.value())
            QTest::newRow(qPrintable(f.id)) << f.id;
    }

    void everyFlowPasses()
    {
        QFETCH(QString, flow);
        const auto r = run({QStringLiteral("run"), flow, QStringLiteral("--mock")});
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QVERIFY(r.out.contains(flow.toUtf8() + " passed"));
        QVERIFY(!r.out.contains("FAIL"));
    }

    /// Issue 18: the PDF signing flows take a PDF (the bundled sample otherwise) and write the signed PDF,
    /// which poppler's pdfsig finds valid and covering the whole file (the mock CA is, rightly, not trusted).
    void pdfFlowsWriteASignedPdfThatPdfsigValidates_data()
    {
        QTest::addColumn<QString>("flow");
        QTest::addColumn<bool>("ownPdf");
        for (const char* f : {"login-pdfsign", "login-pdfsign-app", "anonymous-pdfsign", "anonymous-pdfsign-app",
                 "gateway-login-pdfsign", "gateway-anonymous-pdfsign"}) {
            QTest::newRow(f) << QString::fromLatin1(f) << true;
            QTest::newRow(qPrintable(QLatin1String(f) + QLatin1String("/sample"))) << QString::fromLatin1(f) << false;
        }
    }

    void pdfFlowsWriteASignedPdfThatPdfsigValidates()
    {
        QFETCH(QString, flow);
        QFETCH(bool, ownPdf);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.pdf"));
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        // An own PDF: a two-page one made by qpdf from the sample, so it is not the bundled file.
        QFile::copy(QStringLiteral(":/pdf/sample.pdf"), dir.filePath(QStringLiteral("sample.pdf")));
        const auto made = TestSupport::run(QStringLiteral("qpdf"),
            {QStringLiteral("--empty"), QStringLiteral("--pages"), dir.filePath(QStringLiteral("sample.pdf")),
                dir.filePath(QStringLiteral("sample.pdf")), QStringLiteral("--"), in});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QStringList args {QStringLiteral("run"), flow, QStringLiteral("--mock"), QStringLiteral("--signed-pdf"), out};
        if (ownPdf)
            args << QStringLiteral("--pdf") << in;
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QVERIFY(r.out.contains("signature valid"));
        const auto sig = TestSupport::run(QStringLiteral("pdfsig"), {out});
        QVERIFY2(sig.out.contains("Signature is Valid."), sig.out + sig.err);
        QVERIFY(sig.out.contains("Total document signed"));
        QVERIFY(sig.out.contains("Certificate issuer isn't Trusted.")); // the simulator's CA
        QVERIFY(sig.out.contains("Signer Certificate Common Name: "));
        const auto pages = TestSupport::run(QStringLiteral("qpdf"), {QStringLiteral("--show-npages"), out});
        QCOMPARE(pages.out.trimmed(), ownPdf ? QByteArray("2") : QByteArray("1"));
        QCOMPARE(TestSupport::run(QStringLiteral("qpdf"), {QStringLiteral("--check"), out}).exitCode, 0);
    }

    void pdfOptionsAreChecked_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("flow without a PDF") << QStringList {QStringLiteral("run"), QStringLiteral("login-sign"),
            QStringLiteral("--signed-pdf"), QStringLiteral("x.pdf")}
                                            << 2 << QByteArray("does not sign a PDF");
        QTest::newRow("missing file") << QStringList {QStringLiteral("run"), QStringLiteral("login-pdfsign"),
            QStringLiteral("--pdf"), QStringLiteral("/nonexistent.pdf")}
                                      << 2 << QByteArray("--pdf");
        QTest::newRow("not a PDF") << QStringList {QStringLiteral("run"), QStringLiteral("login-pdfsign"),
            QStringLiteral("--pdf"), QStringLiteral(IAMSMART_BIN_DIR "/iamsmart")}
                                   << 2 << QByteArray("is not a PDF");
    }

    void pdfOptionsAreChecked()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const auto r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void rejectAndExpireFailWithTheirCode_data()
    {
        QTest::addColumn<QString>("flow");
        QTest::addColumn<QString>("decision");
        auto flows = Flows::loadFlows();
        for (const Flows::FlowSpec& f : flows.value()) {
            for (const char* d : {"reject", "expire"})
                QTest::newRow(qPrintable(f.id + QLatin1Char('/') + QLatin1String(d))) << f.id << QString::fromLatin1(d);
        }
    }

    void rejectAndExpireFailWithTheirCode()
    {
        QFETCH(QString, flow);
        QFETCH(QString, decision);
        const auto r = run({QStringLiteral("run"), flow, QStringLiteral("--phone"), decision});
        QCOMPARE(r.exitCode, 1);
        const QString code = firstDecisionCode(flow, decision);
        QVERIFY2(r.out.contains("failed") && r.out.contains(code.toUtf8()),
            (r.out + " expected " + code.toUtf8()).constData());
    }

    void approveWithANonSignerFailsSigning()
    {
        const auto r = run({QStringLiteral("run"), QStringLiteral("login-sign"), QStringLiteral("--phone"),
            QStringLiteral("approve:ho-chun-kit")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("D70004"), r.out.constData());
    }

    void evidenceFilesWithoutSecrets()
    {
        QTemporaryDir out;
        const QString junit = out.filePath(QStringLiteral("junit.xml"));
        const QString report = out.filePath(QStringLiteral("report.html"));
        const QString har = out.filePath(QStringLiteral("run.har"));
        const auto r = run({QStringLiteral("run"), QStringLiteral("login-profile"), QStringLiteral("--junit"), junit,
            QStringLiteral("--report"), report, QStringLiteral("--har"), har, QStringLiteral("--lang"),
            QStringLiteral("zh-HK")});
        QCOMPARE(r.exitCode, 0);

        QFile j(junit);
        QVERIFY(j.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&j);
        int testcases = 0;
        int failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("testcase"))
                ++testcases;
            if (xml.isStartElement() && xml.name() == QLatin1String("failure"))
                ++failures;
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(testcases, 4);
        QCOMPARE(failures, 0);

        QFile h(report);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(h.readAll());
        QVERIFY(html.contains(QStringLiteral("lang=\"zh-HK\"")));
        QVERIFY(html.contains(QStringLiteral("登入及提供個人資料")));
        QVERIFY(html.contains(QStringLiteral("通過")));
        QVERIFY(html.contains(QStringLiteral("<svg"))); // QR codes and the sequence diagram, inline
        QVERIFY(html.contains(QStringLiteral("網上服務（本控制台）")));

        QFile a(har);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QJsonObject log = QJsonDocument::fromJson(a.readAll()).object().value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        QCOMPARE(log.value(QStringLiteral("entries")).toArray().size(), 3); // getKey, getToken, profile

        // The dev client's secret (a fixture in the state dir) appears in none of them.
        QFile client(m_home.filePath(QStringLiteral("data/iamsmart-console/mock/dev-client.json")));
        QVERIFY(client.open(QIODevice::ReadOnly));
        const QByteArray secret = QJsonDocument::fromJson(client.readAll())
                                      .object()
                                      .value(QStringLiteral("clientSecret"))
                                      .toString()
                                      .toLatin1();
        QVERIFY(secret.size() >= 32);
        for (const QString& path : {junit, report, har}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret), qPrintable(path));
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("no flow") << QStringList {QStringLiteral("run")} << QByteArray("flow");
        QTest::newRow("unknown flow") << QStringList {QStringLiteral("run"), QStringLiteral("moonwalk")}
                                      << QByteArray("moonwalk");
        QTest::newRow("bad phone") << QStringList {QStringLiteral("run"), QStringLiteral("login"),
            QStringLiteral("--phone"), QStringLiteral("maybe")}
                                   << QByteArray("--phone");
        QTest::newRow("unknown persona") << QStringList {QStringLiteral("run"), QStringLiteral("login"),
            QStringLiteral("--phone"), QStringLiteral("approve:nobody")}
                                         << QByteArray("nobody");
        QTest::newRow("bad lang") << QStringList {QStringLiteral("run"), QStringLiteral("login"),
            QStringLiteral("--lang"), QStringLiteral("fr")}
                                  << QByteArray("--lang");
        QTest::newRow("env and mock") << QStringList {QStringLiteral("run"), QStringLiteral("login"),
            QStringLiteral("--env"), QStringLiteral("x.json"), QStringLiteral("--mock")}
                                      << QByteArray("--env");
        QTest::newRow("missing env file") << QStringList {QStringLiteral("run"), QStringLiteral("login"),
            QStringLiteral("--env"), QStringLiteral("/nonexistent.json")}
                                          << QByteArray("--env");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const auto r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestFlows)
#include "tst_flows.moc"
