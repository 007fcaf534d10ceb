#include "callback/CallbackHistory.h"
#include "protocol/Redaction.h"
#include "session/History.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Session;

/// History and callback files hold only what they should: private permissions, tokens and decrypted personal
/// data redacted unless the user keeps them, and retention by age and count.
class TestHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static constexpr const char* token = "ACCESS-TOKEN-9f1c";
    static constexpr const char* openId = "OPEN-ID-77ab";
    static constexpr const char* hkic = "A1234563";

    static Exchange profileExchange(qint64 startedAt = QDateTime::currentMSecsSinceEpoch())
    {
        Exchange e;
        e.id = QStringLiteral("ex-%1").arg(startedAt);
        e.apiId = QStringLiteral("profile.getProfile");
        e.startedAt = startedAt;
        e.request.method = "POST";
        e.request.url = "http://127.0.0.1:1/api/v1/account/getProfile?x=%2F";
        e.request.headers = {{"clientID", "abc"}, {"Ocp-Apim-Subscription-Key", "SUBKEY"}};
        e.request.plaintext = QByteArray("{\"accessToken\":\"") + token + "\",\"openID\":\"" + openId
            + "\",\"businessID\":\"b-1\"}";
        e.request.body = "{\"content\":\"CIPHERTEXT\"}";
        e.httpStatus = 200;
        // A plain (sandbox) answer carries the personal data in the body itself.
        e.responseBody = QByteArray("{\"code\":\"D00000\",\"content\":{\"idNo\":{\"Identification\":\"") + hkic
            + "\"},\"enName\":{\"UnstructuredName\":\"CHAN, Tai Man\"},\"token\":\"GW-TOKEN\"}}";
        e.content = QJsonObject {{QStringLiteral("idNo"), QJsonObject {{QStringLiteral("Identification"),
                                                               QString::fromLatin1(hkic)}}},
            {QStringLiteral("enName"), QJsonObject {{QStringLiteral("UnstructuredName"), QStringLiteral("CHAN, Tai Man")}}},
            {QStringLiteral("businessID"), QStringLiteral("b-1")}};
        return e;
    }

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static int mode(const QString& path)
    {
        struct stat st {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    }

    static void assertNoPersonalData(const QByteArray& text)
    {
        for (const QByteArray& secret : {QByteArray(token), QByteArray(openId), QByteArray(hkic),
                 QByteArray("CHAN, Tai Man"), QByteArray("GW-TOKEN"), QByteArray("SUBKEY")})
            QVERIFY2(!text.contains(secret), secret.constData());
        QVERIFY(text.contains("[redacted]"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        ::umask(022); // the usual umask: files would be 0644 without care
    }

    void redactionFollowsTheCatalogFields()
    {
        QVERIFY(Protocol::isTokenField(QStringLiteral("accessToken")));
        QVERIFY(Protocol::isTokenField(QStringLiteral("openID")));
        QVERIFY(Protocol::isTokenField(QStringLiteral("token")));
        QVERIFY(Protocol::isPersonalField(QStringLiteral("idNo")));
        QVERIFY(Protocol::isPersonalField(QStringLiteral("enName")));
        QVERIFY(!Protocol::isPersonalField(QStringLiteral("businessID")));
        const QByteArray plain = "{\"code\":\"D00000\"}";
        QCOMPARE(Protocol::redactPersonalDataText(plain), plain); // nothing to hide: bytes unchanged
        QCOMPARE(Protocol::redactPersonalDataText("not json"), QByteArray("not json"));
        const QJsonValue nested = Protocol::redactPersonalData(
            QJsonArray {QJsonObject {{QStringLiteral("a"), QJsonObject {{QStringLiteral("openID"), 1}}}}});
        QCOMPARE(nested.toArray().at(0).toObject().value(QLatin1String("a")).toObject().value(QLatin1String("openID")),
            QJsonValue(Protocol::Redacted));
    }

    void historyFilesArePrivateAndRedacted()
    {
        const QString folder = m_dir.filePath(QStringLiteral("a/history"));
        ExchangeHistory history(folder);
        QVERIFY(history.append(profileExchange()).ok());
        QCOMPARE(mode(folder), 0700);
        const QStringList files = QDir(folder).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString file = QDir(folder).filePath(files.first());
        QCOMPARE(mode(file), 0600);
        const QByteArray text = readAll(file);
        assertNoPersonalData(text);
        QVERIFY(text.contains("b-1")); // what is not personal stays useful
        // Read back: the redacted exchange, still a usable request.
        const auto loaded = history.load();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(loaded.first().request.plaintext).object().value(QLatin1String("accessToken")),
            QJsonValue(Protocol::Redacted));
    }

    void keepingPersonalDataIsTheUsersChoice()
    {
        const QString folder = m_dir.filePath(QStringLiteral("kept"));
        HistorySettings settings;
        settings.keepPersonalData = true;
        ExchangeHistory history(folder, settings);
        QVERIFY(history.append(profileExchange()).ok());
        const QByteArray text = readAll(QDir(folder).filePath(QDir(folder).entryList(QDir::Files).first()));
        QVERIFY(text.contains(token));
        QVERIFY(text.contains(hkic));
        QVERIFY(!text.contains("SUBKEY")); // secret headers never
        QCOMPARE(mode(folder), 0700);
    }

    void harRedactsUnlessKept()
    {
        const Exchange e = profileExchange();
        const QByteArray redacted = QJsonDocument(Har::build({e}, QStringLiteral("t"))).toJson();
        assertNoPersonalData(redacted);
        QVERIFY(redacted.contains("_decryptedContent"));
        const QByteArray kept = QJsonDocument(Har::build({e}, QStringLiteral("t"), true)).toJson();
        QVERIFY(kept.contains(token));
        QVERIFY(kept.contains(hkic));
        const QString path = m_dir.filePath(QStringLiteral("x.har"));
        QVERIFY(Har::write({e}, path, QStringLiteral("t")).ok());
        QCOMPARE(mode(path), 0600);
        assertNoPersonalData(readAll(path));
    }

    void retentionByAgeAndCount()
    {
        const QString folder = m_dir.filePath(QStringLiteral("retention"));
        HistorySettings settings;
        QCOMPARE(settings.retentionDays, 30); // the default
        settings.retentionCount = 3;
        ExchangeHistory history(folder, settings);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 day = 24 * 3600 * 1000LL;
        QVERIFY(history.append(profileExchange(now - 40 * day)).ok()); // too old: gone at once
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 0);
        for (int i = 5; i >= 1; --i)
            QVERIFY(history.append(profileExchange(now - i * day)).ok());
        const auto kept = history.load();
        QCOMPARE(kept.size(), 3); // the newest three
        QCOMPARE(kept.first().startedAt, now - 3 * day);
        QCOMPARE(kept.last().startedAt, now - 1 * day);
        // 0 days and 0 entries: no limit.
        ExchangeHistory unlimited(folder, HistorySettings {false, 0, 0});
        QVERIFY(unlimited.append(profileExchange(now - 400 * day)).ok());
        QCOMPARE(unlimited.load().size(), 4);
    }

    void settingsAreStored()
    {
        QSettings().remove(QStringLiteral("history"));
        HistorySettings defaults = HistorySettings::load();
        QCOMPARE(defaults.keepPersonalData, false);
        QCOMPARE(defaults.retentionDays, 30);
        HistorySettings changed {true, 7, 50};
        changed.save();
        const HistorySettings loaded = HistorySettings::load();
        QCOMPARE(loaded.keepPersonalData, true);
        QCOMPARE(loaded.retentionDays, 7);
        QCOMPARE(loaded.retentionCount, 50);
        QSettings().remove(QStringLiteral("history"));
    }

    void callbackFilesArePrivateAndRedacted()
    {
        const QString folder = m_dir.filePath(QStringLiteral("b/callbacks"));
        Callback::CallbackRecord r;
        r.id = QStringLiteral("cb-1");
        r.receivedAt = QDateTime::currentMSecsSinceEpoch();
        r.method = "POST";
        r.path = "/callback/profile";
        r.body = QByteArray("{\"code\":\"D00000\",\"content\":{\"openID\":\"") + openId + "\"}}";
        r.content = QJsonObject {{QStringLiteral("openID"), QString::fromLatin1(openId)},
            {QStringLiteral("idNo"), QJsonObject {{QStringLiteral("Identification"), QString::fromLatin1(hkic)}}},
            {QStringLiteral("businessID"), QStringLiteral("b-1")}};
        QVERIFY(Callback::CallbackHistory(folder).append(r).ok());
        QCOMPARE(mode(folder), 0700);
        const QString file = QDir(folder).filePath(QDir(folder).entryList(QDir::Files).first());
        QCOMPARE(mode(file), 0600);
        const QByteArray text = readAll(file);
        QVERIFY(!text.contains(openId));
        QVERIFY(!text.contains(hkic));
        QVERIFY(text.contains("b-1"));
        // Kept when asked.
        const QString keptFolder = m_dir.filePath(QStringLiteral("b/kept"));
        QVERIFY(Callback::CallbackHistory(keptFolder, true).append(r).ok());
        QVERIFY(readAll(QDir(keptFolder).filePath(QDir(keptFolder).entryList(QDir::Files).first())).contains(openId));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
