#include "ApiCatalog.h"
#include "ReturnCodes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace Protocol {
namespace {

const QStringList knownCategories {QStringLiteral("auth"), QStringLiteral("reauth"), QStringLiteral("formfilling"),
    QStringLiteral("signing"), QStringLiteral("keys"), QStringLiteral("anonymous"), QStringLiteral("callbacks"),
    QStringLiteral("gateway")};
const QStringList knownTypes {QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("boolean"),
    QStringLiteral("array"), QStringLiteral("object")};

QJsonValue readJson(const QString& path, QStringList& errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors << QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        errors
            << QStringLiteral("%1: JSON error at offset %2: %3").arg(path).arg(error.offset).arg(error.errorString());
        return {};
    }
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

Text text(const QJsonValue& v, const QString& where, QStringList& errors)
{
    QStringList missing;
    Text t = Text::fromJson(v, &missing);
    if (!missing.isEmpty())
        errors << QStringLiteral("%1: text lacks %2").arg(where, missing.join(QLatin1String(", ")));
    return t;
}

FieldSpec parseField(const QJsonObject& o, const QString& where, QStringList& errors)
{
    FieldSpec f;
    f.name = o.value(QLatin1String("name")).toString();
    const QString at = where + QLatin1Char('.') + f.name;
    if (f.name.isEmpty())
        errors << where + QStringLiteral(": field without a name");
    f.type = o.value(QLatin1String("type")).toString();
    if (!knownTypes.contains(f.type))
        errors << at + QStringLiteral(": unknown type '%1'").arg(f.type);
    f.required = o.value(QLatin1String("required")).toBool();
    f.maxLength = o.value(QLatin1String("maxLength")).toInt(-1);
    f.pattern = o.value(QLatin1String("pattern")).toString();
    if (!f.pattern.isEmpty()) {
        f.regex = QRegularExpression(QRegularExpression::anchoredPattern(f.pattern));
        if (!f.regex.isValid())
            errors << at + QStringLiteral(": bad pattern: %1").arg(f.regex.errorString());
    }
    f.enumName = o.value(QLatin1String("enum")).toString();
    f.minItems = o.value(QLatin1String("minItems")).toInt(-1);
    f.format = o.value(QLatin1String("format")).toString();
    f.generate = o.value(QLatin1String("generate")).toBool();
    f.earned = o.value(QLatin1String("earned")).toString();
    f.mock = o.value(QLatin1String("mock"));
    f.label = text(o.value(QLatin1String("label")), at + QStringLiteral(".label"), errors);
    f.description = text(o.value(QLatin1String("description")), at + QStringLiteral(".description"), errors);
    return f;
}

QList<FieldSpec> parseFields(const QJsonValue& v, const QString& where, QStringList& errors)
{
    QList<FieldSpec> out;
    QSet<QString> names;
    for (const QJsonValue& item : v.toArray()) {
        FieldSpec f = parseField(item.toObject(), where, errors);
        if (names.contains(f.name))
            errors << where + QStringLiteral(": duplicate field %1").arg(f.name);
        names.insert(f.name);
        out.append(f);
    }
    return out;
}

ApiSpec parseApi(const QJsonObject& o, const QString& fileId, QStringList& errors)
{
    ApiSpec a;
    a.id = o.value(QLatin1String("id")).toString();
    if (a.id != fileId)
        errors << QStringLiteral("%1.json: id '%2' differs from the file name").arg(fileId, a.id);
    a.category = o.value(QLatin1String("category")).toString();
    if (!knownCategories.contains(a.category))
        errors << a.id + QStringLiteral(": unknown category '%1'").arg(a.category);
    a.family = o.value(QLatin1String("family")).toString(QStringLiteral("iamsmart"));
    if (a.family != QLatin1String("iamsmart") && a.family != QLatin1String("gateway"))
        errors << a.id + QStringLiteral(": unknown family '%1'").arg(a.family);
    if (a.family == QLatin1String("gateway")
        && (o.value(QLatin1String("signed")).toBool() || o.value(QLatin1String("encrypted")).toBool()))
        errors << a.id + QStringLiteral(": a gateway API is neither signed nor encrypted");
    a.order = o.value(QLatin1String("order")).toInt();
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("request"))
        a.kind = ApiKind::Request;
    else if (kind == QLatin1String("browser"))
        a.kind = ApiKind::Browser;
    else if (kind == QLatin1String("callback"))
        a.kind = ApiKind::Callback;
    else
        errors << a.id + QStringLiteral(": unknown kind '%1'").arg(kind);
    a.method = o.value(QLatin1String("method")).toString();
    if (a.method != QLatin1String("GET") && a.method != QLatin1String("POST"))
        errors << a.id + QStringLiteral(": method must be GET or POST");
    a.path = o.value(QLatin1String("path")).toString();
    if (!a.path.startsWith(QLatin1Char('/')))
        errors << a.id + QStringLiteral(": path must start with /");
    a.isSigned = o.value(QLatin1String("signed")).toBool();
    a.encrypted = o.value(QLatin1String("encrypted")).toBool();
    a.modelled = o.value(QLatin1String("modelled")).toBool();
    a.scope = o.value(QLatin1String("scope")).toString();
    a.phoneKind = o.value(QLatin1String("phoneKind")).toString();
    a.callbackId = o.value(QLatin1String("callback")).toString();
    a.appContext = o.value(QLatin1String("appContext")).toString();
    a.label = text(o.value(QLatin1String("label")), a.id + QStringLiteral(".label"), errors);
    a.description = text(o.value(QLatin1String("description")), a.id + QStringLiteral(".description"), errors);
    a.fields = parseFields(o.value(QLatin1String("fields")), a.id, errors);
    const QJsonObject response = o.value(QLatin1String("response")).toObject();
    a.responseFields = parseFields(response.value(QLatin1String("fields")), a.id + QStringLiteral(".response"), errors);
    a.responseSample = response.value(QLatin1String("sample"));
    for (const QJsonValue& c : o.value(QLatin1String("returnCodes")).toArray())
        a.returnCodes << c.toString();
    a.source = o.value(QLatin1String("source")).toString();
    a.json = o;
    return a;
}

