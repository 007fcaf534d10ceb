#include "protocol/ApiCatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Protocol;

/// The API catalog (resources/catalog): complete, trilingual, self-consistent, one row per API.
class TestCatalog : public QObject
{
    Q_OBJECT

private:
    const ApiCatalog& catalog() const { return ApiCatalog::builtin(); }

    static QStringList textProblems(const Text& t) { return t.isComplete() ? QStringList {} : QStringList {t.en()}; }

private slots:
    void loads()
    {
        QVERIFY2(!catalog().apis().isEmpty(), qPrintable(ApiCatalog::builtinErrors()));
        QVERIFY(ApiCatalog::builtinErrors().isEmpty());
    }

    /// Every code an iAM Smart family API lists says how it happens, in the three languages.
    void everyListedCodeSaysHowItHappens()
    {
        int notes = 0;
        for (const ApiSpec& api : catalog().apis()) {
            if (api.isGateway())
                continue;
            for (const QString& code : api.returnCodes) {
                const Text how = catalog().how(api, code);
                QVERIFY2(how.isComplete(), qPrintable(api.id + QLatin1Char(' ') + code));
                QVERIFY(how.en() != catalog().returnCode(code)->meaning.en());
                ++notes;
            }
        }
        QVERIFY(notes > 300);
        // An API's own note wins over the code's.
        const ApiSpec* getResult = catalog().api(QStringLiteral("anonymous.eme.getResult"));
        QVERIFY(catalog().how(*getResult, QStringLiteral("D20000")).en().contains(QStringLiteral("before the user")));
        QVERIFY(catalog().how(*catalog().api(QStringLiteral("auth.profile")), QStringLiteral("D20000"))
                    .en()
                    .startsWith(QStringLiteral("Only when armed")));
    }

