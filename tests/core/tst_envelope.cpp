#include "crypto/HmacSigner.h"
#include "protocol/ApiCatalog.h"
#include "protocol/ContentKey.h"
#include "protocol/Envelope.h"

#include <QJsonDocument>
#include <QTest>

using namespace Protocol;

/// Request building (body → AES wrapper → signed headers) and response envelopes (protocol.md §2–§3).
class TestEnvelope : public QObject
{
    Q_OBJECT

private:
    const QByteArray key = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    ApiSpec getTokenSpec() const
    {
        ApiSpec spec;
        spec.id = QStringLiteral("auth.getToken");
        spec.method = QStringLiteral("POST");
        spec.path = QStringLiteral("/auth/getToken");
        spec.isSigned = true;
        spec.encrypted = true;
        return spec;
    }

    BuildOptions options(Util::RandomSource* random) const
    {
        BuildOptions o;
        o.baseUrl = QStringLiteral("http://127.0.0.1:8080");
        o.credentials.clientId = QStringLiteral("edae2e2529ff46228af1e4d18c8405d1");
        o.credentials.clientSecret = "0123456789abcdef0123456789abcdef";
        o.cek = key;
        o.timestamp = 1557048906183;
        o.nonce = QStringLiteral("e893647dc4204eb9b7b8eddd527b687c");
        o.random = random;
        return o;
    }

private slots:
    void buildsTheVectorRequest()
    {
        // With the §10 IV, the whole request reproduces the §10 wrapped body and signature.
        Util::FixedRandomSource random(QByteArray::fromHex("a0a1a2a3a4a5a6a7a8a9aaab"));
        QJsonObject body {{QStringLiteral("code"), QStringLiteral("xxxa42e76bf4cb0846a68e6d83d6096")},
            {QStringLiteral("grantType"), QStringLiteral("authorization_code")}};
        auto r = RequestEnvelope::build(getTokenSpec(), body, options(&random));
        QVERIFY(r.ok());
        QCOMPARE(r->url, QByteArray("http://127.0.0.1:8080/api/v1/auth/getToken"));
        QCOMPARE(r->plaintext,
            QByteArray("{\"code\":\"xxxa42e76bf4cb0846a68e6d83d6096\",\"grantType\":\"authorization_code\"}"));
        QCOMPARE(r->body.size(), 158);
        QVERIFY(r->body.startsWith("{\"content\":\"AAAADKChoqOk"));
        QCOMPARE(r->header("signature"), QByteArray("QzkxWNRfOu22ULxGAIJiP2MFAzeESVfyAiboAePytR0%3D"));
        QCOMPARE(r->header("signatureMethod"), QByteArray("HmacSHA256"));
        QCOMPARE(r->header("timestamp"), QByteArray("1557048906183"));
        QCOMPARE(r->header("Content-Type"), QByteArray("application/json"));
        QVERIFY(r->encrypted.has_value());
        QCOMPARE(r->encrypted->tag.toHex(), QByteArray("7ec37c8113b0abd563983d6ceaed3e9e"));
        QVERIFY(r->rawHttp().startsWith("POST /api/v1/auth/getToken HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"));
        QVERIFY(r->rawHttp().endsWith("\r\n\r\n" + r->body));
        QVERIFY(r->curl().contains("-H 'signature: QzkxWNRfOu22ULxGAIJiP2MFAzeESVfyAiboAePytR0%3D'"));
    }

    void plainModeSendsJsonAndSubscriptionKey()
    {
        auto o = options(nullptr);
        o.encrypt = false;
        o.sign = false;
        o.credentials.subscriptionKey = "sub-key";
        auto r = RequestEnvelope::build(getTokenSpec(), {{QStringLiteral("code"), QStringLiteral("c")}}, o);
        QVERIFY(r.ok());
        QCOMPARE(r->body, QByteArray("{\"code\":\"c\"}"));
        QVERIFY(r->header("signature").isEmpty());
        QCOMPARE(r->header("Ocp-Apim-Subscription-Key"), QByteArray("sub-key"));
        QVERIFY(!r->encrypted.has_value());
    }

    void encryptedWithoutKeyIsAnError()
    {
        auto o = options(nullptr);
        o.cek.clear();
        auto r = RequestEnvelope::build(getTokenSpec(), {}, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("no-cek"));
    }

