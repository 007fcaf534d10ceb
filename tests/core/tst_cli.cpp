#include "TestSupport.h"
#include "crypto/Signing.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::run;

/// The headless `iamsmart` tool, run as a process: subcommands, the §10 vectors, and usage errors.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString keyHex = QStringLiteral("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    const QByteArray vector
        = "AAAADKChoqOkpaanqKmqq506H0IhriCFQB3/q2ZO8rtHmjt2ptQgXKQ6EOdJkxA3tk50m5kSagt9sCavexvtjRNiNi1A6jgf"
          "NCpjMdYZ/9HA1eoBb8aLhJHAgn7DfIETsKvVY5g9bOrtPp4=";
    const QByteArray plaintext = R"({"code":"xxxa42e76bf4cb0846a68e6d83d6096","grantType":"authorization_code"})";

    TestSupport::ProcessResult cli(const QStringList& args, const QByteArray& input = {})
    {
        return run(TestSupport::iamsmartBinary(), args, input, m_dir.path());
    }

    /// The tool with extra environment variables (and none of the IAMSMART_* ones of the test's own environment).
    TestSupport::ProcessResult cliWithEnv(
        const QStringList& args, const QHash<QString, QString>& env, const QByteArray& input = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString& name : e.keys()) {
            if (name.startsWith(QLatin1String("IAMSMART_")))
                e.remove(name);
        }
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.setWorkingDirectory(m_dir.path());
        p.start(TestSupport::iamsmartBinary(), args);
        TestSupport::ProcessResult r;
        if (!p.waitForStarted(10000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString write(const QString& name, const QByteArray& data)
    {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
        return f.fileName();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void version()
    {
        const auto r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("iamsmart "));
    }

    void help()
    {
        const auto r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* c : {"sign", "encrypt", "decrypt", "wrap-key", "unwrap-key", "qr-url", "catalog"})
            QVERIFY2(r.out.contains(c), c);
    }

    void signVectors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("base64");
        QTest::addColumn<QString>("header");
        QTest::newRow("{}") << QByteArray("{}") << QStringLiteral("gKwFv7BbQnKiufcE+ZNhuiTeN8FLRTqoh6i1C15i5DY=")
                            << QStringLiteral("gKwFv7BbQnKiufcE%2BZNhuiTeN8FLRTqoh6i1C15i5DY%3D");
        QTest::newRow("getToken") << plaintext << QStringLiteral("ABo3qouYKKSxMNk1uXipmFD4qWRoyQ9Z7+8AAMNOmGE=")
                                  << QStringLiteral("ABo3qouYKKSxMNk1uXipmFD4qWRoyQ9Z7%2B8AAMNOmGE%3D");
        QTest::newRow("wrapper") << QByteArray("{\"content\":\"" + vector + "\"}")
                                 << QStringLiteral("QzkxWNRfOu22ULxGAIJiP2MFAzeESVfyAiboAePytR0=")
                                 << QStringLiteral("QzkxWNRfOu22ULxGAIJiP2MFAzeESVfyAiboAePytR0%3D");
    }

    void signVectors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, base64);
        QFETCH(QString, header);
        const QStringList common {QStringLiteral("sign"), QStringLiteral("--client-id"),
            QStringLiteral("edae2e2529ff46228af1e4d18c8405d1"), QStringLiteral("--secret"),
            QStringLiteral("0123456789abcdef0123456789abcdef"), QStringLiteral("--timestamp"),
            QStringLiteral("1557048906183"), QStringLiteral("--nonce"),
            QStringLiteral("e893647dc4204eb9b7b8eddd527b687c")};
        // From a file and from stdin: the same bytes, the same signature.
        for (const bool viaStdin : {false, true}) {
            const QString file = viaStdin ? QStringLiteral("-") : write(QStringLiteral("body.json"), body);
            const auto r
                = cli(common + QStringList {QStringLiteral("--body-file"), file}, viaStdin ? body : QByteArray());
            QCOMPARE(r.exitCode, 0);
            const QJsonObject o = QJsonDocument::fromJson(r.out).object();
            QCOMPARE(o.value(QStringLiteral("signatureBase64")).toString(), base64);
            QCOMPARE(o.value(QStringLiteral("signatureHeader")).toString(), header);
            QCOMPARE(o.value(QStringLiteral("timestamp")).toString(), QStringLiteral("1557048906183"));
            QCOMPARE(o.value(QStringLiteral("nonce")).toString(), QStringLiteral("e893647dc4204eb9b7b8eddd527b687c"));
            QCOMPARE(o.value(QStringLiteral("stringToSign")).toString().toUtf8(),
                "edae2e2529ff46228af1e4d18c8405d1HmacSHA2561557048906183e893647dc4204eb9b7b8eddd527b687c" + body);
        }
    }

    void signDefaultsTimestampAndNonce()
    {
        const auto r = cli({QStringLiteral("sign"), QStringLiteral("--client-id"), QStringLiteral("c"),
            QStringLiteral("--secret"), QStringLiteral("s")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.value(QStringLiteral("timestamp")).toString().toLongLong() > 1'700'000'000'000);
        QCOMPARE(o.value(QStringLiteral("nonce")).toString().size(), 32);
    }

    void encryptVector()
    {
        const auto r = cli({QStringLiteral("encrypt"), QStringLiteral("--key-hex"), keyHex, QStringLiteral("--iv-hex"),
                               QStringLiteral("a0a1a2a3a4a5a6a7a8a9aaab")},
            plaintext);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), vector);
    }

    void encryptDecryptRoundTrip()
    {
        const QByteArray text = QStringLiteral(R"({"chName":{"ChineseName":"陳大文"}})").toUtf8();
        const auto enc = cli({QStringLiteral("encrypt"), QStringLiteral("--key-hex"), keyHex, QStringLiteral("--in"),
            write(QStringLiteral("plain.json"), text)});
        QCOMPARE(enc.exitCode, 0);
        const auto dec = cli({QStringLiteral("decrypt"), QStringLiteral("--key-hex"), keyHex}, enc.out);
        QCOMPARE(dec.exitCode, 0);
        QCOMPARE(dec.out, text);
        const auto dec2 = cli({QStringLiteral("decrypt"), QStringLiteral("--key-hex"), keyHex}, vector);
        QCOMPARE(dec2.out, plaintext);
    }

    void decryptFailuresExitOneAndSayWhich_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("which");
        QByteArray raw = QByteArray::fromBase64(vector);
        raw[30] = char(raw[30] ^ 1);
        QByteArray iv = QByteArray::fromBase64(vector);
        iv[3] = 8;
        QTest::newRow("bad base64") << QByteArray("%%%%") << keyHex << QByteArray("bad-base64");
        QTest::newRow("iv length") << iv.toBase64() << keyHex << QByteArray("bad-iv-length");
        QTest::newRow("truncated") << QByteArray::fromBase64(vector).left(20).toBase64() << keyHex
                                   << QByteArray("truncated");
        QTest::newRow("tag mismatch") << raw.toBase64() << keyHex << QByteArray("tag-mismatch");
        QString wrong = keyHex;
        wrong[0] = QLatin1Char('f');
        QTest::newRow("wrong key") << vector << wrong << QByteArray("tag-mismatch");
    }

    void decryptFailuresExitOneAndSayWhich()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, key);
        QFETCH(QByteArray, which);
        const auto r = cli({QStringLiteral("decrypt"), QStringLiteral("--key-hex"), key}, blob);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(which), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void wrapUnwrapRoundTrip()
    {
        const auto gen = TestSupport::openssl(
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("kek.key"), QStringLiteral("-out"),
                QStringLiteral("kek.crt"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                QStringLiteral("/CN=cli")},
            {}, m_dir.path());
        QCOMPARE(gen.exitCode, 0);
        const auto wrapped = cli({QStringLiteral("wrap-key"), QStringLiteral("--cert"),
            m_dir.filePath(QStringLiteral("kek.crt")), QStringLiteral("--key-hex"), keyHex});
        QCOMPARE(wrapped.exitCode, 0);
        QCOMPARE(QByteArray::fromBase64(wrapped.out.trimmed()).size(), 256);
        const auto unwrapped
            = cli({QStringLiteral("unwrap-key"), QStringLiteral("--private-key"),
                      m_dir.filePath(QStringLiteral("kek.key")), QStringLiteral("--in"), QStringLiteral("-")},
                wrapped.out);
        QCOMPARE(unwrapped.exitCode, 0);
        QCOMPARE(unwrapped.out.trimmed(), keyHex.toLatin1());
    }

    void qrUrl()
    {
        const auto r = cli({QStringLiteral("qr-url"), QStringLiteral("--base-url"),
            QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--client-id"), QStringLiteral("abc"),
            QStringLiteral("--source"), QStringLiteral("PC_Browser"), QStringLiteral("--redirect-uri"),
            QStringLiteral("https://rp/cb"), QStringLiteral("--scope"), QStringLiteral("eidapi_auth eidapi_profiles"),
            QStringLiteral("--lang"), QStringLiteral("zh-HK"), QStringLiteral("--state"), QStringLiteral("s1"),
            QStringLiteral("--broker-page"), QStringLiteral("false")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(),
            QByteArray("http://127.0.0.1:9/api/v1/auth/getQR?clientID=abc&responseType=code&source=PC_Browser"
                       "&redirectURI=https%3A%2F%2Frp%2Fcb&scope=eidapi_auth%20eidapi_profiles&lang=zh-HK&state=s1"
                       "&brokerPage=false"));
    }

    void catalogListAndShow()
    {
        const auto list = cli({QStringLiteral("catalog"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray apis = QJsonDocument::fromJson(list.out).array();
        QVERIFY(apis.size() >= 26);
        bool found = false;
        for (const auto& a : apis)
            found |= a.toObject().value(QStringLiteral("id")).toString() == QLatin1String("auth.getToken");
        QVERIFY(found);
        const auto show = cli({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("auth.getToken")});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(show.out).object();
        QCOMPARE(o.value(QStringLiteral("path")).toString(), QStringLiteral("/auth/getToken"));
        QVERIFY(o.value(QStringLiteral("fields")).isArray());
    }

    /// Issue 18: `pdf prepare` prints the docDigest, `pdf embed` takes the pdfSignature (Base64, from stdin
    /// here) and writes a PDF poppler's pdfsig validates; bad input fails with its code and writes nothing.
    void pdfPrepareThenEmbed()
    {
        QFile sample(QStringLiteral(":/pdf/sample.pdf"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QByteArray original = sample.readAll();
        const QString in = write(QStringLiteral("in.pdf"), original);
        const QString prepared = m_dir.filePath(QStringLiteral("prepared.pdf"));
        const auto prep = cli({QStringLiteral("pdf"), QStringLiteral("prepare"), in, QStringLiteral("--out"), prepared,
            QStringLiteral("--reason"), QStringLiteral("Contract"), QStringLiteral("--name"), QStringLiteral("Chan")});
        QVERIFY2(prep.exitCode == 0, prep.err.constData());
        const QByteArray digest = QByteArray::fromBase64(prep.out.trimmed());
        QCOMPARE(digest.size(), 32);

        auto ca = Crypto::Signing::createAuthority(QStringLiteral("CLI Test CA"));
        QVERIFY(ca);
        auto signer = Crypto::Signing::issue(ca.value(), QStringLiteral("Chan Tai Man"), {});
        QVERIFY(signer);
        auto cms = Crypto::Signing::cmsForDigest(
            signer.value(), ca->certificatePem, digest, QDateTime::currentDateTimeUtc());
        QVERIFY(cms);
        const QString out = m_dir.filePath(QStringLiteral("signed.pdf"));
        const auto embed = cli({QStringLiteral("pdf"), QStringLiteral("embed"), prepared, QStringLiteral("--signature"),
                                   QStringLiteral("-"), QStringLiteral("--out"), out},
            cms->toBase64());
        QVERIFY2(embed.exitCode == 0, embed.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(embed.out).object();
        QCOMPARE(o.value(QStringLiteral("signer")).toString(), QStringLiteral("Chan Tai Man"));
        QCOMPARE(o.value(QStringLiteral("signatureValid")).toBool(), true);
        const auto sig = run(QStringLiteral("pdfsig"), {out});
        QVERIFY2(
            sig.out.contains("Signature is Valid.") && sig.out.contains("Total document signed"), sig.out.constData());

        // A signature over another digest: refused, nothing written.
        auto other = Crypto::Signing::cmsForDigest(signer.value(), ca->certificatePem,
            QCryptographicHash::hash("another file", QCryptographicHash::Sha256), QDateTime::currentDateTimeUtc());
        const QString derFile = write(QStringLiteral("other.der"), other.value());
        const QString refused = m_dir.filePath(QStringLiteral("refused.pdf"));
        const auto mismatch = cli({QStringLiteral("pdf"), QStringLiteral("embed"), prepared,
            QStringLiteral("--signature"), derFile, QStringLiteral("--out"), refused});
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY2(mismatch.err.contains("pdf-digest-mismatch"), mismatch.err.constData());
        QVERIFY(!QFile::exists(refused));
        // Not a PDF, and the input as output: refused, the input untouched.
        const QString text = write(QStringLiteral("notes.txt"), "just text");
        const auto notPdf
            = cli({QStringLiteral("pdf"), QStringLiteral("prepare"), text, QStringLiteral("--out"), refused});
        QCOMPARE(notPdf.exitCode, 1);
        QVERIFY2(notPdf.err.contains("pdf-not-pdf"), notPdf.err.constData());
        QVERIFY(!QFile::exists(refused));
        const auto same = cli({QStringLiteral("pdf"), QStringLiteral("prepare"), in, QStringLiteral("--out"), in});
        QCOMPARE(same.exitCode, 2);
        QFile again(in);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), original);
    }

    void secretsComeFromTheEnvironmentAFileOrStdin()
    {
        const QStringList sign {QStringLiteral("sign"), QStringLiteral("--client-id"),
            QStringLiteral("edae2e2529ff46228af1e4d18c8405d1"), QStringLiteral("--timestamp"),
            QStringLiteral("1557048906183"), QStringLiteral("--nonce"), QStringLiteral("e893647dc4204eb9b7b8eddd527b687c")};
        const QString secret = QStringLiteral("0123456789abcdef0123456789abcdef");
        // On the command line: still works, with exactly one warning line naming the safer ways.
        const auto arg = cliWithEnv(sign + QStringList {QStringLiteral("--secret"), secret}, {});
        QCOMPARE(arg.exitCode, 0);
        const QByteArray signature = QJsonDocument::fromJson(arg.out).object().value(QLatin1String("signatureBase64")).toString().toLatin1();
        QVERIFY(!signature.isEmpty());
        QCOMPARE(arg.err.count('\n'), 1);
        QVERIFY2(arg.err.contains("warning") && arg.err.contains("IAMSMART_CLIENT_SECRET")
                && arg.err.contains("--secret-file"),
            arg.err.constData());
        QVERIFY(!arg.err.contains(secret.toLatin1()));
        auto signatureOf = [](const TestSupport::ProcessResult& r) {
            return QJsonDocument::fromJson(r.out).object().value(QLatin1String("signatureBase64")).toString().toLatin1();
        };
        // The environment, a file (its newline dropped), standard input: the same signature, no warning.
        const QString file = write(QStringLiteral("secret.txt"), secret.toLatin1() + '\n');
        const TestSupport::ProcessResult quiet[] = {
            cliWithEnv(sign, {{QStringLiteral("IAMSMART_CLIENT_SECRET"), secret}}),
            cliWithEnv(sign + QStringList {QStringLiteral("--secret-file"), file}, {}),
            cliWithEnv(sign + QStringList {QStringLiteral("--secret-file"), QStringLiteral("-")}, {}, secret.toLatin1() + '\n'),
            cliWithEnv(sign + QStringList {QStringLiteral("--secret"), QStringLiteral("-")}, {}, secret.toLatin1()),
        };
        for (const auto& r : quiet) {
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QCOMPARE(signatureOf(r), signature);
            QVERIFY2(r.err.isEmpty(), r.err.constData());
        }
        // A file beats the environment; a wrong secret gives another signature (the source is really read).
        const auto wrong = cliWithEnv(sign, {{QStringLiteral("IAMSMART_CLIENT_SECRET"), QStringLiteral("other")}});
        QVERIFY(signatureOf(wrong) != signature);
        const auto both = cliWithEnv(sign + QStringList {QStringLiteral("--secret-file"), file},
            {{QStringLiteral("IAMSMART_CLIENT_SECRET"), QStringLiteral("other")}});
        QCOMPARE(signatureOf(both), signature);
        // None at all: the usage error names every way.
        const auto none = cliWithEnv(sign, {});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("--secret") && none.err.contains("IAMSMART_CLIENT_SECRET"), none.err.constData());
        const auto unreadable = cliWithEnv(sign + QStringList {QStringLiteral("--secret-file"), QStringLiteral("/nonexistent")}, {});
        QCOMPARE(unreadable.exitCode, 2);
        QVERIFY(unreadable.err.contains("--secret-file"));
        const auto twice = cliWithEnv(sign + QStringList {QStringLiteral("--secret"), secret, QStringLiteral("--secret-file"), file}, {});
        QCOMPARE(twice.exitCode, 2);
    }

    void cekFromTheEnvironmentOrAFile()
    {
        const QStringList encrypt {QStringLiteral("encrypt"), QStringLiteral("--iv-hex"),
            QStringLiteral("a0a1a2a3a4a5a6a7a8a9aaab")};
        const auto fromEnv = cliWithEnv(encrypt, {{QStringLiteral("IAMSMART_KEY_HEX"), keyHex}}, plaintext);
        QVERIFY2(fromEnv.exitCode == 0, fromEnv.err.constData());
        QCOMPARE(fromEnv.out.trimmed(), vector);
        QVERIFY(fromEnv.err.isEmpty());
        const QString keyFile = write(QStringLiteral("cek.hex"), keyHex.toLatin1() + '\n');
        const auto fromFile = cliWithEnv({QStringLiteral("decrypt"), QStringLiteral("--key-hex-file"), keyFile}, {}, vector);
        QVERIFY2(fromFile.exitCode == 0, fromFile.err.constData());
        QCOMPARE(fromFile.out, plaintext);
        // The key from stdin needs the input from a file.
        const QString blob = write(QStringLiteral("blob.b64"), vector);
        const auto keyOnStdin = cliWithEnv({QStringLiteral("decrypt"), QStringLiteral("--key-hex-file"),
            QStringLiteral("-"), QStringLiteral("--in"), blob}, {}, keyHex.toLatin1());
        QVERIFY2(keyOnStdin.exitCode == 0, keyOnStdin.err.constData());
        QCOMPARE(keyOnStdin.out, plaintext);
        const auto clash = cliWithEnv({QStringLiteral("decrypt"), QStringLiteral("--key-hex-file"), QStringLiteral("-")}, {}, keyHex.toLatin1());
        QCOMPARE(clash.exitCode, 2);
        QVERIFY(clash.err.contains("--in"));
        const auto wrap = cliWithEnv({QStringLiteral("wrap-key"), QStringLiteral("--cert"), QStringLiteral("/nonexistent.crt")},
            {{QStringLiteral("IAMSMART_KEY_HEX"), QStringLiteral("0011")}});
        QCOMPARE(wrap.exitCode, 2);
        QVERIFY2(wrap.err.contains("--key-hex"), wrap.err.constData());
        // listen reads its CEK and KEK password the same ways (a bad CEK from the environment is refused).
        const auto listen = cliWithEnv({QStringLiteral("listen")}, {{QStringLiteral("IAMSMART_CEK_HEX"), QStringLiteral("zz")}});
        QCOMPARE(listen.exitCode, 2);
        QVERIFY2(listen.err.contains("--cek-hex"), listen.err.constData());
    }

    void kekPasswordFromTheEnvironmentOrAFile()
    {
        const auto gen = TestSupport::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"),
            QStringLiteral("RSA"), QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
            QStringLiteral("-aes-256-cbc"), QStringLiteral("-pass"), QStringLiteral("pass:kek-pw"),
            QStringLiteral("-out"), QStringLiteral("locked.key")}, {}, m_dir.path());
        QCOMPARE(gen.exitCode, 0);
        const auto cert = TestSupport::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-key"),
            QStringLiteral("locked.key"), QStringLiteral("-passin"), QStringLiteral("pass:kek-pw"),
            QStringLiteral("-out"), QStringLiteral("locked.crt"), QStringLiteral("-days"), QStringLiteral("1"),
            QStringLiteral("-subj"), QStringLiteral("/CN=pw")}, {}, m_dir.path());
        QCOMPARE(cert.exitCode, 0);
        const auto wrapped = cliWithEnv({QStringLiteral("wrap-key"), QStringLiteral("--cert"),
            m_dir.filePath(QStringLiteral("locked.crt"))}, {{QStringLiteral("IAMSMART_KEY_HEX"), keyHex}});
        QVERIFY2(wrapped.exitCode == 0, wrapped.err.constData());
        const QString in = write(QStringLiteral("wrapped.b64"), wrapped.out);
        const QStringList unwrap {QStringLiteral("unwrap-key"), QStringLiteral("--private-key"),
            m_dir.filePath(QStringLiteral("locked.key")), QStringLiteral("--in"), in};
        const auto viaEnv = cliWithEnv(unwrap, {{QStringLiteral("IAMSMART_KEK_PASSWORD"), QStringLiteral("kek-pw")}});
        QVERIFY2(viaEnv.exitCode == 0, viaEnv.err.constData());
        QCOMPARE(viaEnv.out.trimmed(), keyHex.toLatin1());
        const auto viaFile = cliWithEnv(unwrap + QStringList {QStringLiteral("--password-file"),
            write(QStringLiteral("pw.txt"), "kek-pw\n")}, {});
        QVERIFY2(viaFile.exitCode == 0, viaFile.err.constData());
        QCOMPARE(viaFile.out.trimmed(), keyHex.toLatin1());
        const auto wrongPw = cliWithEnv(unwrap, {{QStringLiteral("IAMSMART_KEK_PASSWORD"), QStringLiteral("nope")}});
        QCOMPARE(wrongPw.exitCode, 2);
        QVERIFY(wrongPw.err.contains("--private-key"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("no command") << QStringList {} << QByteArray("Usage");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << QByteArray("frobnicate");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("sign"), QStringLiteral("--colour"),
            QStringLiteral("x")} << QByteArray("colour");
        QTest::newRow("missing required") << QStringList {QStringLiteral("sign"), QStringLiteral("--secret"),
            QStringLiteral("s")} << QByteArray("--client-id");
        QTest::newRow("bad timestamp") << QStringList {QStringLiteral("sign"), QStringLiteral("--client-id"),
            QStringLiteral("c"), QStringLiteral("--secret"), QStringLiteral("s"), QStringLiteral("--timestamp"),
            QStringLiteral("soon")} << QByteArray("--timestamp");
        QTest::newRow("nonce too long") << QStringList {QStringLiteral("sign"), QStringLiteral("--client-id"),
            QStringLiteral("c"), QStringLiteral("--secret"), QStringLiteral("s"), QStringLiteral("--nonce"),
            QString(37, QLatin1Char('n'))}
                                        << QByteArray("--nonce");
        QTest::newRow("short key") << QStringList {QStringLiteral("encrypt"), QStringLiteral("--key-hex"),
            QStringLiteral("0011")} << QByteArray("--key-hex");
        QTest::newRow("non-hex key") << QStringList {QStringLiteral("decrypt"), QStringLiteral("--key-hex"),
            QString(64, QLatin1Char('z'))}
                                     << QByteArray("--key-hex");
        QTest::newRow("bad iv") << QStringList {QStringLiteral("encrypt"), QStringLiteral("--key-hex"), keyHex,
            QStringLiteral("--iv-hex"), QStringLiteral("00")}
                                << QByteArray("--iv-hex");
        QTest::newRow("missing cert file") << QStringList {QStringLiteral("wrap-key"), QStringLiteral("--cert"),
            QStringLiteral("/nonexistent.crt"), QStringLiteral("--key-hex"), keyHex}
                                           << QByteArray("--cert");
        QTest::newRow("branding export without a folder")
            << QStringList {QStringLiteral("branding"), QStringLiteral("export")} << QByteArray("name the folder");
        QTest::newRow("branding unknown")
            << QStringList {QStringLiteral("branding"), QStringLiteral("paint")} << QByteArray("'paint'");
        QTest::newRow("branding bad height") << QStringList {QStringLiteral("branding"), QStringLiteral("export"),
            QStringLiteral("/tmp/x"), QStringLiteral("--height"), QStringLiteral("tall")}
                                             << QByteArray("--height");
        QTest::newRow("missing body file") << QStringList {QStringLiteral("sign"), QStringLiteral("--client-id"),
            QStringLiteral("c"), QStringLiteral("--secret"), QStringLiteral("s"), QStringLiteral("--body-file"),
            QStringLiteral("/nonexistent")} << QByteArray("--body-file");
        QTest::newRow("bad lang") << QStringList {QStringLiteral("qr-url"), QStringLiteral("--lang"),
            QStringLiteral("fr")} << QByteArray("--lang");
        QTest::newRow("bad broker page") << QStringList {QStringLiteral("qr-url"), QStringLiteral("--broker-page"),
            QStringLiteral("yes")} << QByteArray("--broker-page");
        QTest::newRow("catalog unknown id") << QStringList {QStringLiteral("catalog"), QStringLiteral("show"),
            QStringLiteral("nope")} << QByteArray("nope");
        QTest::newRow("catalog bad action")
            << QStringList {QStringLiteral("catalog"), QStringLiteral("delete")} << QByteArray("delete");
        QTest::newRow("pdf bad action") << QStringList {QStringLiteral("pdf"), QStringLiteral("sign"),
            QStringLiteral("a.pdf"), QStringLiteral("--out"), QStringLiteral("b.pdf")}
                                        << QByteArray("'sign'");
        QTest::newRow("pdf embed without signature") << QStringList {QStringLiteral("pdf"), QStringLiteral("embed"),
            QStringLiteral("a.pdf"), QStringLiteral("--out"), QStringLiteral("b.pdf")}
                                                     << QByteArray("--signature");
        QTest::newRow("pdf without out") << QStringList {QStringLiteral("pdf"), QStringLiteral("prepare"),
            QStringLiteral("a.pdf")} << QByteArray("--out");
        QTest::newRow("stray argument") << QStringList {QStringLiteral("encrypt"), QStringLiteral("--key-hex"), keyHex,
            QStringLiteral("extra")} << QByteArray("extra");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const auto r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(mentions) || r.out.contains(mentions), (r.err + r.out).constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
