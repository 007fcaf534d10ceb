#include "protocol/ReturnCodes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

/// Every named return code (protocol/ReturnCodes.h) is a row of resources/catalog/return-codes.json, and the row
/// means what the constant's name says.
class TestReturnCodes : public QObject
{
    Q_OBJECT

    QHash<QString, QString> m_meaning; ///< code → English meaning, read straight from the data file

private slots:
    void initTestCase()
    {
        QFile f(QStringLiteral(IAMSMART_SOURCE_DIR "/resources/catalog/return-codes.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll()).array()) {
            const QJsonObject o = v.toObject();
            m_meaning.insert(o.value(QLatin1String("code")).toString(),
                o.value(QLatin1String("meaning")).toObject().value(QLatin1String("en")).toString());
        }
        QVERIFY(m_meaning.size() > 40);
    }

    void constantMeansWhatItsNameSays_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("meaning");
        using namespace Protocol::Code;
        const QList<std::pair<QString, const char*>> rows {
            {Success, "Success"},
            {UnknownException, "Unknown exception"},
            {ParameterMissing, "Parameter %1 is missing"},
            {ParameterEmpty, "Parameter %1 is empty"},
            {ParameterInvalid, "Parameter %1 is invalid"},
            {DuplicatedRequest, "Duplicated request"},
            {SignatureMethodUnsupported, "Signature method not supported"},
            {SignatureInvalid, "Signature verification failed"},
            {SourceUnsupported, "Source not supported"},
            {InvalidServiceUrl, "Invalid online service URL"},
            {AccessTokenInvalid, "Access token does not exist or has expired"},
            {OpenIdUnknown, "openID (Tokenised ID) does not exist"},
            {DuplicatedBusinessId, "Duplicated businessID"},
            {InsufficientPermission, "Insufficient permission"},
            {TooManyPending, "Too many requests"},
            {KekInvalid, "Key encryption key does not exist or has expired"},
            {CekInvalid, "Content encryption key does not exist or has expired"},
            {EncryptionError, "Encryption error"},
            {DecryptionError, "Decryption error"},
            {AuthCancelled, "User cancelled the authentication request"},
            {AuthRejected, "User rejected the authentication request"},
            {AuthTimedOut, "Authentication request timed out"},
            {AuthCodeInvalid, "Authorisation code does not exist or has expired"},
            {ProfileRejected, "User rejected the profile request"},
            {ProfileTimedOut, "Profile request timed out"},
            {FormCancelled, "User cancelled the form-filling request"},
            {FormRejected, "User rejected the form-filling request"},
            {FormTimedOut, "Form-filling request timed out"},
            {SignCancelled, "User cancelled the signing request"},
            {SignRejected, "User rejected the signing request"},
            {SignFailed, "Signing failed"},
            {SignTimedOut, "Signing request timed out"},
            {SignNotAllowed, "User is not allowed to sign"},
            {SignHkicMismatch, "HKIC number does not match the signer"},
            {BulkSignCancelled, "Bulk signing: user cancelled the signing request"},
            {BulkSignRejected, "Bulk signing: user rejected the signing request"},
            {BulkSignFailed, "Bulk signing: signing failed"},
            {BulkSignTimedOut, "Bulk signing: signing request timed out"},
            {ReauthRejected, "User rejected the re-authentication request"},
            {ReauthTimedOut, "Re-authentication request timed out"},
            {GatewayOk, "OK: the request succeeded"},
        };
        for (const auto& [code, meaning] : rows)
            QTest::newRow(qPrintable(code)) << code << QString::fromUtf8(meaning);
    }

    void constantMeansWhatItsNameSays()
    {
        QFETCH(QString, code);
        QFETCH(QString, meaning);
        QVERIFY2(m_meaning.contains(code), qPrintable(code + QStringLiteral(" is not in return-codes.json")));
        QVERIFY2(m_meaning.value(code).startsWith(meaning),
            qPrintable(QStringLiteral("%1 means \"%2\"").arg(code, m_meaning.value(code))));
    }

    void successIsTheOnlySuccess()
    {
        QVERIFY(Protocol::Code::isSuccess(QStringLiteral("D00000")));
        QVERIFY(!Protocol::Code::isSuccess(Protocol::Code::UnknownException));
        QVERIFY(!Protocol::Code::isSuccess(QString()));
    }
};

QTEST_GUILESS_MAIN(TestReturnCodes)
#include "tst_returncodes.moc"
