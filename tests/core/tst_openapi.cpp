#include "TestSupport.h"
#include "protocol/OpenApi.h"
#include "session/ApiDefinition.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using Protocol::ApiCatalog;
using Protocol::ApiKind;
using Protocol::OpenApi;

namespace {

const QStringList methods {QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
    QStringLiteral("delete"), QStringLiteral("patch")};

struct Operation
{
    QString path;
    QString method;
    QJsonObject object;
};

QList<Operation> operations(const QJsonObject& doc)
{
    QList<Operation> out;
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (const QString& m : methods) {
            if (item.contains(m))
                out.append({it.key(), m, item.value(m).toObject()});
        }
    }
    return out;
}

/// Every operation of every callback object of `op`.
QList<QJsonObject> callbackOperations(const QJsonObject& op, QStringList* names = nullptr)
{
    QList<QJsonObject> out;
    const QJsonObject callbacks = op.value(QLatin1String("callbacks")).toObject();
    for (auto cb = callbacks.begin(); cb != callbacks.end(); ++cb) {
        if (names)
            *names << cb.key();
        const QJsonObject expressions = cb.value().toObject();
        for (auto e = expressions.begin(); e != expressions.end(); ++e) {
            const QJsonObject item = e.value().toObject();
            for (const QString& m : methods) {
                if (item.contains(m))
                    out.append(item.value(m).toObject());
            }
        }
    }
    return out;
}

bool hasRequestExample(const QJsonObject& op)
{
    const QJsonObject media = op.value(QLatin1String("requestBody"))
                                  .toObject()
                                  .value(QLatin1String("content"))
                                  .toObject()
                                  .value(QLatin1String("application/json"))
                                  .toObject();
    if (media.contains(QLatin1String("example")))
        return true;
    for (const QJsonValue& p : op.value(QLatin1String("parameters")).toArray()) {
        if (p.toObject().value(QLatin1String("in")).toString() != QLatin1String("header")
            && p.toObject().contains(QLatin1String("example")))
            return true;
    }
    return false;
}

QJsonObject parameter(const QJsonObject& op, const QString& name)
{
    for (const QJsonValue& p : op.value(QLatin1String("parameters")).toArray()) {
        if (p.toObject().value(QLatin1String("name")).toString() == name)
            return p.toObject();
    }
    return {};
}

QJsonObject bodyProperty(const QJsonObject& op, const QString& name)
{
    QJsonObject schema = op.value(QLatin1String("requestBody"))
                             .toObject()
                             .value(QLatin1String("content"))
                             .toObject()
                             .value(QLatin1String("application/json"))
                             .toObject()
                             .value(QLatin1String("schema"))
                             .toObject();
    if (schema.contains(QLatin1String("anyOf")))
        schema = schema.value(QLatin1String("anyOf")).toArray().first().toObject();
    return schema.value(QLatin1String("properties")).toObject().value(name).toObject();
}

const Operation* findOperation(const QList<Operation>& ops, const QString& id)
{
    for (const Operation& op : ops) {
        if (op.object.value(QLatin1String("operationId")).toString() == id)
            return &op;
    }
    return nullptr;
}

} // namespace

