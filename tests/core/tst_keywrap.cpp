#include "TestSupport.h"
#include "crypto/Encoding.h"
#include "crypto/KeyWrap.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Crypto;

/// protocol.md §3.3: RSA PKCS#1 v1.5 key wrap, key formats, tolerant unwrap. The openssl command line
/// makes the certificates and the OAEP ciphertexts, so our code is checked against an independent tool.
class TestKeyWrap : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QByteArray cek = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    QString path(const QString& name) const { return m_dir.filePath(name); }

    void mustRun(const QStringList& args)
    {
        const auto r = TestSupport::openssl(args, {}, m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        mustRun({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("key.pem"), QStringLiteral("-out"),
            QStringLiteral("cert.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=kek-test")});
        mustRun({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("cert.pem"), QStringLiteral("-outform"),
            QStringLiteral("DER"), QStringLiteral("-out"), QStringLiteral("cert.der")});
        mustRun({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("key.pem"), QStringLiteral("-pubout"),
            QStringLiteral("-out"), QStringLiteral("pub.pem")});
        mustRun({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("key.pem"), QStringLiteral("-pubout"),
            QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), QStringLiteral("pub.der")});
        mustRun({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"),
            QStringLiteral("key.pem"), QStringLiteral("-in"), QStringLiteral("cert.pem"), QStringLiteral("-out"),
            QStringLiteral("kek.p12"), QStringLiteral("-passout"), QStringLiteral("pass:8568185550716550")});
        mustRun({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("key.pem"), QStringLiteral("-aes256"),
            QStringLiteral("-passout"), QStringLiteral("pass:secret"), QStringLiteral("-out"),
            QStringLiteral("key-enc.pem")});
    }

    void publicKeyFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("certificate PEM") << QStringLiteral("cert.pem");
        QTest::newRow("certificate DER") << QStringLiteral("cert.der");
        QTest::newRow("public key PEM") << QStringLiteral("pub.pem");
        QTest::newRow("public key DER") << QStringLiteral("pub.der");
    }

    void publicKeyFormats()
    {
        QFETCH(QString, file);
        auto kek = RsaPublicKey::fromFile(path(file));
        QVERIFY2(kek.ok(), qPrintable(kek.ok() ? QString() : kek.error().toString()));
        QCOMPARE(kek->bits(), 2048);
        auto priv = RsaPrivateKey::fromFile(path(QStringLiteral("key.pem")));
        QVERIFY(priv.ok());
        auto wrapped = KeyWrap::wrap(kek.value(), cek);
        QVERIFY(wrapped.ok());
        QCOMPARE(Encoding::fromBase64(wrapped.value())->size(), 256);
        auto unwrapped = KeyWrap::unwrap(priv.value(), wrapped.value());
        QVERIFY(unwrapped.ok());
        QCOMPARE(unwrapped.value(), cek);
    }

    void opensslDecryptsOurWrap()
    {
        // Our PKCS#1 v1.5 ciphertext opens with openssl's default RSA padding.
        auto kek = RsaPublicKey::fromFile(path(QStringLiteral("cert.pem")));
        QVERIFY(kek.ok());
        auto wrapped = KeyWrap::wrap(kek.value(), cek);
        QVERIFY(wrapped.ok());
        QFile f(path(QStringLiteral("wrapped.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(Encoding::fromBase64(wrapped.value()).value());
        f.close();
        const auto r
            = TestSupport::openssl({QStringLiteral("pkeyutl"), QStringLiteral("-decrypt"), QStringLiteral("-inkey"),
                                       QStringLiteral("key.pem"), QStringLiteral("-in"), QStringLiteral("wrapped.bin"),
                                       QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:pkcs1")},
                {}, m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, cek);
    }

    void unwrapFormsAndPaddings_data()
    {
        QTest::addColumn<QStringList>("pkeyopts");
        QTest::addColumn<bool>("base64Text");
        QTest::newRow("PKCS#1 v1.5, raw") << QStringList {QStringLiteral("rsa_padding_mode:pkcs1")} << false;
        QTest::newRow("PKCS#1 v1.5, Base64 text") << QStringList {QStringLiteral("rsa_padding_mode:pkcs1")} << true;
        QTest::newRow("OAEP SHA-1 fallback") << QStringList {QStringLiteral("rsa_padding_mode:oaep")} << false;
        QTest::newRow("OAEP SHA-256 fallback") << QStringList {QStringLiteral("rsa_padding_mode:oaep"),
            QStringLiteral("rsa_oaep_md:sha256"), QStringLiteral("rsa_mgf1_md:sha256")}
                                               << false;
    }

    void unwrapFormsAndPaddings()
    {
        QFETCH(QStringList, pkeyopts);
        QFETCH(bool, base64Text);
        QStringList args {QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"), QStringLiteral("-pubin"),
            QStringLiteral("-inkey"), QStringLiteral("pub.pem")};
        for (const QString& o : pkeyopts)
            args << QStringLiteral("-pkeyopt") << o;
        const auto r = TestSupport::openssl(args, base64Text ? cek.toBase64() : cek, m_dir.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto priv = RsaPrivateKey::fromFile(path(QStringLiteral("key.pem")));
        QVERIFY(priv.ok());
        auto unwrapped = KeyWrap::unwrap(priv.value(), r.out.toBase64());
        QVERIFY2(unwrapped.ok(), qPrintable(unwrapped.ok() ? QString() : unwrapped.error().toString()));
        QCOMPARE(unwrapped.value(), cek);
    }

    /// An OAEP block decodes as PKCS#1 v1.5 too about once in 430 (it starts with 00, and 02 follows by chance):
    /// such a secretKey still unwraps to its CEK, because the first decoding that is a CEK wins.
    void oaepBlockThatAlsoDecodesAsPkcs1()
    {
        QFile file(path(QStringLiteral("key.pem")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        QVERIFY(pkey);
        auto priv = RsaPrivateKey::fromFile(path(QStringLiteral("key.pem")));
        QVERIFY(priv.ok());
        auto crypt = [&](bool encrypt, int padding, const QByteArray& in, QByteArray* out) {
            EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(pkey, nullptr);
            bool ok = (encrypt ? EVP_PKEY_encrypt_init(ctx) : EVP_PKEY_decrypt_init(ctx)) > 0
                && EVP_PKEY_CTX_set_rsa_padding(ctx, padding) > 0;
            size_t length = size_t(EVP_PKEY_get_size(pkey));
            out->resize(qsizetype(length));
            const auto* from = reinterpret_cast<const unsigned char*>(in.constData());
            auto* to = reinterpret_cast<unsigned char*>(out->data());
            ok = ok
                && (encrypt ? EVP_PKEY_encrypt(ctx, to, &length, from, size_t(in.size()))
                            : EVP_PKEY_decrypt(ctx, to, &length, from, size_t(in.size())))
                    > 0;
            out->resize(ok ? qsizetype(length) : 0);
            EVP_PKEY_CTX_free(ctx);
            return ok;
        };
        int found = 0;
        for (int i = 0; i < 20000 && found < 2; ++i) {
            QByteArray wrapped;
            QVERIFY(crypt(true, RSA_PKCS1_OAEP_PADDING, cek, &wrapped));
            QByteArray asPkcs1;
            if (!crypt(false, RSA_PKCS1_PADDING, wrapped, &asPkcs1))
                continue;
            ++found;
            auto unwrapped = KeyWrap::unwrap(priv.value(), wrapped.toBase64());
            QVERIFY2(unwrapped.ok(), qPrintable(unwrapped.ok() ? QString() : unwrapped.error().toString()));
            QCOMPARE(unwrapped.value(), cek);
        }
        EVP_PKEY_free(pkey);
        QCOMPARE(found, 2);
    }

    void privateKeyFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("error");
        QTest::newRow("PEM") << QStringLiteral("key.pem") << QByteArray() << QString();
        QTest::newRow("encrypted PEM") << QStringLiteral("key-enc.pem") << QByteArray("secret") << QString();
        QTest::newRow("encrypted PEM, wrong password")
            << QStringLiteral("key-enc.pem") << QByteArray("nope") << KeyError::BadPassword;
        QTest::newRow("PKCS#12") << QStringLiteral("kek.p12") << QByteArray("8568185550716550") << QString();
        QTest::newRow("PKCS#12, wrong password")
            << QStringLiteral("kek.p12") << QByteArray("0000") << KeyError::BadPassword;
        QTest::newRow("certificate is no private key")
            << QStringLiteral("cert.pem") << QByteArray() << KeyError::BadKey;
        QTest::newRow("missing file") << QStringLiteral("absent.pem") << QByteArray() << KeyError::Io;
    }

    void privateKeyFormats()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, password);
        QFETCH(QString, error);
        auto key = RsaPrivateKey::fromFile(path(file), password);
        if (!error.isEmpty()) {
            QVERIFY(!key.ok());
            QCOMPARE(key.error().code, error);
            return;
        }
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
        auto kek = RsaPublicKey::fromFile(path(QStringLiteral("cert.pem")));
        QCOMPARE(key->publicKey().toDer(), kek->toDer());
    }

    void unwrapFailures()
    {
        auto priv = RsaPrivateKey::fromFile(path(QStringLiteral("key.pem")));
        auto other = RsaPrivateKey::generate(2048);
        QVERIFY(priv.ok() && other.ok());
        auto wrapped = KeyWrap::wrap(other->publicKey(), cek);
        QVERIFY(wrapped.ok());
        QCOMPARE(KeyWrap::unwrap(priv.value(), wrapped.value()).error().code, WrapError::DecryptFailed);
        QCOMPARE(KeyWrap::unwrap(priv.value(), "not base64!").error().code, WrapError::BadBase64);
        QCOMPARE(KeyWrap::unwrap(priv.value(), QByteArray(256, 'A')).error().code, WrapError::DecryptFailed);
        QCOMPARE(KeyWrap::unwrap(RsaPrivateKey(), wrapped.value()).error().code, KeyError::BadKey);
        // A 16-byte key inside the envelope is neither form the protocol allows.
        const auto r
            = TestSupport::openssl({QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"), QStringLiteral("-pubin"),
                                       QStringLiteral("-inkey"), QStringLiteral("pub.pem")},
                cek.left(16), m_dir.path());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(KeyWrap::unwrap(priv.value(), r.out.toBase64()).error().code, WrapError::BadCekLength);
        QCOMPARE(KeyWrap::wrap(other->publicKey(), cek.left(31)).error().code, WrapError::BadCekLength);
    }

    void garbageKeysAreErrors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello");
        QTest::newRow("broken PEM") << QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        QTest::newRow("random DER") << QByteArray(300, '\x30');
    }

    void garbageKeysAreErrors()
    {
        QFETCH(QByteArray, data);
        QVERIFY(!RsaPublicKey::fromData(data).ok());
        QVERIFY(!RsaPrivateKey::fromData(data).ok());
    }

    void generatedKeyExportsPem()
    {
        auto key = RsaPrivateKey::generate(2048);
        QVERIFY(key.ok());
        auto reloaded = RsaPrivateKey::fromData(key->toPem());
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->publicKey().toDer(), key->publicKey().toDer());
        auto pub = RsaPublicKey::fromData(key->publicKey().toPem());
        QVERIFY(pub.ok());
        QCOMPARE(pub->toDer(), key->publicKey().toDer());
    }
};

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "tst_keywrap.moc"