    /// A returnCodeHow entry must name a code the API lists.
    void howNamesListedCodesOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QDir src(QStringLiteral(":/catalog"));
        QDir(dir.path()).mkdir(QStringLiteral("apis"));
        for (const QString& name : src.entryList(QDir::Files))
            QVERIFY(QFile::copy(src.filePath(name), dir.filePath(name)));
        for (const QString& name : QDir(src.filePath(QStringLiteral("apis"))).entryList(QDir::Files)) {
            QFile in(src.filePath(QStringLiteral("apis/") + name));
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray bytes = in.readAll();
            if (name == QLatin1String("keys.getKey.json"))
                bytes.replace("\"returnCodeHow\": {\n    \"D00000\"", "\"returnCodeHow\": {\n    \"D70004\"");
            QFile out(dir.filePath(QStringLiteral("apis/") + name));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        const auto loaded = ApiCatalog::load(dir.path());
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().detail.contains(QStringLiteral("keys.getKey: returnCodeHow names D70004")),
            qPrintable(loaded.error().detail));
    }

    void coversEveryApiOfTheProtocol_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        const QList<std::array<const char*, 3>> rows {
            {"keys.getKey", "POST", "/security/getKey"},
            {"keys.revokeKey", "POST", "/security/revokeKey"},
            {"auth.getQR", "GET", "/auth/getQR"},
            {"auth.getToken", "POST", "/auth/getToken"},
            {"auth.profile", "POST", "/account/auth/profile/initiateRequest"},
            {"formfilling.eme", "POST", "/account/eme/initiateRequest"},
            {"signing.sign", "POST", "/account/signing/initiateRequest"},
            {"signing.ackResult", "POST", "/account/signing/ackResult"},
            {"signing.pdfSign", "POST", "/account/pdfsigning/initiateRequest"},
            {"signing.bulkSign", "POST", "/bdss/initiateRequest"},
            {"reauth.stepup", "POST", "/account/stepup/initiateRequest"},
            {"anonymous.eme.initiate", "POST", "/anonymous/eme/initiateRequest"},
            {"anonymous.eme.getResult", "POST", "/anonymous/eme/getResult"},
            {"anonymous.sign.initiate", "POST", "/anonymous/signing/initiateRequest"},
            {"anonymous.sign.getResult", "POST", "/anonymous/signing/getResult"},
            {"anonymous.pdfSign.initiate", "POST", "/anonymous/pdfsigning/initiateRequest"},
            {"anonymous.pdfSign.getResult", "POST", "/anonymous/pdfsigning/getResult"},
            {"callback.auth", "GET", "/callback/auth"},
            {"callback.profile", "POST", "/callback/profile"},
            {"callback.eme", "POST", "/callback/eme"},
            {"callback.sign", "POST", "/callback/sign"},
            {"callback.pdfSign", "POST", "/callback/pdfsign"},
            {"callback.reauth", "POST", "/callback/reauth"},
            {"callback.anonymous", "POST", "/callback/anonymous"},
            {"callback.bulkSign", "POST", "/callback/bulksign"},
            {"callback.directLogin", "GET", "/callback/direct-login"},
        };
        for (const auto& r : rows)
            QTest::newRow(r[0]) << QString::fromLatin1(r[0]) << QString::fromLatin1(r[1]) << QString::fromLatin1(r[2]);
    }

    void coversEveryApiOfTheProtocol()
    {
        QFETCH(QString, id);
        QFETCH(QString, method);
        QFETCH(QString, path);
        const ApiSpec* api = catalog().api(id);
        QVERIFY2(api, qPrintable(id));
        QCOMPARE(api->method, method);
        QCOMPARE(api->path, path);
        QCOMPARE(catalog().apiByPath(method, path), api);
    }

    void everyApi_data()
    {
        QTest::addColumn<QString>("id");
        for (const ApiSpec& api : catalog().apis())
            QTest::newRow(qPrintable(api.id)) << api.id;
    }

    void everyApi()
    {
        QFETCH(QString, id);
        const ApiSpec* api = catalog().api(id);
        QVERIFY(api);
        QVERIFY2(api->label.isComplete(), "label lacks a language");
        QVERIFY2(api->description.isComplete(), "description lacks a language");
        for (const FieldSpec& f : api->fields) {
            QVERIFY2(f.label.isComplete(), qPrintable(f.name + QStringLiteral(": label lacks a language")));
            QVERIFY2(f.description.isComplete(), qPrintable(f.name + QStringLiteral(": description lacks a language")));
            if (f.required)
                QVERIFY2(!f.mock.isUndefined(), qPrintable(f.name + QStringLiteral(": required without mock")));
            if (!f.mock.isUndefined()) {
                const auto v = catalog().checkValue(f, f.mock, true);
                QVERIFY2(!v, qPrintable(v ? v->detail : QString()));
            }
        }
        // The mock body as a whole passes the simulator's checks.
        const auto violations = catalog().checkBody(*api, api->mockValues());
        QVERIFY2(violations.isEmpty(), qPrintable(violations.isEmpty() ? QString() : violations.first().detail));
        // iAM Smart answers D00000; the gateway family answers with HTTP statuses.
        QVERIFY2(api->returnCodes.contains(api->isGateway() ? QStringLiteral("HTTP200") : QStringLiteral("D00000"))
                || api->kind == ApiKind::Callback,
            "a request lists its success code");
        if (api->kind != ApiKind::Callback && !api->phoneKind.isEmpty() && api->kind == ApiKind::Request) {
            QVERIFY2(!api->callbackId.isEmpty() || api->id.startsWith(QLatin1String("anonymous.")),
                "an API that waits for the phone names its callback");
        }
        if (!api->callbackId.isEmpty())
            QCOMPARE(catalog().api(api->callbackId)->kind, ApiKind::Callback);
    }

    void pathsAreUnique()
    {
        QSet<QString> seen;
        for (const ApiSpec& api : catalog().apis()) {
            const QString key = (api.kind == ApiKind::Callback ? QStringLiteral("cb ") : QString()) + api.path;
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
    }

    void everyCallbackShapeIsDefined()
    {
        int callbacks = 0;
        for (const ApiSpec& api : catalog().apis()) {
            if (api.kind != ApiKind::Callback)
                continue;
            ++callbacks;
            QVERIFY2(!api.fields.isEmpty(), qPrintable(api.id));
            if (api.method == QLatin1String("POST")) {
                QVERIFY2(
                    api.field(QStringLiteral("businessID")), qPrintable(api.id + QStringLiteral(" lacks businessID")));
                QVERIFY2(api.encrypted, qPrintable(api.id + QStringLiteral(" POST callbacks are encrypted")));
            }
        }
        QVERIFY(callbacks >= 9);
    }

    void returnCodesAndEnumsAreTrilingual()
    {
        for (const QString& code :
            {QStringLiteral("D00000"), QStringLiteral("D20001"), QStringLiteral("D20006"), QStringLiteral("D30002"),
                QStringLiteral("D40004"), QStringLiteral("D70005"), QStringLiteral("D71009"), QStringLiteral("D80003")})
            QVERIFY2(catalog().returnCode(code), qPrintable(code));
        for (const ReturnCode& rc : catalog().returnCodes())
            QVERIFY2(rc.meaning.isComplete(), qPrintable(rc.code));
        for (const QString& name : {QStringLiteral("sources"), QStringLiteral("scopes"), QStringLiteral("languages"),
                 QStringLiteral("profileFields"), QStringLiteral("eMEFields")}) {
            const Enumeration* e = catalog().enumeration(name);
            QVERIFY2(e, qPrintable(name));
            for (const EnumValue& v : e->values)
                QVERIFY2(v.label.isComplete(), qPrintable(name + QLatin1Char('.') + v.value));
        }
        QVERIFY(catalog().enumeration(QStringLiteral("sources"))->contains(QStringLiteral("PC_Browser")));
        QCOMPARE(catalog().enumeration(QStringLiteral("languages"))->valueList(),
            (QStringList {QStringLiteral("en-US"), QStringLiteral("zh-HK"), QStringLiteral("zh-CN")}));
    }

    void violations_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("rule");
        QTest::newRow("missing") << QStringLiteral("businessID") << QJsonValue() << false << QStringLiteral("D20001")
                                 << QStringLiteral("missing");
        QTest::newRow("empty string") << QStringLiteral("businessID") << QJsonValue(QString()) << true
                                      << QStringLiteral("D20002") << QStringLiteral("empty");
        QTest::newRow("empty array") << QStringLiteral("profileFields") << QJsonValue(QJsonArray()) << true
                                     << QStringLiteral("D20002") << QStringLiteral("empty");
        QTest::newRow("too long") << QStringLiteral("businessID") << QJsonValue(QString(37, QLatin1Char('a'))) << true
                                  << QStringLiteral("D20003") << QStringLiteral("maxLength");
        QTest::newRow("wrong type") << QStringLiteral("businessID") << QJsonValue(12) << true
                                    << QStringLiteral("D20003") << QStringLiteral("type");
        QTest::newRow("bad state") << QStringLiteral("state") << QJsonValue(QStringLiteral("a b")) << true
                                   << QStringLiteral("D20003") << QStringLiteral("pattern");
        QTest::newRow("unknown profile field")
            << QStringLiteral("profileFields")
            << QJsonValue(QJsonArray {QStringLiteral("idNo"), QStringLiteral("shoeSize")}) << true
            << QStringLiteral("D20003") << QStringLiteral("enum");
        QTest::newRow("unsupported source") << QStringLiteral("source") << QJsonValue(QStringLiteral("Netscape"))
                                            << true << QStringLiteral("D20007") << QStringLiteral("enum");
    }

    void violations()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(bool, present);
        QFETCH(QString, code);
        QFETCH(QString, rule);
        const ApiSpec* api = catalog().api(QStringLiteral("auth.profile"));
        QVERIFY(api);
        const FieldSpec* f = api->field(field);
        QVERIFY2(f, qPrintable(field));
        const auto v = catalog().checkValue(*f, value, present);
        QVERIFY(v.has_value());
        QCOMPARE(v->returnCode, code);
        QCOMPARE(v->rule, rule);
        QCOMPARE(v->field, field);
        QVERIFY2(v->detail.contains(field), qPrintable(v->detail));
    }

    void brokenCatalogIsRefusedWithReasons()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkdir(QStringLiteral("apis"));
        for (const QString& f :
            {QStringLiteral("enums.json"), QStringLiteral("return-codes.json"), QStringLiteral("headers.json")})
            QVERIFY(QFile::copy(QStringLiteral(":/catalog/") + f, dir.filePath(f)));
        QFile api(dir.filePath(QStringLiteral("apis/x.bad.json")));
        QVERIFY(api.open(QIODevice::WriteOnly));
        api.write(R"({"id":"x.bad","category":"auth","kind":"request","method":"POST","path":"/x",
            "label":{"en":"X","zh-HK":"","zh-CN":"X"},"description":{"en":"d","zh-HK":"d","zh-CN":"d"},
            "fields":[{"name":"state","type":"string","required":true,"maxLength":3,"mock":"toolong",
                       "label":{"en":"s","zh-HK":"s","zh-CN":"s"},"description":{"en":"s","zh-HK":"s","zh-CN":"s"}}],
            "returnCodes":["D00000","D99999"]})");
        api.close();
        auto loaded = ApiCatalog::load(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("bad-catalog"));
        QVERIFY2(loaded.error().detail.contains(QStringLiteral("zh-HK")), qPrintable(loaded.error().detail));

        // Fix the text; the remaining problems are the mock value and the unknown code.
        QVERIFY(api.open(QIODevice::WriteOnly | QIODevice::Truncate));
        api.write(R"({"id":"x.bad","category":"auth","kind":"request","method":"POST","path":"/x",
            "label":{"en":"X","zh-HK":"X","zh-CN":"X"},"description":{"en":"d","zh-HK":"d","zh-CN":"d"},
            "fields":[{"name":"state","type":"string","required":true,"maxLength":3,"mock":"toolong",
                       "label":{"en":"s","zh-HK":"s","zh-CN":"s"},"description":{"en":"s","zh-HK":"s","zh-CN":"s"}}],
            "returnCodes":["D00000","D99999"]})");
        api.close();
        loaded = ApiCatalog::load(dir.path());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().detail.contains(QStringLiteral("D99999")), qPrintable(loaded.error().detail));
        QVERIFY2(loaded.error().detail.contains(QStringLiteral("mock value")), qPrintable(loaded.error().detail));

        QFile garbage(dir.filePath(QStringLiteral("apis/y.json")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("{not json");
        garbage.close();
        loaded = ApiCatalog::load(dir.path());
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().detail.contains(QStringLiteral("y.json")), qPrintable(loaded.error().detail));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