/// The OpenAPI export (issue 16): it follows the catalog exactly, so nothing can drift.
class TestOpenApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!ApiCatalog::builtin().apis().isEmpty(), qPrintable(ApiCatalog::builtinErrors()));
    }

    void operationsEqualNonCallbackApis_data()
    {
        QTest::addColumn<QString>("family");
        QTest::newRow("all") << QString();
        QTest::newRow("iamsmart") << QStringLiteral("iamsmart");
        QTest::newRow("gateway") << QStringLiteral("gateway");
    }

    void operationsEqualNonCallbackApis()
    {
        QFETCH(QString, family);
        const auto& catalog = ApiCatalog::builtin();
        const QJsonObject doc = Session::ApiDefinition::document(family);
        QCOMPARE(doc.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));

        QSet<QString> expected, expectedCallbacks;
        for (const auto& api : catalog.apis()) {
            if (!family.isEmpty() && api.family != family)
                continue;
            (api.kind == ApiKind::Callback ? expectedCallbacks : expected).insert(api.id);
        }
        QVERIFY(!expected.isEmpty());
        QVERIFY(!expectedCallbacks.isEmpty());

        QSet<QString> seen, seenCallbacks;
        for (const Operation& op : operations(doc)) {
            const QString id = op.object.value(QLatin1String("operationId")).toString();
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.insert(id);
            const auto* api = catalog.api(id);
            QVERIFY2(api, qPrintable(id));
            QCOMPARE(op.path, api->path);
            QCOMPARE(op.method, api->method.toLower());
            QStringList names;
            const auto cbOps = callbackOperations(op.object, &names);
            QCOMPARE(cbOps.size(), names.size());
            for (const QString& name : names) {
                const auto* cb = catalog.api(name);
                QVERIFY2(cb && cb->kind == ApiKind::Callback, qPrintable(name));
                seenCallbacks.insert(name);
            }
            // The callback a request names hangs on that request.
            if (!api->callbackId.isEmpty())
                QVERIFY2(names.contains(api->callbackId), qPrintable(id));
        }
        QCOMPARE(seen, expected);
        QCOMPARE(seenCallbacks, expectedCallbacks);
    }

    void everyOperationCarriesAnExample()
    {
        const QJsonObject doc = Session::ApiDefinition::document({});
        int checked = 0;
        for (const Operation& op : operations(doc)) {
            const QString id = op.object.value(QLatin1String("operationId")).toString();
            QVERIFY2(hasRequestExample(op.object), qPrintable(id + QStringLiteral(": no request example")));
            const QJsonObject ok = op.object.value(QLatin1String("responses")).toObject().value(QLatin1String("200")).toObject();
            const QJsonObject content = ok.value(QLatin1String("content")).toObject();
            QVERIFY2(!content.isEmpty(), qPrintable(id));
            for (const QJsonValue& media : content)
                QVERIFY2(media.toObject().contains(QLatin1String("example")), qPrintable(id + QStringLiteral(": 200")));
            for (const QJsonObject& cb : callbackOperations(op.object)) {
                QVERIFY2(hasRequestExample(cb), qPrintable(cb.value(QLatin1String("operationId")).toString()));
                ++checked;
            }
            ++checked;
        }
        QVERIFY(checked > 20);
    }

    void schemasFollowFieldRules()
    {
        const auto& catalog = ApiCatalog::builtin();
        const auto ops = operations(Session::ApiDefinition::document({}));

        const Operation* token = findOperation(ops, QStringLiteral("auth.getToken"));
        QVERIFY(token);
        QCOMPARE(bodyProperty(token->object, QStringLiteral("grantType")).value(QLatin1String("enum")).toArray(),
            QJsonArray {QStringLiteral("authorization_code")});
        QCOMPARE(bodyProperty(token->object, QStringLiteral("code")).value(QLatin1String("pattern")).toString(),
            QStringLiteral("^(?:") + catalog.api(QStringLiteral("auth.getToken"))->field(QStringLiteral("code"))->pattern
                + QStringLiteral(")$"));
        // The signature headers are parameters, with their types.
        for (const auto& h : catalog.headers(QStringLiteral("iamsmart"))) {
            if (h.name == QLatin1String("Content-Type"))
                continue;
            const QJsonObject p = parameter(token->object, h.name);
            QCOMPARE(p.value(QLatin1String("in")).toString(), QStringLiteral("header"));
            QCOMPARE(p.value(QLatin1String("required")).toBool(), h.required);
        }
        QCOMPARE(parameter(token->object, QStringLiteral("timestamp"))
                     .value(QLatin1String("schema"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
            QStringLiteral("integer"));
        QCOMPARE(parameter(token->object, QStringLiteral("nonce"))
                     .value(QLatin1String("schema"))
                     .toObject()
                     .value(QLatin1String("maxLength"))
                     .toInt(),
            36);
        // The envelope's code is one of the API's return codes; the seed's HTTP statuses are all there.
        const QJsonObject responses = token->object.value(QLatin1String("responses")).toObject();
        for (const char* status : {"200", "302", "400", "401", "403", "404", "429", "500", "503"})
            QVERIFY2(responses.contains(QLatin1String(status)), status);

        // A browser API: query parameters with the enumeration of its source values.
        const Operation* qr = findOperation(ops, QStringLiteral("auth.getQR"));
        QVERIFY(qr);
        QCOMPARE(qr->method, QStringLiteral("get"));
        const QJsonObject source = parameter(qr->object, QStringLiteral("source"));
        QCOMPARE(source.value(QLatin1String("in")).toString(), QStringLiteral("query"));
        QCOMPARE(source.value(QLatin1String("schema")).toObject().value(QLatin1String("enum")).toArray().size(),
            catalog.enumeration(QStringLiteral("browserSources"))->values.size());
        QVERIFY(parameter(qr->object, QStringLiteral("signature")).isEmpty()); // getQR is not signed
        QVERIFY(qr->object.value(QLatin1String("callbacks")).toObject().value(QLatin1String("callback.auth")).toObject()
                    .contains(QStringLiteral("{$request.query.redirectURI}")));

        // Gateway: x-client-id / x-client-secret as security, its own servers, plain JSON answer.
        const Operation* gw = findOperation(ops, QStringLiteral("gateway.auth"));
        QVERIFY(gw);
        QVERIFY(gw->object.value(QLatin1String("security")).toArray().first().toObject().contains(
            QStringLiteral("gatewayClientSecret")));
        QVERIFY(gw->object.value(QLatin1String("callbacks")).toObject().value(QLatin1String("callback.gateway")).toObject()
                    .contains(QStringLiteral("{$request.body#/redirect}")));
    }

    /// The document is made from the catalog's data: change a mock value or a rule and the document follows.
    void followsTheCatalogData()
    {
        const QString dir = m_dir.filePath(QStringLiteral("catalog"));
        QDirIterator it(QStringLiteral(":/catalog"), QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            if (!it.fileInfo().isFile())
                continue;
            const QString to = dir + from.mid(QStringLiteral(":/catalog").size());
            QDir().mkpath(QFileInfo(to).path());
            QFile::remove(to);
            QVERIFY(QFile::copy(from, to));
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        }
        QFile file(dir + QStringLiteral("/apis/auth.getToken.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject api = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray fields = api.value(QLatin1String("fields")).toArray();
        QJsonObject code = fields.at(0).toObject();
        QCOMPARE(code.value(QLatin1String("name")).toString(), QStringLiteral("code"));
        code.insert(QStringLiteral("mock"), QStringLiteral("changedMockValue42"));
        code.insert(QStringLiteral("maxLength"), 77);
        fields.replace(0, code);
        api.insert(QStringLiteral("fields"), fields);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(api).toJson());
        file.close();

        auto catalog = ApiCatalog::load(dir);
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().detail));
        const auto ops = operations(OpenApi::document(*catalog, {}));
        const Operation* token = findOperation(ops, QStringLiteral("auth.getToken"));
        QVERIFY(token);
        const QJsonObject example = token->object.value(QLatin1String("requestBody"))
                                        .toObject()
                                        .value(QLatin1String("content"))
                                        .toObject()
                                        .value(QLatin1String("application/json"))
                                        .toObject()
                                        .value(QLatin1String("example"))
                                        .toObject();
        QCOMPARE(example.value(QLatin1String("code")).toString(), QStringLiteral("changedMockValue42"));
        QCOMPARE(bodyProperty(token->object, QStringLiteral("code")).value(QLatin1String("maxLength")).toInt(), 77);
    }

    void httpStatusesOfTheSeed()
    {
        const auto& catalog = ApiCatalog::builtin();
        QCOMPARE(OpenApi::httpStatuses(catalog, *catalog.api(QStringLiteral("auth.profile"))),
            (QStringList {QStringLiteral("HTTP302"), QStringLiteral("HTTP400"), QStringLiteral("HTTP401"),
                QStringLiteral("HTTP403"), QStringLiteral("HTTP404"), QStringLiteral("HTTP429"),
                QStringLiteral("HTTP500"), QStringLiteral("HTTP503")}));
        QVERIFY(OpenApi::httpStatuses(catalog, *catalog.api(QStringLiteral("gateway.poll")))
                    .contains(QStringLiteral("HTTP410")));
    }

    void cliWritesTheSameDocument()
    {
        const QString out = m_dir.filePath(QStringLiteral("openapi.json"));
        auto r = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("catalog"), QStringLiteral("openapi"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object(), Session::ApiDefinition::document({}));

        r = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("catalog"), QStringLiteral("openapi"), QStringLiteral("--family"), QStringLiteral("gateway")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject gateway = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(gateway, Session::ApiDefinition::document(QStringLiteral("gateway")));
        QVERIFY(gateway.value(QLatin1String("paths")).toObject().contains(QStringLiteral("/iamsmart/v2/request/auth")));
        QVERIFY(!gateway.value(QLatin1String("paths")).toObject().contains(QStringLiteral("/auth/getToken")));
        QVERIFY(!gateway.value(QLatin1String("servers")).toArray().first().toObject().value(QLatin1String("url"))
                     .toString().endsWith(QLatin1String("/api/v1")));

        r = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("catalog"), QStringLiteral("openapi"), QStringLiteral("--format"), QStringLiteral("yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("---\n"));
        QVERIFY(r.out.contains("\nopenapi: \"3.0.3\"\n"));
        QVERIFY(r.out.contains("operationId: \"auth.getToken\""));

        r = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("catalog"), QStringLiteral("openapi"), QStringLiteral("--family"), QStringLiteral("corp")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--family") && r.err.contains("corp"), r.err.constData());
        r = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("catalog"), QStringLiteral("openapi"), QStringLiteral("--out"),
                m_dir.filePath(QStringLiteral("no/such/dir/x.json"))});
        QCOMPARE(r.exitCode == 0, false);
        QVERIFY2(r.err.contains("--out"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
