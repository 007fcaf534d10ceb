// RequestPresenter: the Specification tab, built from the catalog into resources/spec/api.html.
#include "RequestPresenter.h"

#include "protocol/OpenApi.h"
#include "protocol/ReturnCodes.h"
#include "util/Mustache.h"

#include <QFile>
#include <QJsonDocument>
#include <QUrlQuery>

namespace Session {
namespace {

/// The Specification tab's words keep the translation context they always had.
struct SpecText
{
    Q_DECLARE_TR_FUNCTIONS(SpecPage)
};

QString specTemplate()
{
    static const QString text = [] {
        QFile file(QStringLiteral(":/spec/api.html"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }();
    return text;
}

QJsonObject mockObject(const QList<Protocol::FieldSpec>& fields)
{
    QJsonObject o;
    for (const Protocol::FieldSpec& f : fields) {
        if (!f.mock.isUndefined() && !f.mock.isNull())
            o.insert(f.name, f.mock);
    }
    return o;
}

QString code(const QString& s)
{
    return QStringLiteral("<code>%1</code>").arg(s.toHtmlEscaped());
}

/// The rule cells (HTML): length and item bounds, pattern, format, and a link to the enumeration's table.
QString rules(int maxLength, int minItems, const QString& pattern, const QString& format, const QString& link)
{
    QStringList out;
    if (maxLength >= 0)
        out << SpecText::tr("at most %1 characters").arg(maxLength).toHtmlEscaped();
    if (minItems >= 0)
        out << SpecText::tr("at least %1 items").arg(minItems).toHtmlEscaped();
    if (!pattern.isEmpty())
        out << code(pattern);
    if (!format.isEmpty())
        out << code(format);
    if (!link.isEmpty())
        out << link;
    return out.join(QStringLiteral("<br>"));
}

QString enumLink(const QString& name, const QString& text)
{
    return QStringLiteral("<a href=\"#enum-%1\">%2</a>").arg(name.toHtmlEscaped(), text.toHtmlEscaped());
}

QVariantMap words()
{
    return {
        {QStringLiteral("modelled"), SpecText::tr("The wire format of this API is not published; the console models it.")},
        {QStringLiteral("scopeNeeded"), SpecText::tr("Scope needed:")},
        {QStringLiteral("none"), SpecText::tr("none")},
        {QStringLiteral("name"), SpecText::tr("Name")},
        {QStringLiteral("type"), SpecText::tr("Type")},
        {QStringLiteral("presence"), SpecText::tr("Presence")},
        {QStringLiteral("rules"), SpecText::tr("Rules")},
        {QStringLiteral("description"), SpecText::tr("Description")},
        {QStringLiteral("values"), SpecText::tr("Values")},
        {QStringLiteral("value"), SpecText::tr("Value")},
        {QStringLiteral("meaning"), SpecText::tr("Meaning")},
        {QStringLiteral("httpStatusCodes"), SpecText::tr("HTTP status codes")},
        {QStringLiteral("status"), SpecText::tr("Status")},
        {QStringLiteral("returnCodes"), SpecText::tr("Return codes")},
        {QStringLiteral("code"), SpecText::tr("Code")},
        {QStringLiteral("how"), SpecText::tr("How it happens")},
    };
}

QString presence(bool required)
{
    return required ? SpecText::tr("Required") : SpecText::tr("Optional");
}

} // namespace

QString RequestPresenter::specHtml(const Protocol::ApiSpec& api, Protocol::Language lang)
{
    const auto& catalog = Protocol::ApiCatalog::builtin();
    const bool callback = api.kind == Protocol::ApiKind::Callback;
    QVariantMap c;
    c.insert(QStringLiteral("t"), words());
    c.insert(QStringLiteral("title"), api.label.get(lang));
    c.insert(QStringLiteral("description"), api.description.get(lang));
    c.insert(QStringLiteral("method"), api.method);
    if (!callback)
        c.insert(QStringLiteral("prefix"), api.isGateway() ? QStringLiteral("{baseUrl}") : QStringLiteral("{baseUrl}/api/v1"));
    c.insert(QStringLiteral("path"), api.path);
    c.insert(QStringLiteral("modelled"), api.modelled);

    if (!api.scope.isEmpty()) {
        QString meaning;
        if (const Protocol::Enumeration* scopes = catalog.enumeration(QStringLiteral("scopes"))) {
            for (const auto& v : scopes->values) {
                if (v.value == api.scope)
                    meaning = v.label.get(lang);
            }
        }
        c.insert(QStringLiteral("scope"),
            QVariantMap {{QStringLiteral("code"), api.scope}, {QStringLiteral("meaning"), meaning}});
    } else if (!callback) {
        c.insert(QStringLiteral("scope"), QVariantMap {});
    }

    // The signed envelope's headers, or the gateway's client credentials; then the fields. Enumerations follow the
    // tables that use them.
    QStringList enumsUsed;
    QVariantList tables;
    const QList<Protocol::HeaderSpec> headers
        = api.isSigned || api.isGateway() ? catalog.headers(api.family) : QList<Protocol::HeaderSpec> {};
    if (!headers.isEmpty()) {
        QVariantList rows;
        for (const Protocol::HeaderSpec& h : headers) {
            QString link;
            if (!h.enumName.isEmpty()) {
                link = enumLink(h.enumName, SpecText::tr("values"));
                enumsUsed << h.enumName;
            }
            rows << QVariantMap {{QStringLiteral("name"), h.name}, {QStringLiteral("type"), h.type},
                {QStringLiteral("presence"), presence(h.required)},
                {QStringLiteral("rules"), rules(h.maxLength, -1, h.pattern, h.format, link)},
                {QStringLiteral("description"), h.description.get(lang)}};
        }
        tables << QVariantMap {{QStringLiteral("title"), SpecText::tr("Headers")}, {QStringLiteral("rows"), rows}};
    }
    auto fieldTable = [&](const QString& title, const QList<Protocol::FieldSpec>& fields) {
        if (fields.isEmpty())
            return;
        QVariantList rows;
        for (const Protocol::FieldSpec& f : fields) {
            QString link;
            if (!f.enumName.isEmpty()) {
                const Protocol::Enumeration* e = catalog.enumeration(f.enumName);
                link = enumLink(f.enumName, SpecText::tr("see the table of %1").arg(e ? e->label.get(lang) : f.enumName));
                if (!enumsUsed.contains(f.enumName))
                    enumsUsed << f.enumName;
            }
            rows << QVariantMap {{QStringLiteral("name"), f.name}, {QStringLiteral("type"), f.type},
                {QStringLiteral("presence"), presence(f.required)},
                {QStringLiteral("rules"), rules(f.maxLength, f.minItems, f.pattern, f.format, link)},
                {QStringLiteral("description"), f.label.get(lang) + QStringLiteral(": ") + f.description.get(lang)}};
        }
        tables << QVariantMap {{QStringLiteral("title"), title}, {QStringLiteral("rows"), rows}};
    };
    fieldTable(api.kind == Protocol::ApiKind::Browser || (callback && api.method == QLatin1String("GET"))
            ? SpecText::tr("Query parameters")
            : callback ? SpecText::tr("Content fields") : SpecText::tr("Fields"),
        api.fields);
    fieldTable(SpecText::tr("Response content fields"), api.responseFields);
    c.insert(QStringLiteral("tables"), tables);

    QVariantList enums;
    for (const QString& name : std::as_const(enumsUsed)) {
        const Protocol::Enumeration* e = catalog.enumeration(name);
        if (!e)
            continue;
        QVariantList values;
        for (const Protocol::EnumValue& v : e->values)
            values << QVariantMap {{QStringLiteral("value"), v.value}, {QStringLiteral("label"), v.label.get(lang)}};
        enums << QVariantMap {{QStringLiteral("name"), name}, {QStringLiteral("label"), e->label.get(lang)},
            {QStringLiteral("values"), values}};
    }
    c.insert(QStringLiteral("hasEnums"), !enums.isEmpty());
    c.insert(QStringLiteral("enums"), enums);

    // The whole answer (or callback) as it arrives.
    const QString txId = QStringLiteral("T=938ffb193b4b4370b6c2584372c6a588");
    auto envelope = [&txId](const QJsonValue& content) {
        return QJsonObject {{QStringLiteral("txID"), txId}, {QStringLiteral("code"), Protocol::Code::Success},
            {QStringLiteral("message"), QStringLiteral("SUCCESS")}, {QStringLiteral("content"), content}};
    };
    auto indented = [](const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)); };
    QVariantMap sample;
    if (callback && api.method == QLatin1String("GET")) {
        QUrlQuery query;
        const QJsonObject mocks = mockObject(api.fields);
        for (auto it = mocks.begin(); it != mocks.end(); ++it)
            query.addQueryItem(it.key(), it.value().toVariant().toString());
        sample = {{QStringLiteral("title"), SpecText::tr("Request sample")},
            {QStringLiteral("text"), QStringLiteral("GET {redirectURI}?") + query.toString(QUrl::FullyEncoded)}};
    } else if (callback) {
        sample = {{QStringLiteral("title"), SpecText::tr("Request sample")},
            {QStringLiteral("text"), indented(envelope(mockObject(api.fields)))}};
        if (api.encrypted)
            sample.insert(QStringLiteral("note"),
                SpecText::tr("Shown decrypted: on the wire content is AES-GCM encrypted Base64 and "
                             "secretKey carries the RSA-encrypted key."));
    } else if (api.kind != Protocol::ApiKind::Browser) {
        QJsonValue content = api.responseSample;
        if (content.isUndefined() || content.isNull())
            content = mockObject(api.responseFields);
        sample = {{QStringLiteral("title"), SpecText::tr("Response sample")},
            {QStringLiteral("text"), indented(api.isGateway() ? content.toObject() : envelope(content))}};
        if (api.encrypted)
            sample.insert(QStringLiteral("note"),
                SpecText::tr("Shown decrypted: environments that encrypt send content as AES-GCM encrypted "
                             "Base64."));
    }
    if (!sample.isEmpty())
        c.insert(QStringLiteral("sample"), sample);