    void curlQuotesSingleQuotes()
    {
        auto o = options(nullptr);
        o.encrypt = false;
        auto r = RequestEnvelope::build(getTokenSpec(), {{QStringLiteral("formName"), QStringLiteral("it's")}}, o);
        const QByteArray quoted = "'{\"formName\":\"it'\\''s\"}'";
        QVERIFY2(r->curl().contains(quoted), r->curl().constData());
    }

    void parsesEnvelopes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("sandbox plain") << QByteArray(
            R"({"txID":"T=938ffb19","code":"D00000","message":"SUCCESS","content":{"authByQR":true}})")
                                       << QString() << QStringLiteral("D00000") << QStringLiteral("SUCCESS");
        QTest::newRow("msg spelling") << QByteArray(
            R"({"txID":"<T=1>","code":"D20006","msg":"signature verification failed"})")
                                      << QString() << QStringLiteral("D20006")
                                      << QStringLiteral("signature verification failed");
        QTest::newRow("not json") << QByteArray("<html>502</html>") << QStringLiteral("bad-json") << QString()
                                  << QString();
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("bad-json") << QString() << QString();
        QTest::newRow("no code") << QByteArray(R"({"txID":"x"})") << QStringLiteral("not-envelope") << QString()
                                 << QString();
        QTest::newRow("numeric code") << QByteArray(R"({"code":0})") << QStringLiteral("not-envelope") << QString()
                                      << QString();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("bad-json") << QString() << QString();
    }

    void parsesEnvelopes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QFETCH(QString, code);
        QFETCH(QString, message);
        auto e = ResponseEnvelope::parse(json);
        if (!error.isEmpty()) {
            QVERIFY(!e.ok());
            QCOMPARE(e.error().code, error);
            return;
        }
        QVERIFY(e.ok());
        QCOMPARE(e->code, code);
        QCOMPARE(e->message, message);
    }

    void decryptsContent()
    {
        auto blob = Crypto::AesGcmCipher::encrypt(key, R"({"accessToken":"abc","expiresIn":14400000})");
        ResponseEnvelope e;
        e.code = QStringLiteral("D00000");
        e.content = QString::fromLatin1(blob.value());
        auto parsed = ResponseEnvelope::parse(e.toJson());
        QVERIFY(parsed.ok());
        QVERIFY(parsed->contentIsEncrypted());
        auto content = parsed->decryptContent(key);
        QVERIFY(content.ok());
        QCOMPARE(content->toObject().value(QStringLiteral("accessToken")).toString(), QStringLiteral("abc"));
        QByteArray wrong = key;
        wrong[5] = 'x';
        QCOMPARE(parsed->decryptContent(wrong).error().code, Crypto::GcmError::TagMismatch);

        auto notJson = Crypto::AesGcmCipher::encrypt(key, "not json");
        e.content = QString::fromLatin1(notJson.value());
        QCOMPARE(e.decryptContent(key).error().code, QStringLiteral("bad-json"));
        e.content = QJsonValue();
        QCOMPARE(e.decryptContent(key).error().code, QStringLiteral("no-content"));
    }

    void contentKeyExpiry_data()
    {
        QTest::addColumn<qint64>("issueAt");
        QTest::addColumn<qint64>("expiresIn");
        QTest::addColumn<qint64>("expiresAt");
        QTest::newRow("duration (DS2: one day)") << qint64(1557053922938) << qint64(86400000) << qint64(1557140322938);
        QTest::newRow("absolute (CSS sample)")
            << qint64(1556450176000) << qint64(1556456176000) << qint64(1556456176000);
        QTest::newRow("exactly 10^12 is a duration") << qint64(1) << qint64(1000000000000) << qint64(1000000000001);
    }

    void contentKeyExpiry()
    {
        QFETCH(qint64, issueAt);
        QFETCH(qint64, expiresIn);
        QFETCH(qint64, expiresAt);
        QCOMPARE(ContentKey::expiryFrom(issueAt, expiresIn), expiresAt);
        ContentKeyCache cache;
        cache.put(QStringLiteral("c"), ContentKey {key, issueAt, expiresAt});
        QVERIFY(cache.valid(QStringLiteral("c"), expiresAt - 1).has_value());
        QVERIFY(!cache.valid(QStringLiteral("c"), expiresAt).has_value());
        QVERIFY(cache.any(QStringLiteral("c")).has_value());
        QVERIFY(!cache.valid(QStringLiteral("other"), issueAt).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
