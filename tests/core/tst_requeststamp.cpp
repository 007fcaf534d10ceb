#include "util/RequestStamp.h"

#include <QSet>
#include <QTest>

/// Timestamps never decrease for a client; nonces are unique and at most 36 characters (protocol.md §2.1).
class TestRequestStamp : public QObject
{
    Q_OBJECT

private slots:
    void timestampFollowsClock()
    {
        Util::ManualClock clock(1'557'048'906'183);
        Util::TimestampSource stamps(clock);
        QCOMPARE(stamps.next(QStringLiteral("a")), 1'557'048'906'183);
        clock.advance(5);
        QCOMPARE(stamps.next(QStringLiteral("a")), 1'557'048'906'188);
    }

    void timestampNeverDecreasesWhenClockGoesBack()
    {
        Util::ManualClock clock(2'000'000);
        Util::TimestampSource stamps(clock);
        const qint64 first = stamps.next(QStringLiteral("client"));
        clock.set(1'000'000); // NTP step back by 1000 s
        const qint64 second = stamps.next(QStringLiteral("client"));
        QVERIFY(second >= first);
        clock.set(2'000'500);
        QCOMPARE(stamps.next(QStringLiteral("client")), 2'000'500);
    }

    void clientsAreIndependent()
    {
        Util::ManualClock clock(5000);
        Util::TimestampSource stamps(clock);
        QCOMPARE(stamps.next(QStringLiteral("a")), 5000);
        clock.set(100);
        QCOMPARE(stamps.next(QStringLiteral("b")), 100); // b never saw 5000
        QCOMPARE(stamps.next(QStringLiteral("a")), 5000);
    }

    void noncesAreUniqueAndShort()
    {
        Util::NonceGenerator nonces;
        QSet<QString> seen;
        for (int i = 0; i < 20000; ++i) {
            const QString n = nonces.next();
            QVERIFY(n.size() <= 36);
            QCOMPARE(n.size(), 32);
            QVERIFY2(!seen.contains(n), qPrintable(n));
            seen.insert(n);
        }
    }

    void noncesUniqueEvenWithStuckRandomSource()
    {
        Util::FixedRandomSource stuck(QByteArray(1, '\x42'));
        Util::NonceGenerator nonces(stuck);
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(nonces.next());
        QCOMPARE(seen.size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestRequestStamp)
#include "tst_requeststamp.moc"