    QVariantList statuses;
    for (const QString& s : Protocol::OpenApi::httpStatuses(catalog, api))
        statuses << QVariantMap {{QStringLiteral("status"), s.mid(4)}, {QStringLiteral("meaning"), codeMeaning(s, lang, QStringLiteral("…"))}};
    c.insert(QStringLiteral("hasStatuses"), !statuses.isEmpty());
    c.insert(QStringLiteral("statuses"), statuses);

    // Callbacks, linked both ways.
    auto apiLink = [lang](const Protocol::ApiSpec& a) {
        return QVariantMap {{QStringLiteral("scheme"), apiLinkScheme()}, {QStringLiteral("id"), a.id},
            {QStringLiteral("label"), a.label.get(lang)}};
    };
    const auto byOperation = Protocol::OpenApi::callbacksByOperation(catalog);
    QVariantList linked;
    QString linksTitle;
    if (callback) {
        QList<const Protocol::ApiSpec*> from;
        for (auto it = byOperation.begin(); it != byOperation.end(); ++it) {
            if (const Protocol::ApiSpec* a = catalog.api(it.key()); a && it.value().contains(api.id))
                from << a;
        }
        // In the order of the links' text, as the page always listed them.
        std::sort(from.begin(), from.end(), [](const Protocol::ApiSpec* a, const Protocol::ApiSpec* b) {
            return a->id < b->id;
        });
        for (const Protocol::ApiSpec* a : std::as_const(from))
            linked << apiLink(*a);
        linksTitle = SpecText::tr("Requests that lead to it");
    } else {
        for (const QString& id : byOperation.value(api.id)) {
            if (const Protocol::ApiSpec* cb = catalog.api(id))
                linked << apiLink(*cb);
        }
        linksTitle = SpecText::tr("Callbacks it triggers");
    }
    if (!linked.isEmpty())
        c.insert(QStringLiteral("links"), QVariantMap {{QStringLiteral("title"), linksTitle}, {QStringLiteral("apis"), linked}});

    // Return codes (the HTTP ones are in the status table).
    QVariantList codes;
    for (const QString& rc : api.returnCodes) {
        if (!rc.startsWith(QLatin1String("HTTP")))
            codes << QVariantMap {{QStringLiteral("code"), rc},
                {QStringLiteral("meaning"), codeMeaning(rc, lang, QStringLiteral("…"))},
                {QStringLiteral("how"), QString(Protocol::ApiCatalog::builtin().how(api, rc).get(lang))}};
    }
    c.insert(QStringLiteral("hasReturnCodes"), !codes.isEmpty());
    c.insert(QStringLiteral("returnCodes"), codes);

    const auto html = Util::renderMustache(specTemplate(), c, Util::MustacheEscape::Html);
    return html.ok() ? *html : html.error().toString().toHtmlEscaped();
}

} // namespace Session
