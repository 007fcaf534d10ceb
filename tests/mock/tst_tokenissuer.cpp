#include "mock/TokenIssuer.h"

#include <QJsonObject>
#include <QTest>

using Mock::IssuedToken;
using Mock::TokenIssuer;

/// The key and token issuer: CEKs per client with their lifetime, single-use authorisation codes, access tokens
/// bound to their client and lifetime, stable tokenised IDs, and signed tokens only this issuer verifies.
class TestTokenIssuer : public QObject
{
    Q_OBJECT

    static constexpr qint64 now = 1'700'000'000'000;
    Mock::SimulatorOptions m_options;

    void start(TokenIssuer& t, Mock::CodeStyle style = Mock::CodeStyle::Hex)
    {
        Mock::SimulatorOptions o = m_options;
        o.codeStyle = style;
        t.reset(o);
    }

private slots:
    void contentKeysLiveTheirLifetime()
    {
        TokenIssuer t;
        start(t);
        const auto first = t.contentKey(QStringLiteral("c"), now);
        QCOMPARE(first.key.size(), 32);
        QCOMPARE(first.expiresAt - first.issueAt, m_options.cekLifetimeMs);
        QCOMPARE(t.contentKey(QStringLiteral("c"), now + 1000).key, first.key);
        QVERIFY(t.contentKey(QStringLiteral("other"), now).key != first.key);
        QVERIFY(t.contentKey(QStringLiteral("c"), first.expiresAt).key != first.key); // expired: a new one
        t.revokeKey(QStringLiteral("c"));
        QVERIFY(!t.validKey(QStringLiteral("c"), now));
    }

    void codesAreSingleUseForTheirClientAndMinute()
    {
        TokenIssuer t;
        start(t);
        const QString code = t.issueCode(QStringLiteral("c"), QStringLiteral("p"), QStringLiteral("eidapi_auth"), now);
        QCOMPARE(code.size(), 32);
        QVERIFY(!t.redeemCode(code, QStringLiteral("other"), now));
        const auto used = t.redeemCode(code, QStringLiteral("c"), now + m_options.authCodeLifetimeMs);
        QVERIFY(used);
        QCOMPARE(used->personaId, QStringLiteral("p"));
        QCOMPARE(used->scope, QStringLiteral("eidapi_auth"));
        QVERIFY(!t.redeemCode(code, QStringLiteral("c"), now)); // once only

        const QString late = t.issueCode(QStringLiteral("c"), QStringLiteral("p"), {}, now);
        QVERIFY(!t.redeemCode(late, QStringLiteral("c"), now + m_options.authCodeLifetimeMs + 1));
    }

    void base64CodesCarryPlusAndSlash()
    {
        TokenIssuer t;
        start(t, Mock::CodeStyle::Base64);
        const QString code = t.issueCode(QStringLiteral("c"), QStringLiteral("p"), {}, now);
        QCOMPARE(code.size(), 24);
        QVERIFY(code.contains(QLatin1Char('+')) && code.contains(QLatin1Char('/')));
        QVERIFY(t.redeemCode(code, QStringLiteral("c"), now));
    }

    void tokensAreBoundToClientAndLifetime()
    {
        TokenIssuer t;
        start(t);
        const IssuedToken grant {QStringLiteral("c"), QStringLiteral("p"), QStringLiteral("o"), QStringLiteral("s"),
            now + m_options.accessTokenLifetimeMs};
        const QString token = t.issueToken(grant);
        QCOMPARE(t.issueToken(grant), token); // stable per client and persona
        QVERIFY(t.token(token, QStringLiteral("c"), now));
        QCOMPARE(t.token(token, QStringLiteral("c"), now)->openId, QStringLiteral("o"));
        QVERIFY(!t.token(token, QStringLiteral("other"), now));
        QVERIFY(!t.token(token, QStringLiteral("c"), grant.expiresAt));
        QCOMPARE(t.tokenCount(), 1);
        t.sweep(grant.expiresAt);
        QCOMPARE(t.tokenCount(), 0);
    }

    void openIdIsStablePerClientAndPersona()
    {
        const QString a = TokenIssuer::openId("secret", QStringLiteral("c1"), QStringLiteral("p"));
        QCOMPARE(a.size(), 32);
        QCOMPARE(TokenIssuer::openId("secret", QStringLiteral("c1"), QStringLiteral("p")), a);
        QVERIFY(TokenIssuer::openId("secret", QStringLiteral("c2"), QStringLiteral("p")) != a);
        QVERIFY(TokenIssuer::openId("secret", QStringLiteral("c1"), QStringLiteral("q")) != a);
    }

    void signedTokensVerifyOnlyHere()
    {
        TokenIssuer t;
        start(t);
        const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("r1")}, {QStringLiteral("aud"), QStringLiteral("c")}};
        auto token = t.signToken(claims);
        QVERIFY(token);
        auto back = t.verifyToken(*token);
        QVERIFY(back);
        QCOMPARE(back->value(QLatin1String("sub")).toString(), QStringLiteral("r1"));

        QByteArray tampered = *token;
        tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
        auto bad = t.verifyToken(tampered);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("unauthorized"));

        TokenIssuer other; // another server secret
        start(other);
        QVERIFY(!other.verifyToken(*token));
    }
};

QTEST_GUILESS_MAIN(TestTokenIssuer)
#include "tst_tokenissuer.moc"
