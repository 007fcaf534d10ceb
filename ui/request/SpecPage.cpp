#include "SpecPage.h"
#include "protocol/ReturnCodes.h"

#include "protocol/OpenApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

const QString table = QStringLiteral("<table border=1 cellspacing=0 cellpadding=4>");

QString row(const QStringList& cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString out = QStringLiteral("<tr>");
    for (const QString& c : cells)
        out += QStringLiteral("<%1>%2</%1>").arg(tag, c);
    return out + QStringLiteral("</tr>");
}

QString code(const QString& s)
{
    return QStringLiteral("<code>%1</code>").arg(esc(s));
}

QString apiLink(const Protocol::ApiSpec& api, Protocol::Language lang)
{
    return QStringLiteral("<a href=\"%1:%2\">%3</a> (<code>%2</code>)")
        .arg(SpecPage::linkScheme(), esc(api.id), esc(api.label.get(lang)));
}

/// How a listed code happens (the catalog's `how` note), for the return-code table.
QString howCell(const Protocol::ApiCatalog& catalog, const Protocol::ApiSpec& api, const QString& code,
    Protocol::Language lang)
{
    return esc(catalog.how(api, code).get(lang));
}

QString pretty(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
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

} // namespace

QString SpecPage::html(const Protocol::ApiSpec& api, Protocol::Language lang)
{
    const auto& catalog = Protocol::ApiCatalog::builtin();
    const bool callback = api.kind == Protocol::ApiKind::Callback;
    QStringList enumsUsed;

    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(esc(api.label.get(lang)), esc(api.description.get(lang)));
    QString prefix;
    if (!callback)
        prefix = api.isGateway() ? QStringLiteral("{baseUrl}") : QStringLiteral("{baseUrl}/api/v1");
    html += QStringLiteral("<p><code>%1 %2%3</code></p>").arg(esc(api.method), prefix, esc(api.path));
    if (api.modelled)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(tr("The wire format of this API is not published; the console models it.")));

    // Scope.
    if (!api.scope.isEmpty()) {
        QString meaning;
        if (const Protocol::Enumeration* scopes = catalog.enumeration(QStringLiteral("scopes"))) {
            for (const auto& v : scopes->values) {
                if (v.value == api.scope)
                    meaning = v.label.get(lang);
            }
        }
        html += QStringLiteral("<p><b>%1</b> %2 %3</p>").arg(esc(tr("Scope needed:")), code(api.scope), esc(meaning));
    } else if (!callback) {
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Scope needed:")), esc(tr("none")));
    }

    // Headers.
    // The signed envelope's headers, or the gateway's client credentials.
    const QList<Protocol::HeaderSpec> headers
        = api.isSigned || api.isGateway() ? catalog.headers(api.family) : QList<Protocol::HeaderSpec> {};
    if (!headers.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Headers"))) + table
            + row({esc(tr("Name")), esc(tr("Type")), esc(tr("Presence")), esc(tr("Rules")), esc(tr("Description"))},
                true);
        for (const Protocol::HeaderSpec& h : headers) {
            QStringList rules;
            if (h.maxLength >= 0)
                rules << esc(tr("at most %1 characters").arg(h.maxLength));
            if (!h.pattern.isEmpty())
                rules << code(h.pattern);
            if (!h.format.isEmpty())
                rules << code(h.format);
            if (!h.enumName.isEmpty()) {
                rules << QStringLiteral("<a href=\"#enum-%1\">%2</a>").arg(esc(h.enumName), esc(tr("values")));
                enumsUsed << h.enumName;
            }
            html += row({code(h.name), esc(h.type), esc(h.required ? tr("Required") : tr("Optional")),
                rules.join(QStringLiteral("<br>")), esc(h.description.get(lang))});
        }
        html += QStringLiteral("</table>");
    }

    auto fieldTable = [&](const QString& title, const QList<Protocol::FieldSpec>& fields) {
        if (fields.isEmpty())
            return;
        html += QStringLiteral("<h3>%1</h3>").arg(esc(title)) + table
            + row({esc(tr("Name")), esc(tr("Type")), esc(tr("Presence")), esc(tr("Rules")), esc(tr("Description"))},
                true);
        for (const Protocol::FieldSpec& f : fields) {
            QStringList rules;
            if (f.maxLength >= 0)
                rules << esc(tr("at most %1 characters").arg(f.maxLength));
            if (f.minItems >= 0)
                rules << esc(tr("at least %1 items").arg(f.minItems));
            if (!f.pattern.isEmpty())
                rules << code(f.pattern);
            if (!f.format.isEmpty())
                rules << code(f.format);
            if (!f.enumName.isEmpty()) {
                const Protocol::Enumeration* e = catalog.enumeration(f.enumName);
                rules << QStringLiteral("<a href=\"#enum-%1\">%2</a>")
                             .arg(esc(f.enumName), esc(tr("see the table of %1").arg(e ? e->label.get(lang) : f.enumName)));
                if (!enumsUsed.contains(f.enumName))
                    enumsUsed << f.enumName;
            }
            html += row({code(f.name), esc(f.type), esc(f.required ? tr("Required") : tr("Optional")),
                rules.join(QStringLiteral("<br>")), esc(f.label.get(lang)) + QStringLiteral(": ") + esc(f.description.get(lang))});
        }
        html += QStringLiteral("</table>");
    };
    fieldTable(api.kind == Protocol::ApiKind::Browser || (callback && api.method == QLatin1String("GET"))
            ? tr("Query parameters")
            : callback ? tr("Content fields") : tr("Fields"),
        api.fields);
    fieldTable(tr("Response content fields"), api.responseFields);

    // Enumerations next to the fields that use them.
    if (!enumsUsed.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Values")));
        for (const QString& name : enumsUsed) {
            const Protocol::Enumeration* e = catalog.enumeration(name);
            if (!e)
                continue;
            html += QStringLiteral("<h4><a name=\"enum-%1\"></a>%2 (<code>%1</code>)</h4>").arg(esc(name), esc(e->label.get(lang)))
                + table + row({esc(tr("Value")), esc(tr("Meaning"))}, true);
            for (const Protocol::EnumValue& v : e->values)
                html += row({code(v.value), esc(v.label.get(lang))});
            html += QStringLiteral("</table>");
        }
    }

    // The whole answer as it arrives.
    const QString txId = QStringLiteral("T=938ffb193b4b4370b6c2584372c6a588");
    if (callback && api.method == QLatin1String("GET")) {
        QUrlQuery query;
        const QJsonObject mocks = mockObject(api.fields);
        for (auto it = mocks.begin(); it != mocks.end(); ++it)
            query.addQueryItem(it.key(), it.value().toVariant().toString());
        html += QStringLiteral("<h3>%1</h3><pre>%2</pre>")
                    .arg(esc(tr("Request sample")),
                        esc(QStringLiteral("GET {redirectURI}?") + query.toString(QUrl::FullyEncoded)));
    } else if (callback) {
        QJsonObject envelope {{QStringLiteral("txID"), txId}, {QStringLiteral("code"), Protocol::Code::Success},
            {QStringLiteral("message"), QStringLiteral("SUCCESS")}, {QStringLiteral("content"), mockObject(api.fields)}};
        html += QStringLiteral("<h3>%1</h3><p>%2</p><pre>%3</pre>")
                    .arg(esc(tr("Request sample")),
                        esc(api.encrypted ? tr("Shown decrypted: on the wire content is AES-GCM encrypted Base64 and "
                                               "secretKey carries the RSA-encrypted key.")
                                          : QString()),
                        esc(pretty(envelope)));
    } else if (api.kind != Protocol::ApiKind::Browser) {
        QJsonValue sample = api.responseSample;
        if (sample.isUndefined() || sample.isNull())
            sample = mockObject(api.responseFields);
        QJsonObject shown;
        if (api.isGateway())
            shown = sample.toObject();
        else
            shown = {{QStringLiteral("txID"), txId}, {QStringLiteral("code"), Protocol::Code::Success},
                {QStringLiteral("message"), QStringLiteral("SUCCESS")}, {QStringLiteral("content"), sample}};
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Response sample")));
        if (api.encrypted)
            html += QStringLiteral("<p>%1</p>")
                        .arg(esc(tr("Shown decrypted: environments that encrypt send content as AES-GCM encrypted "
                                    "Base64.")));
        html += QStringLiteral("<pre>%1</pre>").arg(esc(pretty(shown)));
    }

    // HTTP status codes.
    const QStringList statuses = Protocol::OpenApi::httpStatuses(catalog, api);
    if (!statuses.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("HTTP status codes"))) + table
            + row({esc(tr("Status")), esc(tr("Meaning"))}, true);
        for (const QString& s : statuses) {
            const Protocol::ReturnCode* rc = catalog.returnCode(s);
            html += row({code(s.mid(4)), rc ? esc(rc->meaning.get(lang)) : QString()});
        }
        html += QStringLiteral("</table>");
    }

    // Callbacks, linked both ways.
    const auto byOperation = Protocol::OpenApi::callbacksByOperation(catalog);
    if (callback) {
        QStringList from;
        for (auto it = byOperation.begin(); it != byOperation.end(); ++it) {
            if (it.value().contains(api.id)) {
                if (const Protocol::ApiSpec* a = catalog.api(it.key()))
                    from << QStringLiteral("<li>%1</li>").arg(apiLink(*a, lang));
            }
        }
        from.sort();
        if (!from.isEmpty())
            html += QStringLiteral("<h3>%1</h3><ul>%2</ul>").arg(esc(tr("Requests that lead to it")), from.join(QString()));
    } else if (const QStringList ids = byOperation.value(api.id); !ids.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(esc(tr("Callbacks it triggers")));
        for (const QString& id : ids) {
            if (const Protocol::ApiSpec* cb = catalog.api(id))
                html += QStringLiteral("<li>%1</li>").arg(apiLink(*cb, lang));
        }
        html += QStringLiteral("</ul>");
    }

    // Return codes.
    QStringList dCodes;
    for (const QString& c : api.returnCodes) {
        if (!c.startsWith(QLatin1String("HTTP")))
            dCodes << c;
    }
    if (!dCodes.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Return codes"))) + table
            + row({esc(tr("Code")), esc(tr("Meaning")), esc(tr("How it happens"))}, true);
        for (const QString& c : dCodes) {
            const Protocol::ReturnCode* rc = catalog.returnCode(c);
            html += row({code(c),
                rc ? esc(QString(rc->meaning.get(lang)).replace(QLatin1String("%1"), QStringLiteral("…"))) : QString(),
                howCell(catalog, api, c, lang)});
        }
        html += QStringLiteral("</table>");
    }
    return html;
}
