#include "mock/MockCa.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Mock::MockCa;

/// The mock CA: made once in the state dir (keys readable by the owner only) and loaded afterwards; a signing
/// certificate for every persona that may sign; hash signatures and PDF CMS signatures that verify.
class TestMockCa : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<Mock::Persona> m_personas;
    MockCa m_ca;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto personas = Mock::loadPersonas();
        QVERIFY(personas);
        m_personas = *personas;
        QVERIFY(m_ca.loadOrCreate(m_dir.path(), m_personas));
    }

    void createsOnceThenLoads()
    {
        const QString key = m_dir.filePath(QStringLiteral("ca/mock-ca.key"));
        QVERIFY(QFileInfo::exists(key));
        QCOMPARE(QFileInfo(key).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        QCOMPARE(m_ca.certificatePath(), m_dir.filePath(QStringLiteral("ca/mock-ca.crt")));
        MockCa again;
        QVERIFY(again.loadOrCreate(m_dir.path(), m_personas));
        QCOMPARE(again.certificatePem(), m_ca.certificatePem());
    }

    void signersForPersonasThatMaySign()
    {
        for (const Mock::Persona& p : std::as_const(m_personas))
            QCOMPARE(m_ca.signer(p.id) != nullptr, p.hasCertificate()); // active and able to sign
        QVERIFY(!m_ca.signer(QStringLiteral("nobody")));
    }

    void signsAHash()
    {
        const Mock::Persona* signerPersona = nullptr;
        for (const Mock::Persona& p : std::as_const(m_personas))
            if (p.hasCertificate())
                signerPersona = &p;
        QVERIFY(signerPersona);
        const Crypto::CertifiedKey* signer = m_ca.signer(signerPersona->id);
        const QByteArray hash = QCryptographicHash::hash("document", QCryptographicHash::Sha256);
        const QJsonObject request {{QStringLiteral("hashCode"), QString::fromLatin1(hash.toBase64())}};
        auto signedHash = m_ca.sign(request, *signer, 1234);
        QVERIFY(signedHash);
        QCOMPARE(signedHash->value(QLatin1String("timestamp")).toInteger(), 1234);
        QCOMPARE(signedHash->value(QLatin1String("hashCode")).toString(), QString::fromLatin1(hash.toBase64()));
        // PKCS#1 v1.5 is deterministic: the same request signs the same, another one differently.
        QCOMPARE(m_ca.sign(request, *signer, 1)->value(QLatin1String("signature")),
            signedHash->value(QLatin1String("signature")));
        const QByteArray signature = QByteArray::fromBase64(signedHash->value(QLatin1String("signature")).toString().toLatin1());
        QCOMPARE(signature.size(), 256);

        auto unknown = m_ca.sign({{QStringLiteral("hashCode"), QStringLiteral("AA==")}, {QStringLiteral("sigAlgo"), QStringLiteral("MD5withRSA")}}, *signer, 1);
        QVERIFY(!unknown);
    }

    void makesAPdfSignaturesCms()
    {
        const Crypto::CertifiedKey* signer = nullptr;
        for (const Mock::Persona& p : std::as_const(m_personas))
            if (p.hasCertificate())
                signer = m_ca.signer(p.id);
        QVERIFY(signer);
        const QByteArray digest = QCryptographicHash::hash("pdf bytes", QCryptographicHash::Sha256);
        auto signedPdf = m_ca.sign({{QStringLiteral("docDigest"), QString::fromLatin1(digest.toBase64())}}, *signer,
            1'700'000'000'000);
        QVERIFY(signedPdf);
        const QByteArray cms = QByteArray::fromBase64(signedPdf->value(QLatin1String("pdfSignature")).toString().toLatin1());
        auto info = Crypto::Signing::inspectCms(cms, "pdf bytes");
        QVERIFY(info);
        QCOMPARE(info->messageDigest, digest);
        QVERIFY(info->valid);
        QCOMPARE(info->issuer, QStringLiteral("iAM Smart Mock CA"));
    }
};

QTEST_GUILESS_MAIN(TestMockCa)
#include "tst_mockca.moc"
