#include "util/Masking.h"

#include <QJsonObject>
#include <QTest>

/// Presenter-mode masking of personal data.
class TestMasking : public QObject
{
    Q_OBJECT

private slots:
    void hkicInText_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("one letter") << QStringLiteral("HKIC K538271(8) given")
                                    << QStringLiteral("HKIC K53****(*) given");
        QTest::newRow("two letters, no brackets") << QStringLiteral(
            "XB4826159") << QStringLiteral("XB48****(*)").remove(QLatin1Char('(')).remove(QLatin1Char(')'));
        QTest::newRow("no HKIC") << QStringLiteral("businessID 12345678") << QStringLiteral("businessID 12345678");
    }

    void hkicInText()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(Util::maskText(in), out);
    }

    void profileFields()
    {
        const QJsonObject profile {{QStringLiteral("idNo"),
                                       QJsonObject {{QStringLiteral("Identification"), QStringLiteral("K538271")},
                                           {QStringLiteral("CheckDigit"), QStringLiteral("8")}}},
            {QStringLiteral("enName"),
                QJsonObject {{QStringLiteral("UnstructuredName"), QStringLiteral("CHAN, Siu Ming")}}},
            {QStringLiteral("chName"), QJsonObject {{QStringLiteral("ChineseName"), QStringLiteral("陳小明")}}},
            {QStringLiteral("mobileNumber"),
                QJsonObject {{QStringLiteral("CountryCode"), QStringLiteral("852")},
                    {QStringLiteral("SubscriberNumber"), QStringLiteral("91234567")}}},
            {QStringLiteral("emailAddress"), QStringLiteral("siuming@example.hk")},
            {QStringLiteral("birthDate"), QStringLiteral("19880214")},
            {QStringLiteral("businessID"), QStringLiteral("keep-me")}};
        const QJsonObject m = Util::maskPersonalData(profile).toObject();
        QCOMPARE(m.value(QStringLiteral("idNo")).toObject().value(QStringLiteral("Identification")).toString(),
            QStringLiteral("K53****"));
        QCOMPARE(m.value(QStringLiteral("idNo")).toObject().value(QStringLiteral("CheckDigit")).toString(),
            QStringLiteral("*"));
        QCOMPARE(m.value(QStringLiteral("enName")).toObject().value(QStringLiteral("UnstructuredName")).toString(),
            QStringLiteral("C***, *** ****"));
        QCOMPARE(m.value(QStringLiteral("chName")).toObject().value(QStringLiteral("ChineseName")).toString(),
            QStringLiteral("陳**"));
        QCOMPARE(
            m.value(QStringLiteral("mobileNumber")).toObject().value(QStringLiteral("SubscriberNumber")).toString(),
            QStringLiteral("9123****"));
        QCOMPARE(m.value(QStringLiteral("mobileNumber")).toObject().value(QStringLiteral("CountryCode")).toString(),
            QStringLiteral("852"));
        QCOMPARE(m.value(QStringLiteral("emailAddress")).toString(), QStringLiteral("s******@example.hk"));
        QCOMPARE(m.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1988****"));
        QCOMPARE(m.value(QStringLiteral("businessID")).toString(), QStringLiteral("keep-me"));
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
