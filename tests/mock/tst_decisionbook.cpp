#include "mock/DecisionBook.h"
#include "protocol/ReturnCodes.h"

#include <QTest>

using Mock::DecisionBook;
using Mock::PendingRequest;
namespace Code = Protocol::Code;

/// The decision state machine: pending → decided (approved, rejected, cancelled) or expired → erased, with the
/// codes per kind, the per-client bounds and the windows after which requests are forgotten.
class TestDecisionBook : public QObject
{
    Q_OBJECT

    static PendingRequest request(const QString& id, const QString& client = QStringLiteral("c"), qint64 expiresAt = 100,
        const QString& businessId = {})
    {
        PendingRequest p;
        p.id = id;
        p.kind = QStringLiteral("sign");
        p.clientId = client;
        p.businessId = businessId;
        p.expiresAt = expiresAt;
        return p;
    }

private slots:
    void codesPerKindAndDecision_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("auth rejected") << QStringLiteral("auth") << QStringLiteral("rejected") << Code::AuthRejected;
        QTest::newRow("auth cancelled") << QStringLiteral("auth") << QStringLiteral("cancelled") << Code::AuthCancelled;
        QTest::newRow("auth expired") << QStringLiteral("auth") << QStringLiteral("expired") << Code::AuthTimedOut;
        QTest::newRow("profile cancelled") << QStringLiteral("profile") << QStringLiteral("cancelled") << Code::ProfileRejected;
        QTest::newRow("anon-eme rejected") << QStringLiteral("anon-eme") << QStringLiteral("rejected") << Code::FormRejected;
        QTest::newRow("bulksign expired") << QStringLiteral("bulksign") << QStringLiteral("expired") << Code::BulkSignTimedOut;
        QTest::newRow("reauth cancelled") << QStringLiteral("reauth") << QStringLiteral("cancelled") << Code::ReauthRejected;
        QTest::newRow("pdfsign cancelled") << QStringLiteral("pdfsign") << QStringLiteral("cancelled") << Code::SignCancelled;
    }

    void codesPerKindAndDecision()
    {
        QFETCH(QString, kind);
        QFETCH(QString, status);
        QFETCH(QString, code);
        QCOMPARE(DecisionBook::decisionCode(kind, status), code);
    }

    void pendingThenDecidedOnce()
    {
        DecisionBook book;
        book.configure(10, 1000);
        book.add(request(QStringLiteral("a")));
        book.add(request(QStringLiteral("b")));
        QCOMPARE(book.pending().size(), 2);
        QCOMPARE(book.pending().first().id, QStringLiteral("a"));

        auto settled = book.settle(QStringLiteral("a"), QStringLiteral("approved"), Code::Success, 50);
        QVERIFY(settled);
        QCOMPARE((*settled)->status, QStringLiteral("approved"));
        QCOMPARE((*settled)->decidedAt, 50);
        QCOMPARE(book.pending().size(), 1);
        QCOMPARE(book.undecidedCount(), 1);

        auto again = book.settle(QStringLiteral("a"), QStringLiteral("rejected"), Code::SignRejected, 60);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("not-pending"));
        QCOMPARE(book.settle(QStringLiteral("zzz"), QStringLiteral("approved"), Code::Success, 60).error().code,
            QStringLiteral("not-found"));
    }

    void aFailedApprovalEndsRejected()
    {
        DecisionBook book;
        book.add(request(QStringLiteral("a")));
        auto settled = book.settle(QStringLiteral("a"), QStringLiteral("approved"), Code::SignNotAllowed, 1);
        QVERIFY(settled);
        QCOMPARE((*settled)->status, QStringLiteral("rejected"));
        QCOMPARE((*settled)->resultCode, Code::SignNotAllowed);
    }

    void dueThenStaleThenErased()
    {
        DecisionBook book;
        book.configure(10, 1000);
        book.add(request(QStringLiteral("a"), QStringLiteral("c"), 100, QStringLiteral("biz")));
        book.reserveBusinessId(QStringLiteral("c"), QStringLiteral("biz"));
        QVERIFY(book.due(99).isEmpty());
        QCOMPARE(book.due(100), QStringList {QStringLiteral("a")});
        QVERIFY(book.settle(QStringLiteral("a"), QStringLiteral("expired"), Code::SignTimedOut, 100));
        QVERIFY(book.due(100).isEmpty());
        QVERIFY(book.stale(1099).isEmpty());
        QCOMPARE(book.stale(1100), QStringList {QStringLiteral("a")});
        QVERIFY(book.holdsBusinessId(QStringLiteral("c"), QStringLiteral("biz")));
        QVERIFY(!book.erase(QStringLiteral("a"))); // no longer pending
        QVERIFY(!book.find(QStringLiteral("a")));
        QVERIFY(!book.holdsBusinessId(QStringLiteral("c"), QStringLiteral("biz")));
        QCOMPARE(book.businessIdCount(), 0);
    }

    void boundedPerClient()
    {
        DecisionBook book;
        book.configure(2, 1000);
        book.add(request(QStringLiteral("a")));
        QVERIFY(book.admits(QStringLiteral("c")));
        book.add(request(QStringLiteral("b")));
        QVERIFY(!book.admits(QStringLiteral("c")));
        QVERIFY(book.admits(QStringLiteral("other")));
        QVERIFY(book.erase(QStringLiteral("b"))); // was pending: frees a place
        QVERIFY(book.admits(QStringLiteral("c")));

        // Decided requests beyond the limit: the oldest go first.
        for (const QString& id : {QStringLiteral("x"), QStringLiteral("y")}) {
            book.add(request(id));
        }
        for (const QString& id : {QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("y")})
            QVERIFY(book.settle(id, QStringLiteral("cancelled"), Code::SignCancelled, 1));
        QCOMPARE(book.overLimit(QStringLiteral("c")), QStringList {QStringLiteral("a")});
        QVERIFY(book.overLimit(QStringLiteral("c")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDecisionBook)
#include "tst_decisionbook.moc"
