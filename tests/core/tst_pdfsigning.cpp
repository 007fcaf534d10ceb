#include "TestSupport.h"
#include "crypto/Signing.h"
#include "pdf/PdfSigning.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pdf;

/// Issue 18: a prepared PDF's docDigest, the simulator's CMS and the embedded signature, checked by independent
/// tools: poppler's pdfsig (the signature and that it covers the whole file), qpdf --check (structure) and
/// openssl cms -verify (the CMS over the prepared byte ranges). The signer certificate comes from a test CA,
/// as the simulator's does, so pdfsig does not trust it; these tests assert that it says so and nothing more.
class TestPdfSigning : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Crypto::CertifiedKey m_ca;
    Crypto::CertifiedKey m_signer;
    QByteArray m_sample;

    template <typename T> static QString why(const Util::Result<T>& r) { return r ? QString() : r.error().toString(); }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    static void write(const QString& file, const QByteArray& data)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

    QByteArray cmsFor(const QByteArray& digest) const
    {
        auto cms
            = Crypto::Signing::cmsForDigest(m_signer, m_ca.certificatePem, digest, QDateTime::currentDateTimeUtc());
        return cms ? cms.value() : QByteArray();
    }

    /// prepare → CMS over docDigest → embed, as the console and the flows do it.
    QByteArray sign(const QByteArray& pdf, const QString& reason = QStringLiteral("Approval"))
    {
        auto prepared = PdfSigning::prepare(pdf, {reason, QStringLiteral("Hong Kong"), QStringLiteral("Chan Tai Man")});
        if (!prepared) {
            qWarning() << prepared.error().toString();
            return {};
        }
        auto embedded = PdfSigning::embed(prepared->pdf, cmsFor(prepared->digest));
        if (!embedded) {
            qWarning() << embedded.error().toString();
            return {};
        }
        return embedded->pdf;
    }

    TestSupport::ProcessResult pdfsig(const QString& file)
    {
        return TestSupport::run(QStringLiteral("pdfsig"), {file});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto ca = Crypto::Signing::createAuthority(QStringLiteral("Test Mock CA"));
        QVERIFY(ca);
        m_ca = ca.value();
        auto signer = Crypto::Signing::issue(m_ca, QStringLiteral("Chan Tai Man"), QStringLiteral("Test"));
        QVERIFY(signer);
        m_signer = signer.value();
        QFile sample(QStringLiteral(":/pdf/sample.pdf"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        m_sample = sample.readAll();
        QVERIFY(PdfSigning::looksLikePdf(m_sample));
    }

    void prepareReservesContentsAndDigestsTheByteRange()
    {
        auto prepared = PdfSigning::prepare(
            m_sample, {QStringLiteral("Approval"), QStringLiteral("Hong Kong"), QStringLiteral("Chan Tai Man"), 8192});
        QVERIFY2(prepared, qPrintable(why(prepared)));
        QVERIFY(prepared->pdf.startsWith(m_sample)); // an incremental update: the original bytes come first
        QVERIFY(prepared->pdf.contains("/Adobe.PPKLite"));
        QVERIFY(prepared->pdf.contains("/adbe.pkcs7.detached"));
        QVERIFY(prepared->pdf.contains("/Reason(Approval)"));
        QVERIFY(prepared->pdf.contains("/Location(Hong Kong)"));
        QVERIFY(prepared->pdf.contains("/Name(Chan Tai Man)"));
        QVERIFY(prepared->pdf.contains("<" + QByteArray(2 * 8192, '0') + ">"));
        auto content = PdfSigning::signedContent(prepared->pdf);
        QVERIFY(content);
        QCOMPARE(content->size(), prepared->pdf.size() - 2 * 8192 - 2);
        QCOMPARE(prepared->digest, QCryptographicHash::hash(content.value(), QCryptographicHash::Sha256));
        QCOMPARE(QByteArray::fromBase64(prepared->docDigest().toLatin1()), prepared->digest);

        write(path(QStringLiteral("prepared.pdf")), prepared->pdf);
        const auto check = TestSupport::run(
            QStringLiteral("qpdf"), {QStringLiteral("--check"), path(QStringLiteral("prepared.pdf"))});
        QVERIFY2(check.exitCode == 0, check.out + check.err);
    }

    void simulatorCmsVerifiesWithOpensslOverTheByteRanges()
    {
        auto prepared = PdfSigning::prepare(m_sample, {});
        QVERIFY(prepared);
        const QByteArray cms = cmsFor(prepared->digest);
        QVERIFY(!cms.isEmpty());
        write(path(QStringLiteral("cms.der")), cms);
        write(path(QStringLiteral("content.bin")), PdfSigning::signedContent(prepared->pdf).value());
        const auto verify = TestSupport::openssl({QStringLiteral("cms"), QStringLiteral("-verify"),
            QStringLiteral("-binary"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
            path(QStringLiteral("cms.der")), QStringLiteral("-content"), path(QStringLiteral("content.bin")),
            QStringLiteral("-noverify"), QStringLiteral("-out"), path(QStringLiteral("verified.bin"))});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY(verify.err.contains("Verification successful"));
        // The signed attributes a PDF reader looks for, and both certificates.
        const auto dump = TestSupport::openssl(
            {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"), QStringLiteral("-inform"),
                QStringLiteral("DER"), QStringLiteral("-in"), path(QStringLiteral("cms.der"))});
        QCOMPARE(dump.exitCode, 0);
        QVERIFY(dump.out.contains("contentType"));
        QVERIFY(dump.out.contains("signingTime"));
        QVERIFY(dump.out.contains("messageDigest"));
        QVERIFY(dump.out.contains("CN=Test Mock CA"));
        QVERIFY(dump.out.contains("CN=Chan Tai Man"));
        QVERIFY(dump.out.contains("eContent: <ABSENT>")); // detached
        // A different content fails.
        write(path(QStringLiteral("other.bin")), "not the prepared PDF");
        const auto wrong = TestSupport::openssl({QStringLiteral("cms"), QStringLiteral("-verify"),
            QStringLiteral("-binary"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
            path(QStringLiteral("cms.der")), QStringLiteral("-content"), path(QStringLiteral("other.bin")),
            QStringLiteral("-noverify"), QStringLiteral("-out"), path(QStringLiteral("verified.bin"))});
        QVERIFY(wrong.exitCode != 0);
    }

    void signedPdfIsValidForPdfsigAndQpdf()
    {
        auto prepared = PdfSigning::prepare(m_sample, {QStringLiteral("Approval"), QStringLiteral("Hong Kong"), {}});
        QVERIFY(prepared);
        auto embedded = PdfSigning::embed(prepared->pdf, cmsFor(prepared->digest));
        QVERIFY2(embedded, qPrintable(why(embedded)));
        QCOMPARE(embedded->pdf.size(), prepared->pdf.size());
        QCOMPARE(embedded->signer, QStringLiteral("Chan Tai Man"));
        QCOMPARE(embedded->issuer, QStringLiteral("Test Mock CA"));
        QVERIFY(embedded->signatureValid);
        QVERIFY(embedded->signingTime.isValid());
        write(path(QStringLiteral("signed.pdf")), embedded->pdf);

        const auto sig = pdfsig(path(QStringLiteral("signed.pdf")));
        QVERIFY2(sig.out.contains("Signature is Valid."), sig.out + sig.err);
        QVERIFY2(sig.out.contains("Total document signed"), sig.out);
        QVERIFY(sig.out.contains("Signer Certificate Common Name: Chan Tai Man"));
        QVERIFY(sig.out.contains("adbe.pkcs7.detached"));
        // The simulator's CA is nobody's trust anchor: pdfsig says so, and that is expected.
        QVERIFY2(sig.out.contains("Certificate Validation: Certificate issuer isn't Trusted."), sig.out);

        const auto check
            = TestSupport::run(QStringLiteral("qpdf"), {QStringLiteral("--check"), path(QStringLiteral("signed.pdf"))});
        QVERIFY2(check.exitCode == 0, check.out + check.err);
        QVERIFY(check.out.contains("No syntax or stream encoding errors found"));
    }

    void secondSignatureKeepsTheFirstValid()
    {
        const QByteArray once = sign(m_sample, QStringLiteral("First"));
        QVERIFY(!once.isEmpty());
        const QByteArray twice = sign(once, QStringLiteral("Second"));
        QVERIFY(!twice.isEmpty());
        QVERIFY(twice.startsWith(once));
        write(path(QStringLiteral("twice.pdf")), twice);
        const auto sig = pdfsig(path(QStringLiteral("twice.pdf")));
        QVERIFY2(sig.out.contains("Signature #1") && sig.out.contains("Signature #2"), sig.out);
        QCOMPARE(sig.out.count("Signature is Valid."), 2);
        // The first covers the first revision only; the second the whole file.
        QCOMPARE(sig.out.count("Total document signed"), 1);
        QVERIFY2(sig.out.contains("Not total document signed"), sig.out);
        const auto check
            = TestSupport::run(QStringLiteral("qpdf"), {QStringLiteral("--check"), path(QStringLiteral("twice.pdf"))});
        QVERIFY2(check.exitCode == 0, check.out + check.err);
    }

    void pdfWithObjectStreamsAndXrefStreamSigns()
    {
        write(path(QStringLiteral("plain.pdf")), m_sample);
        const QString objstm = path(QStringLiteral("objstm.pdf"));
        const auto made = TestSupport::run(QStringLiteral("qpdf"),
            {path(QStringLiteral("plain.pdf")), QStringLiteral("--object-streams=generate"), objstm});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QFile f(objstm);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray signedPdf = sign(f.readAll());
        QVERIFY(!signedPdf.isEmpty());
        write(path(QStringLiteral("objstm-signed.pdf")), signedPdf);
        const auto sig = pdfsig(path(QStringLiteral("objstm-signed.pdf")));
        QVERIFY2(sig.out.contains("Signature is Valid.") && sig.out.contains("Total document signed"), sig.out);
        const auto check = TestSupport::run(
            QStringLiteral("qpdf"), {QStringLiteral("--check"), path(QStringLiteral("objstm-signed.pdf"))});
        QVERIFY2(check.exitCode == 0, check.out + check.err);
    }

    void flippedByteMakesPdfsigReportInvalid()
    {
        QByteArray signedPdf = sign(m_sample);
        QVERIFY(!signedPdf.isEmpty());
        const qsizetype at = signedPdf.indexOf("Sandbox Console"); // inside the page content, in the ByteRange
        QVERIFY(at > 0);
        signedPdf[at] = 'X';
        write(path(QStringLiteral("flipped.pdf")), signedPdf);
        const auto sig = pdfsig(path(QStringLiteral("flipped.pdf")));
        QVERIFY2(!sig.out.contains("Signature is Valid."), sig.out);
        // poppler names the way it is invalid: the bytes no longer hash to the signed messageDigest.
        QVERIFY2(sig.out.contains("Signature Validation: Digest Mismatch."), sig.out);
    }

    void badInputIsRefusedWithAClearError_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("code");
        QTest::newRow("not a PDF") << QByteArray("hello, not a PDF\n") << QStringLiteral("pdf-not-pdf");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("pdf-not-pdf");
        QTest::newRow("truncated") << QByteArray("%PDF-1.4\n1 0 obj <<") << QStringLiteral("pdf-not-pdf");
    }

    void badInputIsRefusedWithAClearError()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, code);
        auto prepared = PdfSigning::prepare(input, {});
        QVERIFY(!prepared);
        QCOMPARE(prepared.error().code, code);
        QVERIFY(!prepared.error().detail.isEmpty());
    }

    void encryptedPdfIsRefused()
    {
        write(path(QStringLiteral("plain.pdf")), m_sample);
        for (const QString& user : {QString(), QStringLiteral("secret")}) {
            const QString out
                = path(QStringLiteral("encrypted-%1.pdf").arg(user.isEmpty() ? QStringLiteral("open") : user));
            const auto enc = TestSupport::run(QStringLiteral("qpdf"),
                {QStringLiteral("--encrypt"), user, QStringLiteral("owner"), QStringLiteral("256"),
                    QStringLiteral("--"), path(QStringLiteral("plain.pdf")), out});
            QVERIFY2(enc.exitCode == 0, enc.err.constData());
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto prepared = PdfSigning::prepare(f.readAll(), {});
            QVERIFY(!prepared);
            QVERIFY2(prepared.error().code == QStringLiteral("pdf-encrypted"), qPrintable(why(prepared)));
        }
    }

    void embedRefusesWhatDoesNotFit()
    {
        auto prepared = PdfSigning::prepare(m_sample, {{}, {}, {}, 1024});
        QVERIFY(prepared);
        const QByteArray before = prepared->pdf;
        auto embedded = PdfSigning::embed(prepared->pdf, cmsFor(prepared->digest)); // ~2.5 KB with two certificates
        QVERIFY(!embedded);
        QCOMPARE(embedded.error().code, QStringLiteral("pdf-signature-too-large"));
        QCOMPARE(prepared->pdf, before);
    }

    void embedRefusesADigestOfAnotherFile()
    {
        auto prepared = PdfSigning::prepare(m_sample, {});
        auto other = PdfSigning::prepare(m_sample, {QStringLiteral("Other")});
        QVERIFY(prepared && other);
        QVERIFY(prepared->digest != other->digest);
        auto embedded = PdfSigning::embed(prepared->pdf, cmsFor(other->digest));
        QVERIFY(!embedded);
        QCOMPARE(embedded.error().code, QStringLiteral("pdf-digest-mismatch"));
        QVERIFY(embedded.error().detail.contains(other->docDigest()));
    }

    void embedRefusesWhatIsNotPreparedOrNotACms()
    {
        auto notPrepared = PdfSigning::embed(m_sample, QByteArray("x"));
        QVERIFY(!notPrepared);
        QCOMPARE(notPrepared.error().code, QStringLiteral("pdf-not-prepared"));
        auto prepared = PdfSigning::prepare(m_sample, {});
        QVERIFY(prepared);
        auto garbage = PdfSigning::embed(prepared->pdf, QByteArray("not DER"));
        QVERIFY(!garbage);
        QCOMPARE(garbage.error().code, QStringLiteral("pdf-bad-signature"));
        // A signed PDF has nothing left to fill.
        const QByteArray signedPdf = sign(m_sample);
        auto again = PdfSigning::embed(signedPdf, cmsFor(prepared->digest));
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("pdf-not-prepared"));
    }
};

QTEST_GUILESS_MAIN(TestPdfSigning)
#include "tst_pdfsigning.moc"
