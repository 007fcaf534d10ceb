#include "mock/ReplayGuard.h"
#include "protocol/Durations.h"
#include "protocol/ReturnCodes.h"

#include <QTest>

using Mock::ReplayGuard;
using Protocol::Duration::clockSkewMs;

/// The replay guard: timestamps never go back and stay near the server's time, each nonce is accepted once
/// while it could be replayed, and the nonces one client may hold are bounded.
class TestReplayGuard : public QObject
{
    Q_OBJECT

    static constexpr qint64 now = 1'700'000'000'000;

private slots:
    void acceptsOnceThenRefusesTheSameNonce()
    {
        ReplayGuard guard(42);
        QVERIFY(!guard.admit(QStringLiteral("c"), now, QStringLiteral("n1"), now));
        const auto again = guard.admit(QStringLiteral("c"), now + 1, QStringLiteral("n1"), now);
        QVERIFY(again);
        QCOMPARE(again->code, Protocol::Code::DuplicatedRequest);
        QVERIFY(again->detail.contains(QStringLiteral("nonce n1")));
        QCOMPARE(again->httpStatus, 200);
        // Another client's nonces are its own.
        QVERIFY(!guard.admit(QStringLiteral("d"), now, QStringLiteral("n1"), now));
    }

    void refusesAnOlderTimestamp()
    {
        ReplayGuard guard;
        QVERIFY(!guard.admit(QStringLiteral("c"), now, QStringLiteral("a"), now));
        QVERIFY(!guard.admit(QStringLiteral("c"), now, QStringLiteral("b"), now)); // equal is fine
        const auto older = guard.admit(QStringLiteral("c"), now - 1, QStringLiteral("c"), now);
        QVERIFY(older);
        QCOMPARE(older->code, Protocol::Code::DuplicatedRequest);
        QVERIFY(older->detail.contains(QStringLiteral("older than the previous")));
    }

    void refusesATimestampFarFromTheServersTime()
    {
        ReplayGuard guard;
        QVERIFY(guard.admit(QStringLiteral("c"), now + clockSkewMs + 1, QStringLiteral("a"), now));
        QVERIFY(guard.admit(QStringLiteral("c"), now - clockSkewMs - 1, QStringLiteral("b"), now));
        QVERIFY(!guard.admit(QStringLiteral("c"), now - clockSkewMs, QStringLiteral("c"), now));
        QCOMPARE(guard.nonceCount(), 1);
    }

    void forgetsNoncesOutsideTheWindow()
    {
        ReplayGuard guard;
        QVERIFY(!guard.admit(QStringLiteral("c"), now, QStringLiteral("a"), now));
        guard.sweep(now + clockSkewMs);
        QCOMPARE(guard.nonceCount(), 1);
        guard.sweep(now + clockSkewMs + 1);
        QCOMPARE(guard.nonceCount(), 0);
        // The same nonce with a fresh timestamp is a new request now.
        const qint64 later = now + clockSkewMs + 1;
        QVERIFY(!guard.admit(QStringLiteral("c"), later, QStringLiteral("a"), later));
    }

    void boundsTheNoncesOfOneClient()
    {
        ReplayGuard guard;
        for (qsizetype i = 0; i < ReplayGuard::maxNoncesPerClient; ++i)
            QVERIFY(!guard.admit(QStringLiteral("c"), now, QString::number(i), now));
        const auto full = guard.admit(QStringLiteral("c"), now, QStringLiteral("one more"), now);
        QVERIFY(full);
        QCOMPARE(full->code, Protocol::Code::TooManyPending);
        QCOMPARE(full->httpStatus, 429);
        QCOMPARE(guard.nonceCount(), ReplayGuard::maxNoncesPerClient);
    }
};

QTEST_GUILESS_MAIN(TestReplayGuard)
#include "tst_replayguard.moc"
