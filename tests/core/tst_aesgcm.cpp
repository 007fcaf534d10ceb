#include "crypto/AesGcmCipher.h"
#include "crypto/Encoding.h"
#include "util/RandomSource.h"

#include <QTest>

using namespace Crypto;

/// protocol.md §3.2 and the §10 AES-GCM vector.
class TestAesGcm : public QObject
{
    Q_OBJECT

private:
    const QByteArray key = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    const QByteArray iv = QByteArray::fromHex("a0a1a2a3a4a5a6a7a8a9aaab");
    const QByteArray plaintext = R"({"code":"xxxa42e76bf4cb0846a68e6d83d6096","grantType":"authorization_code"})";
    const QByteArray vector
        = "AAAADKChoqOkpaanqKmqq506H0IhriCFQB3/q2ZO8rtHmjt2ptQgXKQ6EOdJkxA3tk50m5kSagt9sCavexvtjRNiNi1A6jgf"
          "NCpjMdYZ/9HA1eoBb8aLhJHAgn7DfIETsKvVY5g9bOrtPp4=";

private slots:
    void knownAnswer()
    {
        QCOMPARE(plaintext.size(), 75);
        auto blob = AesGcmCipher::encrypt(key, plaintext, iv);
        QVERIFY2(blob.ok(), qPrintable(blob.ok() ? QString() : blob.error().toString()));
        QCOMPARE(blob.value(), vector);
        auto parts = AesGcmCipher::parse(vector);
        QVERIFY(parts.ok());
        QCOMPARE(parts->iv, iv);
        QCOMPARE(parts->tag.toHex(), QByteArray("7ec37c8113b0abd563983d6ceaed3e9e"));
        QCOMPARE(parts->ciphertext.size(), plaintext.size());
        QVERIFY(vector.startsWith("AAAAD"));
    }

    void decryptsVector()
    {
        auto plain = AesGcmCipher::decrypt(key, vector);
        QVERIFY(plain.ok());
        QCOMPARE(plain.value(), plaintext);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("unicode json") << QStringLiteral(R"({"chName":{"ChineseName":"申智能"}})").toUtf8();
        QTest::newRow("64 KiB") << QByteArray(65536, 'a');
    }

    void roundTrip()
    {
        QFETCH(QByteArray, data);
        auto blob = AesGcmCipher::encrypt(key, data);
        QVERIFY(blob.ok());
        auto plain = AesGcmCipher::decrypt(key, blob.value());
        QVERIFY(plain.ok());
        QCOMPARE(plain.value(), data);
    }

    void freshIvEachTime()
    {
        auto a = AesGcmCipher::encrypt(key, plaintext);
        auto b = AesGcmCipher::encrypt(key, plaintext);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value() != b.value());
        QVERIFY(AesGcmCipher::parse(a.value())->iv != AesGcmCipher::parse(b.value())->iv);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("useKey");
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("code");

        QByteArray raw = Encoding::fromBase64(vector).value();
        QByteArray tampered = raw;
        tampered[20] = char(tampered[20] ^ 0x01);
        QByteArray badTag = raw;
        badTag[badTag.size() - 1] = char(badTag[badTag.size() - 1] ^ 0x80);
        QByteArray ivLen16 = raw;
        ivLen16[3] = 16;
        QByteArray wrongKey = key;
        wrongKey[0] = 'z';

        QTest::newRow("bad base64 character") << key << QByteArray("AAAA$$$$") << GcmError::BadBase64;
        QTest::newRow("bad base64 length") << key << QByteArray("AAAAD") << GcmError::BadBase64;
        QTest::newRow("iv length 16") << key << ivLen16.toBase64() << GcmError::BadIvLength;
        QTest::newRow("iv length 0") << key << QByteArray::fromHex("00000000").append(QByteArray(28, 0)).toBase64()
                                     << GcmError::BadIvLength;
        QTest::newRow("shorter than length field") << key << QByteArray("AAA=") << GcmError::Truncated;
        QTest::newRow("no tag") << key << raw.left(4 + 12 + 10).toBase64() << GcmError::Truncated;
        QTest::newRow("empty") << key << QByteArray() << GcmError::Truncated;
        QTest::newRow("ciphertext altered") << key << tampered.toBase64() << GcmError::TagMismatch;
        QTest::newRow("tag altered") << key << badTag.toBase64() << GcmError::TagMismatch;
        QTest::newRow("wrong key") << wrongKey << vector << GcmError::TagMismatch;
        QTest::newRow("16-byte key") << key.left(16) << vector << GcmError::BadKeyLength;
        QTest::newRow("empty key") << QByteArray() << vector << GcmError::BadKeyLength;
    }

    void failures()
    {
        QFETCH(QByteArray, useKey);
        QFETCH(QByteArray, blob);
        QFETCH(QString, code);
        auto result = AesGcmCipher::decrypt(useKey, blob);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().detail.isEmpty());
    }

    void encryptRejectsBadInput()
    {
        QCOMPARE(AesGcmCipher::encrypt(key.left(31), plaintext, iv).error().code, GcmError::BadKeyLength);
        QCOMPARE(AesGcmCipher::encrypt(key, plaintext, iv.left(8)).error().code, GcmError::BadIvLength);
    }

    void fixedRandomSourceGivesDeterministicIv()
    {
        Util::FixedRandomSource random(iv);
        auto blob = AesGcmCipher::encrypt(key, plaintext, random);
        QVERIFY(blob.ok());
        QCOMPARE(blob.value(), vector);
    }
};

QTEST_GUILESS_MAIN(TestAesGcm)
#include "tst_aesgcm.moc"