bool isEmptyValue(const QJsonValue& v)
{
    return v.isNull() || (v.isString() && v.toString().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

bool hasType(const QJsonValue& v, const QString& type)
{
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("integer"))
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("object"))
        return v.isObject();
    return false;
}

} // namespace

const FieldSpec* ApiSpec::field(const QString& name) const
{
    for (const FieldSpec& f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QJsonObject ApiSpec::mockValues() const
{
    QJsonObject o;
    for (const FieldSpec& f : fields) {
        if (!f.mock.isUndefined())
            o.insert(f.name, f.mock);
    }
    return o;
}

bool Enumeration::contains(const QString& value) const
{
    for (const EnumValue& v : values) {
        if (v.value == value)
            return true;
    }
    return false;
}

QStringList Enumeration::valueList() const
{
    QStringList out;
    for (const EnumValue& v : values)
        out << v.value;
    return out;
}

Util::Result<ApiCatalog> ApiCatalog::load(const QString& dir)
{
    QStringList errors;
    ApiCatalog catalog;

    const QJsonObject enums = readJson(dir + QStringLiteral("/enums.json"), errors).toObject();
    for (auto it = enums.begin(); it != enums.end(); ++it) {
        Enumeration e;
        e.name = it.key();
        const QJsonObject o = it.value().toObject();
        e.label = text(o.value(QLatin1String("label")), QStringLiteral("enums.") + e.name, errors);
        for (const QJsonValue& v : o.value(QLatin1String("values")).toArray()) {
            const QJsonObject vo = v.toObject();
            EnumValue ev {vo.value(QLatin1String("value")).toString(), {}};
            ev.label
                = text(vo.value(QLatin1String("label")), QStringLiteral("enums.%1.%2").arg(e.name, ev.value), errors);
            e.values.append(ev);
        }
        if (e.values.isEmpty())
            errors << QStringLiteral("enums.%1: no values").arg(e.name);
        catalog.m_enums.insert(e.name, e);
    }

    for (const QJsonValue& v : readJson(dir + QStringLiteral("/return-codes.json"), errors).toArray()) {
        const QJsonObject o = v.toObject();
        ReturnCode rc;
        rc.code = o.value(QLatin1String("code")).toString();
        rc.http = o.value(QLatin1String("http")).toInt(200);
        rc.evidence = o.value(QLatin1String("evidence")).toString();
        rc.meaning = text(o.value(QLatin1String("meaning")), QStringLiteral("return-codes.") + rc.code, errors);
        catalog.m_returnCodes.append(rc);
    }

    for (const QJsonValue& v : readJson(dir + QStringLiteral("/headers.json"), errors).toArray()) {
        const QJsonObject o = v.toObject();
        HeaderSpec h;
        h.name = o.value(QLatin1String("name")).toString();
        h.required = o.value(QLatin1String("required")).toBool(true);
        h.description = text(o.value(QLatin1String("description")), QStringLiteral("headers.") + h.name, errors);
        h.mock = o.value(QLatin1String("mock")).toVariant().toString();
        h.type = o.value(QLatin1String("type")).toString(QStringLiteral("string"));
        if (h.type != QLatin1String("string") && h.type != QLatin1String("integer"))
            errors << QStringLiteral("headers.%1: type must be string or integer").arg(h.name);
        h.maxLength = o.value(QLatin1String("maxLength")).toInt(-1);
        h.pattern = o.value(QLatin1String("pattern")).toString();
        if (!h.pattern.isEmpty() && !QRegularExpression(h.pattern).isValid())
            errors << QStringLiteral("headers.%1: bad pattern").arg(h.name);
        h.enumName = o.value(QLatin1String("enum")).toString();
        h.format = o.value(QLatin1String("format")).toString();
        h.family = o.value(QLatin1String("family")).toString(QStringLiteral("iamsmart"));
        if (h.family != QLatin1String("iamsmart") && h.family != QLatin1String("gateway"))
            errors << QStringLiteral("headers.%1: family must be iamsmart or gateway").arg(h.name);
        catalog.m_headers.append(h);
    }

    const QDir apiDir(dir + QStringLiteral("/apis"));
    const QStringList files = apiDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        errors << QStringLiteral("%1: no API files").arg(apiDir.path());
    for (const QString& file : files) {
        const QJsonValue v = readJson(apiDir.filePath(file), errors);
        if (!v.isObject())
            continue;
        ApiSpec api = parseApi(v.toObject(), file.chopped(5), errors);
        catalog.m_byId.insert(api.id, catalog.m_apis.size());
        catalog.m_apis.append(api);
    }
    std::stable_sort(catalog.m_apis.begin(), catalog.m_apis.end(), [](const ApiSpec& a, const ApiSpec& b) {
        const auto ca = knownCategories.indexOf(a.category), cb = knownCategories.indexOf(b.category);
        return ca != cb ? ca < cb : a.order < b.order;
    });
    catalog.m_byId.clear();
    for (qsizetype i = 0; i < catalog.m_apis.size(); ++i)
        catalog.m_byId.insert(catalog.m_apis[i].id, i);

    if (errors.isEmpty())
        errors = catalog.validate();
    if (!errors.isEmpty())
        return Util::Error {QStringLiteral("bad-catalog"), errors.join(QLatin1Char('\n'))};
    return catalog;
}

QStringList ApiCatalog::validate() const
{
    QStringList errors;
    static const QStringList requiredEnums {QStringLiteral("sources"), QStringLiteral("browserSources"),
        QStringLiteral("appSources"), QStringLiteral("scopes"), QStringLiteral("languages"),
        QStringLiteral("profileFields"), QStringLiteral("eMEFields"), QStringLiteral("sigAlgo"),
        QStringLiteral("signingResult"), QStringLiteral("grantType"), QStringLiteral("responseType"),
        QStringLiteral("signatureMethod"), QStringLiteral("userType")};
    for (const QString& name : requiredEnums) {
        if (!m_enums.contains(name))
            errors << QStringLiteral("enums.json lacks '%1'").arg(name);
    }
    QSet<QString> codes;
    for (const ReturnCode& rc : m_returnCodes) {
        if (codes.contains(rc.code))
            errors << QStringLiteral("return code %1 listed twice").arg(rc.code);
        codes.insert(rc.code);
    }
    if (!codes.contains(Code::Success))
        errors << QStringLiteral("return-codes.json lacks %1").arg(Code::Success);

    QSet<QString> paths;
    for (const ApiSpec& api : m_apis) {
        const QString key = (api.kind == ApiKind::Callback ? QStringLiteral("callback ") : QString()) + api.path;
        if (paths.contains(key))
            errors << api.id + QStringLiteral(": path %1 is used twice").arg(api.path);
        paths.insert(key);
        if (!api.callbackId.isEmpty()) {
            const ApiSpec* cb = this->api(api.callbackId);
            if (!cb || cb->kind != ApiKind::Callback)
                errors << api.id + QStringLiteral(": callback '%1' is not a callback entry").arg(api.callbackId);
        }
        for (const QString& code : api.returnCodes) {
            if (!codes.contains(code))
                errors << api.id + QStringLiteral(": return code %1 is not in return-codes.json").arg(code);
        }
        for (const FieldSpec& f : api.fields) {
            if (!f.enumName.isEmpty() && !m_enums.contains(f.enumName)) {
                errors << api.id + QStringLiteral(".%1: unknown enumeration '%2'").arg(f.name, f.enumName);
                continue;
            }
            if (f.required && f.mock.isUndefined()) {
                errors << api.id + QStringLiteral(".%1: required field without a mock value").arg(f.name);
                continue;
            }
            if (!f.mock.isUndefined()) {
                if (auto violation = checkValue(f, f.mock, true))
                    errors << api.id + QStringLiteral(": mock value breaks its own rule: ") + violation->detail;
            }
        }
    }
    return errors;
}

namespace {
struct BuiltinCatalog
{
    ApiCatalog catalog;
    QString errors;
};

const BuiltinCatalog& builtinCatalog()
{
    static const BuiltinCatalog instance = [] {
        BuiltinCatalog b;
        auto loaded = ApiCatalog::load(QStringLiteral(":/catalog"));
        if (loaded)
            b.catalog = loaded.value();
        else
            b.errors = loaded.error().detail;
        return b;
    }();
    return instance;
}
} // namespace

const ApiCatalog& ApiCatalog::builtin()
{
    return builtinCatalog().catalog;
}

QString ApiCatalog::builtinErrors()
{
    return builtinCatalog().errors;
}

const ApiSpec* ApiCatalog::api(const QString& id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_apis[*it];
}

const ApiSpec* ApiCatalog::apiByPath(const QString& method, const QString& path) const
{
    for (const ApiSpec& a : m_apis) {
        if (a.path == path && a.method == method)
            return &a;
    }
    return nullptr;
}

const Enumeration* ApiCatalog::enumeration(const QString& name) const
{
    const auto it = m_enums.constFind(name);
    return it == m_enums.constEnd() ? nullptr : &*it;
}

const ReturnCode* ApiCatalog::returnCode(const QString& code) const
{
    for (const ReturnCode& rc : m_returnCodes) {
        if (rc.code == code)
            return &rc;
    }
    return nullptr;
}

QStringList ApiCatalog::categories() const
{
    QStringList out;
    for (const ApiSpec& a : m_apis) {
        if (!out.contains(a.category))
            out << a.category;
    }
    return out;
}

std::optional<FieldViolation> ApiCatalog::checkValue(const FieldSpec& f, const QJsonValue& value, bool present) const
{
    auto violation = [&](const QString& rule, const QString& code, const QString& detail) {
        return FieldViolation {f.name, rule, code, detail};
    };
    if (!present || value.isUndefined()) {
        if (f.required)
            return violation(QStringLiteral("missing"), Code::ParameterMissing,
                QStringLiteral("parameter %1 is missing").arg(f.name));
        return std::nullopt;
    }
    if (isEmptyValue(value)) {
        if (f.required)
            return violation(
                QStringLiteral("empty"), Code::ParameterEmpty, QStringLiteral("empty parameter %1").arg(f.name));
        return std::nullopt; // an optional field may be sent empty
    }
    if (!hasType(value, f.type))
        return violation(QStringLiteral("type"), Code::ParameterInvalid,
            QStringLiteral("invalid parameter %1: must be of type %2").arg(f.name, f.type));
    if (f.type == QLatin1String("string")) {
        const QString s = value.toString();
        if (f.maxLength >= 0 && s.size() > f.maxLength)
            return violation(QStringLiteral("maxLength"), Code::ParameterInvalid,
                QStringLiteral("invalid parameter %1: %2 characters, at most %3 allowed")
                    .arg(f.name)
                    .arg(s.size())
                    .arg(f.maxLength));
        if (!f.pattern.isEmpty() && !f.regex.match(s).hasMatch())
            return violation(QStringLiteral("pattern"), Code::ParameterInvalid,
                QStringLiteral("invalid parameter %1: does not match %2").arg(f.name, f.pattern));
    }
    if (!f.enumName.isEmpty()) {
        const Enumeration* e = enumeration(f.enumName);
        QStringList items;
        if (f.type == QLatin1String("array")) {
            for (const QJsonValue& item : value.toArray())
                items << item.toString(QStringLiteral("\x01"));
        } else {
            items << value.toString();
        }
        for (const QString& item : items) {
            // An unknown source has its own code (Code::SourceUnsupported, protocol.md §6.1).
            const QString code
                = f.enumName.endsWith(QLatin1String("ources")) ? Code::SourceUnsupported : Code::ParameterInvalid;
            if (e && !e->contains(item))
                return violation(QStringLiteral("enum"), code,
                    QStringLiteral("invalid parameter %1: '%2' is not one of %3")
                        .arg(f.name, item, e->valueList().join(QLatin1String(", "))));
        }
    }
    if (f.type == QLatin1String("array") && f.minItems >= 0 && value.toArray().size() < f.minItems)
        return violation(QStringLiteral("minItems"), Code::ParameterInvalid,
            QStringLiteral("invalid parameter %1: at least %2 items needed").arg(f.name).arg(f.minItems));
    return std::nullopt;
}

QList<FieldViolation> ApiCatalog::checkBody(const ApiSpec& api, const QJsonObject& body) const
{
    QList<FieldViolation> out;
    for (const FieldSpec& f : api.fields) {
        if (auto v = checkValue(f, body.value(f.name), body.contains(f.name)))
            out.append(*v);
    }
    return out;
}

QList<HeaderSpec> ApiCatalog::headers(const QString& family) const
{
    QList<HeaderSpec> out;
    for (const HeaderSpec& h : m_headers) {
        if (h.family == family)
            out.append(h);
    }
    return out;
}

QJsonObject ApiCatalog::queryBody(
    const ApiSpec& api, const QList<QPair<QString, QString>>& items, QList<FieldViolation>* violations)
{
    QJsonObject body;
    for (const auto& item : items) {
        const FieldSpec* f = api.field(item.first);
        if (!f || f->type != QLatin1String("boolean") || item.second.isEmpty()) {
            body.insert(item.first, item.second); // an empty optional value counts as not sent (checkValue)
            continue;
        }
        if (item.second.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
            body.insert(item.first, true);
        } else if (item.second.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
            body.insert(item.first, false);
        } else {
            // Left out of the body, so that checkBody does not report the same value again.
            violations->append({f->name, QStringLiteral("type"), Code::ParameterInvalid,
                QStringLiteral("invalid parameter %1: '%2' is not a boolean; accepted: true or false, in any case")
                    .arg(f->name, item.second)});
        }
    }
    return body;
}

} // namespace Protocol
