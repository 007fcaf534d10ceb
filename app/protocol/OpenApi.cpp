#include "OpenApi.h"
#include "ReturnCodes.h"

#include "util/Yaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Protocol {
namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QString describe(const Text& label, const Text& description)
{
    if (label.en().isEmpty())
        return description.en();
    if (description.en().isEmpty())
        return label.en();
    return label.en() + QStringLiteral(". ") + description.en();
}

QJsonArray enumValues(const ApiCatalog& catalog, const QString& name)
{
    QJsonArray out;
    if (const Enumeration* e = catalog.enumeration(name)) {
        for (const EnumValue& v : e->values)
            out.append(v.value);
    }
    return out;
}

QString schemaFormat(const QString& format)
{
    if (format == QLatin1String("url"))
        return s("uri");
    if (format == QLatin1String("uuid"))
        return s("uuid");
    if (format == QLatin1String("base64"))
        return s("byte");
    if (format == QLatin1String("epoch-ms"))
        return s("int64");
    return format;
}

QJsonObject objectSchema(const ApiCatalog& catalog, const QList<FieldSpec>& fields)
{
    QJsonObject properties;
    QJsonArray required;
    for (const FieldSpec& f : fields) {
        properties.insert(f.name, OpenApi::fieldSchema(catalog, f));
        if (f.required)
            required.append(f.name);
    }
    QJsonObject schema {{s("type"), s("object")}, {s("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(s("required"), required);
    return schema;
}

QJsonObject mockObject(const QList<FieldSpec>& fields)
{
    QJsonObject o;
    for (const FieldSpec& f : fields) {
        if (!f.mock.isUndefined() && !f.mock.isNull())
            o.insert(f.name, f.mock);
    }
    return o;
}

/// The value form of an encrypted `content`: protocol.md §3.2.
QJsonObject encryptedString()
{
    return {{s("type"), s("string")}, {s("format"), s("byte")},
        {s("description"),
            s("Base64 of IV (12 bytes) + AES-256-GCM ciphertext + tag, encrypted with the content encryption key "
              "(protocol.md §3.2). Environments with plain JSON (the Cyberport sandbox) send the object instead.")}};
}

QJsonObject headerParameter(const ApiCatalog& catalog, const HeaderSpec& h)
{
    QJsonObject schema {{s("type"), h.type}};
    if (h.maxLength >= 0)
        schema.insert(s("maxLength"), h.maxLength);
    if (!h.pattern.isEmpty() && h.type == QLatin1String("string"))
        schema.insert(s("pattern"), QStringLiteral("^(?:%1)$").arg(h.pattern));
    if (!h.enumName.isEmpty())
        schema.insert(s("enum"), enumValues(catalog, h.enumName));
    if (!h.format.isEmpty())
        schema.insert(s("format"), schemaFormat(h.format));
    QJsonObject p {{s("name"), h.name}, {s("in"), s("header")}, {s("required"), h.required},
        {s("description"), h.description.en()}, {s("schema"), schema}};
    if (!h.mock.isEmpty()) {
        if (h.type == QLatin1String("integer"))
            p.insert(s("example"), h.mock.toLongLong());
        else
            p.insert(s("example"), h.mock);
    }
    return p;
}

QJsonArray queryParameters(const ApiCatalog& catalog, const QList<FieldSpec>& fields)
{
    QJsonArray out;
    for (const FieldSpec& f : fields) {
        QJsonObject p {{s("name"), f.name}, {s("in"), s("query")}, {s("required"), f.required},
            {s("description"), describe(f.label, f.description)}, {s("schema"), OpenApi::fieldSchema(catalog, f)}};
        if (!f.mock.isUndefined() && !f.mock.isNull())
            p.insert(s("example"), f.mock);
        out.append(p);
    }
    return out;
}

QJsonObject jsonContent(const QJsonObject& schema, const QJsonValue& example)
{
    QJsonObject media {{s("schema"), schema}};
    if (!example.isUndefined())
        media.insert(s("example"), example);
    return {{s("application/json"), media}};
}

QJsonObject statusResponses(const ApiCatalog& catalog, const ApiSpec& api, QJsonObject responses)
{
    for (const QString& code : OpenApi::httpStatuses(catalog, api)) {
        const QString status = code.mid(4);
        if (responses.contains(status))
            continue;
        const ReturnCode* rc = catalog.returnCode(code);
        responses.insert(status, QJsonObject {{s("description"), rc ? rc->meaning.en() : status}});
    }
    return responses;
}

/// The §2.3 envelope with `content` as `contentSchema`; callbacks add the RSA-wrapped `secretKey`.
QJsonObject envelopeSchema(const ApiCatalog& catalog, const ApiSpec& api, const QJsonObject& contentSchema,
    bool callback)
{
    QJsonArray codes;
    for (const QString& c : api.returnCodes) {
        if (c.startsWith(QLatin1Char('D')))
            codes.append(c);
    }
    QJsonObject code {{s("type"), s("string")}, {s("pattern"), s("^D[0-9]{5}$")},
        {s("description"), QStringLiteral("%1 on success; any other code is a failure (see the return code list).").arg(Code::Success)}};
    if (!codes.isEmpty() && !callback)
        code.insert(s("enum"), codes);
    QJsonObject content = contentSchema;
    if (api.encrypted)
        content = {{s("anyOf"), QJsonArray {contentSchema, encryptedString()}}};
    QJsonObject properties {
        {s("txID"),
            QJsonObject {{s("type"), s("string")},
                {s("description"), s("Identifier of the answer for troubleshooting, e.g. T=… (protocol.md §2.3).")}}},
        {s("code"), code}, {s("message"), QJsonObject {{s("type"), s("string")}}}, {s("content"), content}};
    if (callback && api.encrypted)
        properties.insert(s("secretKey"),
            QJsonObject {{s("type"), s("string")}, {s("format"), s("byte")},
                {s("description"), s("The content encryption key, RSA-encrypted with the service's key (§3.1).")}});
    Q_UNUSED(catalog);
    return {{s("type"), s("object")}, {s("required"), QJsonArray {s("code")}}, {s("properties"), properties}};
}

QJsonObject callbackOperation(const ApiCatalog& catalog, const ApiSpec& cb)
{
    QJsonObject op {{s("operationId"), cb.id}, {s("summary"), cb.label.en()},
        {s("description"), cb.description.en() + (cb.source.isEmpty() ? QString() : QStringLiteral(" (") + cb.source + QLatin1Char(')'))},
        {s("tags"), QJsonArray {cb.category}}};
    QJsonObject responses {{s("200"), QJsonObject {{s("description"), s("Received by the online service.")}}}};
    if (cb.method == QLatin1String("GET")) {
        op.insert(s("parameters"), queryParameters(catalog, cb.fields));
        responses.insert(s("302"), QJsonObject {{s("description"), s("The online service sends the browser on.")}});
    } else {
        const QJsonObject content = objectSchema(catalog, cb.fields);
        QJsonObject example {{s("txID"), s("T=938ffb193b4b4370b6c2584372c6a588")}, {s("code"), Code::Success},
            {s("message"), s("SUCCESS")}, {s("content"), mockObject(cb.fields)}};
        op.insert(s("requestBody"),
            QJsonObject {{s("required"), true},
                {s("content"), jsonContent(envelopeSchema(catalog, cb, content, true), example)}});
    }
    op.insert(s("responses"), statusResponses(catalog, cb, responses));
    return op;
}

/// Where iAM Smart sends a callback: the redirect the request names, else the service's registered address.
QString callbackExpression(const ApiCatalog& catalog, const ApiSpec& api, const ApiSpec& cb)
{
    const QString field = api.redirectField();
    if (api.field(field)) {
        if (api.method == QLatin1String("GET"))
            return QStringLiteral("{$request.query.%1}").arg(field);
        return QStringLiteral("{$request.body#/%1}").arg(field);
    }
    // No redirect in this request: the address registered for the service (any mock redirect of the family).
    for (const ApiSpec& other : catalog.apis()) {
        if (other.family != api.family)
            continue;
        if (const FieldSpec* f = other.field(other.redirectField()); f && f->mock.isString()) {
            const QUrl url(f->mock.toString());
            return url.scheme() + QStringLiteral("://") + url.authority() + cb.path;
        }
    }
    return QStringLiteral("https://rp.example.hk") + cb.path;
}

QJsonObject operation(const ApiCatalog& catalog, const ApiSpec& api, const QStringList& callbacks)
{
    QString description = api.description.en();
    if (api.encrypted)
        description += s(" The body and the response content are AES-256-GCM encrypted in environments that "
                         "encrypt (the body is then {\"content\": \"<Base64>\"}); the schemas show the plain JSON "
                         "the Cyberport sandbox exchanges.");
    if (api.isSigned)
        description += s(" The request is signed: HMAC-SHA256 over clientID + signatureMethod + timestamp + nonce "
                         "+ the exact body (protocol.md §2.2).");
    if (api.modelled)
        description += s(" The iAM Smart wire format of this API is not published; this is the console's model.");
    if (!api.scope.isEmpty())
        description += QStringLiteral(" Scope: %1.").arg(api.scope);
    if (!api.source.isEmpty())
        description += QStringLiteral(" Source: %1.").arg(api.source);

    QJsonObject op {{s("operationId"), api.id}, {s("summary"), api.label.en()}, {s("description"), description},
        {s("tags"), QJsonArray {api.category}}};
    if (!api.scope.isEmpty())
        op.insert(s("x-iamsmart-scope"), api.scope);
    if (api.encrypted)
        op.insert(s("x-iamsmart-encrypted"), true);

    QJsonArray parameters;
    if (api.isSigned) {
        for (const HeaderSpec& h : catalog.headers(QStringLiteral("iamsmart"))) {
            if (h.name.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) != 0) // OpenAPI: from the media type
                parameters.append(headerParameter(catalog, h));
        }
    }
    QJsonObject responses;
    if (api.kind == ApiKind::Browser) {
        for (const QJsonValue& p : queryParameters(catalog, api.fields))
            parameters.append(p);
        const QJsonObject html {{s("schema"), QJsonObject {{s("type"), s("string")}}},
            {s("example"), s("<!DOCTYPE html><html><body>QR code</body></html>")}};
        responses.insert(s("200"),
            QJsonObject {{s("description"), s("The iAM Smart page (QR code, or the broker page that opens the app).")},
                {s("content"), QJsonObject {{s("text/html"), html}}}});
    } else {
        const QJsonObject body = objectSchema(catalog, api.fields);
        QJsonObject bodySchema = body;
        if (api.encrypted) {
            bodySchema = {{s("anyOf"),
                QJsonArray {body,
                    QJsonObject {{s("type"), s("object")}, {s("required"), QJsonArray {s("content")}},
                        {s("properties"), QJsonObject {{s("content"), encryptedString()}}}}}}};
        }
        op.insert(s("requestBody"),
            QJsonObject {{s("required"), !api.fields.isEmpty()}, {s("content"), jsonContent(bodySchema, api.mockValues())}});

        QJsonObject content = objectSchema(catalog, api.responseFields);
        QJsonValue sample = api.responseSample;
        if (sample.isUndefined() || sample.isNull())
            sample = mockObject(api.responseFields);
        if (api.isGateway()) {
            responses.insert(s("200"),
                QJsonObject {{s("description"), s("Plain JSON answer (protocol.md §7).")},
                    {s("content"), jsonContent(content, sample)}});
        } else {
            const QJsonObject example {{s("txID"), s("T=938ffb193b4b4370b6c2584372c6a588")}, {s("code"), Code::Success},
                {s("message"), s("SUCCESS")}, {s("content"), sample}};
            responses.insert(s("200"),
                QJsonObject {{s("description"),
                                 QStringLiteral("The response envelope (protocol.md §2.3); `content` only when code is %1.").arg(Code::Success)},
                    {s("content"), jsonContent(envelopeSchema(catalog, api, content, false), example)}});
        }
    }
    if (!parameters.isEmpty())
        op.insert(s("parameters"), parameters);
    op.insert(s("responses"), statusResponses(catalog, api, responses));
    if (api.isGateway())
        op.insert(s("security"),
            QJsonArray {QJsonObject {{s("gatewayClientId"), QJsonArray {}}, {s("gatewayClientSecret"), QJsonArray {}}}});

    QJsonObject cbs;
    for (const QString& id : callbacks) {
        const ApiSpec* cb = catalog.api(id);
        if (!cb)
            continue;
        cbs.insert(cb->id,
            QJsonObject {{callbackExpression(catalog, api, *cb),
                QJsonObject {{cb->method.toLower(), callbackOperation(catalog, *cb)}}}});
    }
    if (!cbs.isEmpty())
        op.insert(s("callbacks"), cbs);
    return op;
}

bool inFamily(const ApiSpec& api, const QString& family)
{
    return family.isEmpty() || api.family == family;
}

QJsonArray serverList(const QList<OpenApiServer>& servers, const QString& family)
{
    QJsonArray out;
    for (const OpenApiServer& server : servers) {
        if (!server.family.isEmpty() && server.family != family)
            continue;
        QString url = server.url;
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        if (family != QLatin1String("gateway"))
            url += QStringLiteral("/api/v1");
        QJsonObject entry {{s("url"), url}, {s("description"), server.description}};
        if (!server.variables.isEmpty())
            entry.insert(s("variables"), server.variables);
        out.append(entry);
    }
    return out;
}

} // namespace

QJsonObject OpenApi::fieldSchema(const ApiCatalog& catalog, const FieldSpec& f)
{
    QJsonObject schema {{s("type"), f.type}};
    if (f.type == QLatin1String("string")) {
        if (f.maxLength >= 0)
            schema.insert(s("maxLength"), f.maxLength);
        if (!f.pattern.isEmpty())
            schema.insert(s("pattern"), QStringLiteral("^(?:%1)$").arg(f.pattern));
        if (!f.enumName.isEmpty())
            schema.insert(s("enum"), enumValues(catalog, f.enumName));
    } else if (f.type == QLatin1String("array")) {
        QJsonObject items;
        if (!f.enumName.isEmpty())
            items = {{s("type"), s("string")}, {s("enum"), enumValues(catalog, f.enumName)}};
        else if (f.mock.isArray() && !f.mock.toArray().isEmpty()) {
            const QJsonValue first = f.mock.toArray().first();
            items.insert(s("type"),
                first.isString()       ? s("string")
                    : first.isDouble() ? s("number")
                    : first.isBool()   ? s("boolean")
                    : first.isArray()  ? s("array")
                                       : s("object"));
            if (first.isArray())
                items.insert(s("items"), QJsonObject {});
        }
        schema.insert(s("items"), items);
        if (f.minItems >= 0)
            schema.insert(s("minItems"), f.minItems);
    }
    if (!f.format.isEmpty())
        schema.insert(s("format"), schemaFormat(f.format));
    const QString text = describe(f.label, f.description);
    if (!text.isEmpty())
        schema.insert(s("description"), text);
    if (!f.mock.isUndefined() && !f.mock.isNull())
        schema.insert(s("example"), f.mock);
    return schema;
}

QHash<QString, QStringList> OpenApi::callbacksByOperation(const ApiCatalog& catalog, const QString& family)
{
    QHash<QString, QStringList> out;
    QSet<QString> named;
    for (const ApiSpec& api : catalog.apis()) {
        if (api.kind == ApiKind::Callback || !inFamily(api, family) || api.callbackId.isEmpty())
            continue;
        out[api.id].append(api.callbackId);
        named.insert(api.callbackId);
    }
    for (const ApiSpec& cb : catalog.apis()) {
        if (cb.kind != ApiKind::Callback || !inFamily(cb, family) || named.contains(cb.id))
            continue;
        // Nothing asks for it: hang it on the operations that take one of the values it delivers.
        for (const ApiSpec& api : catalog.apis()) {
            if (api.kind == ApiKind::Callback || api.family != cb.family)
                continue;
            for (const FieldSpec& f : api.fields) {
                if (!f.earned.isEmpty() && f.earned == f.name && cb.field(f.name)) {
                    out[api.id].append(cb.id);
                    break;
                }
            }
        }
    }
    return out;
}

QStringList OpenApi::httpStatuses(const ApiCatalog& catalog, const ApiSpec& api)
{
    QStringList own;
    for (const QString& c : api.returnCodes) {
        if (c.startsWith(QLatin1String("HTTP")))
            own << c;
    }
    if (!own.isEmpty() || api.kind == ApiKind::Callback)
        return own;
    QStringList out;
    for (const ReturnCode& rc : catalog.returnCodes()) {
        if (rc.code.startsWith(QLatin1String("HTTP")) && rc.evidence == QLatin1String("O"))
            out << rc.code;
    }
    return out;
}

QJsonObject OpenApi::document(const ApiCatalog& catalog, const OpenApiOptions& options)
{
    const QString family = options.family;
    const QString rootFamily = family.isEmpty() ? s("iamsmart") : family;
    const auto callbacks = callbacksByOperation(catalog, family);

    QJsonObject paths;
    QSet<QString> categories;
    for (const ApiSpec& api : catalog.apis()) {
        if (api.kind == ApiKind::Callback || !inFamily(api, family))
            continue;
        QJsonObject item = paths.value(api.path).toObject();
        item.insert(api.method.toLower(), operation(catalog, api, callbacks.value(api.id)));
        if (api.family != rootFamily)
            item.insert(s("servers"), serverList(options.servers, api.family));
        paths.insert(api.path, item);
        categories.insert(api.category);
    }
    for (const auto& ids : callbacks) {
        for (const QString& id : ids) {
            if (const ApiSpec* cb = catalog.api(id))
                categories.insert(cb->category);
        }
    }

    QJsonArray tags;
    const QStringList order = catalog.categories();
    for (const QString& c : order) {
        if (categories.contains(c))
            tags.append(QJsonObject {{s("name"), c}});
    }

    QString title = s("iAM Smart APIs");
    if (family == QLatin1String("gateway"))
        title = s("iAM Smart gateway (Fill Easy) APIs");
    QJsonObject doc {{s("openapi"), s("3.0.3")},
        {s("info"),
            QJsonObject {{s("title"), title}, {s("version"), options.version.isEmpty() ? s("0") : options.version},
                {s("description"),
                    s("Generated by the iAM Smart Sandbox Console from its API catalog. iAM Smart family: signed "
                      "requests under /api/v1 answered by the {txID, code, message, content} envelope; gateway "
                      "family (seed 003): x-client-id / x-client-secret headers and plain JSON.")}}},
        {s("servers"), serverList(options.servers, rootFamily)}, {s("tags"), tags}, {s("paths"), paths}};
    if (family.isEmpty() || family == QLatin1String("gateway")) {
        doc.insert(s("components"),
            QJsonObject {{s("securitySchemes"),
                QJsonObject {{s("gatewayClientId"),
                                 QJsonObject {{s("type"), s("apiKey")}, {s("in"), s("header")},
                                     {s("name"), s("x-client-id")}}},
                    {s("gatewayClientSecret"),
                        QJsonObject {{s("type"), s("apiKey")}, {s("in"), s("header")},
                            {s("name"), s("x-client-secret")}}}}}});
    }
    return doc;
}

QByteArray OpenApi::toJson(const QJsonObject& document)
{
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QByteArray OpenApi::toYaml(const QJsonObject& document)
{
    return Util::Yaml::fromJson(document);
}

} // namespace Protocol
