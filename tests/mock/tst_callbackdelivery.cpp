#include "crypto/AesGcmCipher.h"
#include "crypto/KeyWrap.h"
#include "mock/CallbackDelivery.h"
#include "net/HttpServer.h"
#include "protocol/Envelope.h"
#include "protocol/ReturnCodes.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using Mock::CallbackDelivery;

/// Callback delivery over real loopback HTTP: a failed POST is retried after the back-off while the request still
/// wants it, injected faults count as attempts, and the callback body is encrypted for the client — or, when that
/// cannot be done, an error envelope without content or secretKey (never an empty field, never an exception).
class TestCallbackDelivery : public QObject
{
    Q_OBJECT

private slots:
    void backoffDoublesUpToAMinute()
    {
        QCOMPARE(CallbackDelivery::backoffMs(1), 1000);
        QCOMPARE(CallbackDelivery::backoffMs(2), 2000);
        QCOMPARE(CallbackDelivery::backoffMs(4), 8000);
        QCOMPARE(CallbackDelivery::backoffMs(7), 60'000);
        QCOMPARE(CallbackDelivery::backoffMs(30), 60'000);
    }

    void retriesAFailedDelivery()
    {
        QList<QByteArray> received;
        Net::HttpServer service;
        service.setHandler([&](const Net::HttpRequest& r) {
            received << r.body;
            return Net::HttpResponse::json(received.size() == 1 ? 503 : 200, "{}");
        });
        QVERIFY(service.listen());
        bool wanted = true;
        CallbackDelivery delivery(Util::Clock::system(), [&](const QString&) { return wanted; });
        delivery.setOnline(true);
        QSignalSpy attempts(&delivery, &CallbackDelivery::attempted);
        delivery.send(QStringLiteral("r1"), service.baseUrl() + QStringLiteral("/cb"), "{\"code\":\"D00000\"}");
        QTRY_COMPARE_WITH_TIMEOUT(attempts.size(), 2, 5000);
        QCOMPARE(received, (QList<QByteArray> {"{\"code\":\"D00000\"}", "{\"code\":\"D00000\"}"}));
        QCOMPARE(delivery.attempts().size(), size_t(2));
        QCOMPARE(delivery.attempts().front().httpStatus, 503);
        QCOMPARE(delivery.attempts().back().httpStatus, 200);
        QCOMPARE(delivery.attempts().back().attempt, 2);
        QCOMPARE(delivery.attempts().back().requestId, QStringLiteral("r1"));
        QTest::qWait(1500); // a success is not retried
        QCOMPARE(attempts.size(), 2);
    }

    void aFaultCountsAsAnAttemptAndIsNotRetriedWhenUnwanted()
    {
        int hits = 0;
        Net::HttpServer service;
        service.setHandler([&](const Net::HttpRequest&) {
            ++hits;
            return Net::HttpResponse::json(200, "{}");
        });
        QVERIFY(service.listen());
        CallbackDelivery delivery(Util::Clock::system(), [](const QString&) { return false; });
        delivery.setOnline(true);
        delivery.setFaults(1, 0);
        QSignalSpy attempts(&delivery, &CallbackDelivery::attempted);
        delivery.send(QStringLiteral("r1"), service.baseUrl(), "{}");
        QTRY_COMPARE(attempts.size(), 1);
        QCOMPARE(delivery.attempts().front().error, QStringLiteral("fault injected"));
        QCOMPARE(delivery.failNext(), 0);
        QTest::qWait(1500);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(hits, 0);
        delivery.sweep(delivery.attempts().front().at + 10, 5);
        QVERIFY(delivery.attempts().empty());
    }

    void offlineSendsNothing()
    {
        CallbackDelivery delivery(Util::Clock::system(), [](const QString&) { return true; });
        QSignalSpy attempts(&delivery, &CallbackDelivery::attempted);
        delivery.send(QStringLiteral("r1"), QStringLiteral("http://127.0.0.1:9/"), "{}");
        QTest::qWait(200);
        QCOMPARE(attempts.size(), 0);
    }

    void encryptedBodyOpensWithTheClientsKey()
    {
        auto kek = Crypto::RsaPrivateKey::generate(2048);
        QVERIFY(kek);
        const QByteArray cek(32, 'k');
        const Crypto::RsaPublicKey pub = kek->publicKey();
        const QJsonObject content {{QStringLiteral("businessID"), QStringLiteral("b1")}};
        const QByteArray body = CallbackDelivery::body(
            QStringLiteral("T=1"), Protocol::Code::Success, content, &pub, cek);
        auto e = Protocol::ResponseEnvelope::parse(body);
        QVERIFY(e);
        QCOMPARE(e->code, Protocol::Code::Success);
        auto unwrapped = Crypto::KeyWrap::unwrap(*kek, e->secretKey.toLatin1());
        QVERIFY(unwrapped);
        QCOMPARE(*unwrapped, cek);
        auto opened = e->decryptContent(cek);
        QVERIFY(opened);
        QCOMPARE(opened->toObject(), content);
    }

    void aFailedEncryptionIsAnErrorEnvelope()
    {
        // A registered client whose public key is unusable (none loaded): wrapping the CEK fails.
        const Crypto::RsaPublicKey unusable;
        const QByteArray body = CallbackDelivery::body(QStringLiteral("T=2"), Protocol::Code::Success,
            {{QStringLiteral("businessID"), QStringLiteral("b1")}}, &unusable, QByteArray(32, 'k'));
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        QCOMPARE(o.value(QLatin1String("code")).toString(), Protocol::Code::EncryptionError);
        QCOMPARE(o.value(QLatin1String("txID")).toString(), QStringLiteral("T=2"));
        QVERIFY(!o.contains(QLatin1String("secretKey")));
        QVERIFY(!o.contains(QLatin1String("content")));
        QVERIFY(o.value(QLatin1String("message")).toString().contains(QStringLiteral("could not be encrypted")));

        // A key of the wrong length fails the content encryption the same way.
        auto kek = Crypto::RsaPrivateKey::generate(2048);
        QVERIFY(kek);
        const Crypto::RsaPublicKey pub = kek->publicKey();
        const QJsonObject short_ = QJsonDocument::fromJson(
            CallbackDelivery::body(QStringLiteral("T=3"), Protocol::Code::Success, {}, &pub, QByteArray(5, 'k')))
                                      .object();
        QCOMPARE(short_.value(QLatin1String("code")).toString(), Protocol::Code::EncryptionError);
        QVERIFY(!short_.contains(QLatin1String("secretKey")));
    }

    void plainBodyInSandboxMode()
    {
        const QJsonObject o = QJsonDocument::fromJson(CallbackDelivery::body(QStringLiteral("T=4"),
                                                          Protocol::Code::SignRejected, {{QStringLiteral("a"), 1}}))
                                  .object();
        QCOMPARE(o.value(QLatin1String("code")).toString(), Protocol::Code::SignRejected);
        QCOMPARE(o.value(QLatin1String("message")).toString(), Protocol::Code::SignRejected);
        QCOMPARE(o.value(QLatin1String("content")).toObject().value(QLatin1String("a")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCallbackDelivery)
#include "tst_callbackdelivery.moc"
