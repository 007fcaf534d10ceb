#include "crypto/HmacSigner.h"

#include <QTest>

using Crypto::HmacSigner;

/// protocol.md §2.2 and the §10 vectors.
class TestHmacSigner : public QObject
{
    Q_OBJECT

private:
    const QString clientId = QStringLiteral("edae2e2529ff46228af1e4d18c8405d1");
    const QByteArray secret = "0123456789abcdef0123456789abcdef";
    const qint64 timestamp = 1557048906183;
    const QString nonce = QStringLiteral("e893647dc4204eb9b7b8eddd527b687c");

private slots:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("base64");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty body") << QByteArray() << QByteArray("yB9mmflyCZYdGGbmsElVDJIG0gSVsKl+vwIPKEzAeFg=")
                                    << QByteArray("yB9mmflyCZYdGGbmsElVDJIG0gSVsKl%2BvwIPKEzAeFg%3D");
        QTest::newRow("{}") << QByteArray("{}") << QByteArray("gKwFv7BbQnKiufcE+ZNhuiTeN8FLRTqoh6i1C15i5DY=")
                            << QByteArray("gKwFv7BbQnKiufcE%2BZNhuiTeN8FLRTqoh6i1C15i5DY%3D");
        QTest::newRow("getToken plaintext")
            << QByteArray(R"({"code":"xxxa42e76bf4cb0846a68e6d83d6096","grantType":"authorization_code"})")
            << QByteArray("ABo3qouYKKSxMNk1uXipmFD4qWRoyQ9Z7+8AAMNOmGE=")
            << QByteArray("ABo3qouYKKSxMNk1uXipmFD4qWRoyQ9Z7%2B8AAMNOmGE%3D");
        QTest::newRow("encrypted getToken wrapper") << QByteArray(
            R"({"content":"AAAADKChoqOkpaanqKmqq506H0IhriCFQB3/q2ZO8rtHmjt2ptQgXKQ6EOdJkxA3tk50m5kSagt9sCavexvtjRNiNi1A6jgfNCpjMdYZ/9HA1eoBb8aLhJHAgn7DfIETsKvVY5g9bOrtPp4="})")
                                                    << QByteArray("QzkxWNRfOu22ULxGAIJiP2MFAzeESVfyAiboAePytR0=")
                                                    << QByteArray("QzkxWNRfOu22ULxGAIJiP2MFAzeESVfyAiboAePytR0%3D");
    }

    void vectors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, base64);
        QFETCH(QByteArray, header);
        const auto parts = HmacSigner::sign(clientId, secret, timestamp, nonce, body);
        QCOMPARE(parts.stringToSign, clientId.toUtf8() + "HmacSHA256" + "1557048906183" + nonce.toUtf8() + body);
        QCOMPARE(parts.digest.size(), 32);
        QCOMPARE(parts.base64, base64);
        QCOMPARE(parts.headerValue, header);
        QVERIFY(HmacSigner::verify(clientId, secret, timestamp, nonce, body, header));
        QVERIFY(HmacSigner::verify(clientId, secret, timestamp, nonce, body, base64));
    }

    void rejectsTampering_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("body") << QStringLiteral("body");
        QTest::newRow("secret") << QStringLiteral("secret");
        QTest::newRow("timestamp") << QStringLiteral("timestamp");
        QTest::newRow("nonce") << QStringLiteral("nonce");
        QTest::newRow("clientID") << QStringLiteral("clientID");
        QTest::newRow("truncated signature") << QStringLiteral("truncated");
        QTest::newRow("empty signature") << QStringLiteral("empty");
    }

    void rejectsTampering()
    {
        QFETCH(QString, what);
        const QByteArray body = "{}";
        QByteArray signature = HmacSigner::sign(clientId, secret, timestamp, nonce, body).headerValue;
        QString id = clientId;
        QByteArray key = secret;
        qint64 ts = timestamp;
        QString n = nonce;
        QByteArray b = body;
        if (what == QLatin1String("body"))
            b = "{ }";
        else if (what == QLatin1String("secret"))
            key[0] = 'X';
        else if (what == QLatin1String("timestamp"))
            ++ts;
        else if (what == QLatin1String("nonce"))
            n[0] = QLatin1Char('f');
        else if (what == QLatin1String("clientID"))
            id[0] = QLatin1Char('f');
        else if (what == QLatin1String("truncated"))
            signature.chop(3);
        else if (what == QLatin1String("empty"))
            signature.clear();
        QVERIFY(!HmacSigner::verify(id, key, ts, n, b, signature));
    }

    void nonAsciiSecretIsUtf8()
    {
        // The key is the secret's UTF-8 bytes; a secret with non-ASCII characters signs differently from Latin-1.
        const QString s = QStringLiteral("s\u00e9cret");
        const auto utf8 = HmacSigner::sign(clientId, s.toUtf8(), timestamp, nonce, "{}");
        const auto latin1 = HmacSigner::sign(clientId, s.toLatin1(), timestamp, nonce, "{}");
        QVERIFY(utf8.base64 != latin1.base64);
        QCOMPARE(utf8.digest, HmacSigner::hmacSha256(s.toUtf8(), utf8.stringToSign));
    }
};

QTEST_GUILESS_MAIN(TestHmacSigner)
#include "tst_hmacsigner.moc"
