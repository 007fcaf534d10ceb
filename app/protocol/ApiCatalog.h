#pragma once

#include "Text.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace Protocol {

/// One request field, query parameter or callback content field (resources/catalog/SCHEMA.md).
struct FieldSpec
{
    QString name;
    QString type; ///< string, integer, boolean, array, object
    bool required = false;
    int maxLength = -1;
    QString pattern;
    QRegularExpression regex; ///< `pattern`, anchored
    QString enumName;
    int minItems = -1;
    QString format;
    bool generate = false;
    QString earned;
    QJsonValue mock;
    Text label;
    Text description;
};

enum class ApiKind
{
    Request, ///< online service → iAM Smart
    Browser, ///< a page the browser is sent to (getQR)
    Callback, ///< iAM Smart → online service
};

struct ApiSpec
{
    QString id;
    QString category;
    QString family = QStringLiteral("iamsmart"); ///< iamsmart (signed envelope under /api/v1) or gateway (§7)
    int order = 0;
    ApiKind kind = ApiKind::Request;
    QString method;
    QString path;
    bool isSigned = false;
    bool encrypted = false;
    bool modelled = false;
    QString scope;
    QString phoneKind;
    QString callbackId;
    QString appContext;
    Text label;
    Text description;
    QList<FieldSpec> fields;
    QList<FieldSpec> responseFields;
    QJsonValue responseSample;
    QStringList returnCodes;
    QString source;
    QJsonObject json; ///< the entry as written in the catalog file

    const FieldSpec* field(const QString& name) const;
    /// A gateway-family API (protocol.md §7): x-client-id / x-client-secret headers, plain JSON, path under the
    /// base URL itself rather than /api/v1.
    bool isGateway() const { return family == QLatin1String("gateway"); }
    /// The body field naming where the answer goes back: redirectURI, or the gateway family's redirect.
    QString redirectField() const { return isGateway() ? QStringLiteral("redirect") : QStringLiteral("redirectURI"); }
    /// The body (or query) prefilled with every field's mock value.
    QJsonObject mockValues() const;
};

struct EnumValue
{
    QString value;
    Text label;
};

struct Enumeration
{
    QString name;
    Text label;
    QList<EnumValue> values;
    bool contains(const QString& value) const;
    QStringList valueList() const;
};

struct ReturnCode
{
    QString code;
    int http = 200;
    QString evidence;
    Text meaning;
};

struct HeaderSpec
{
    QString name;
    bool required = true;
    Text description;
    QString mock;
    QString type = QStringLiteral("string"); ///< JSON Schema type of the value: string or integer
    int maxLength = -1;
    QString pattern; ///< full match, as FieldSpec::pattern
    QString enumName;
    QString format;
    QString family = QStringLiteral("iamsmart"); ///< the API family that sends it (ApiSpec::family)
};

/// Why a value breaks its field's constraints, with the iAM Smart code the simulator answers.
struct FieldViolation
{
    QString field;
    QString rule; ///< missing, empty, type, maxLength, pattern, enum, minItems
    QString returnCode; ///< Code::ParameterMissing, ParameterEmpty or ParameterInvalid
    QString detail; ///< English, names the field and the rule
};

/// The API catalog: every API, callback, enumeration, header and return code, loaded from JSON
/// (resources/catalog). Loading validates the whole catalog; a broken catalog is an error, never a
/// partially loaded one.
class ApiCatalog
{
public:
    /// Loads `dir` (apis/*.json, enums.json, return-codes.json, headers.json). Error code
    /// "bad-catalog" with every problem found, one per line.
    static Util::Result<ApiCatalog> load(const QString& dir);
    /// The catalog compiled into the binary (":/catalog"), loaded once. Empty if it failed to load;
    /// builtinErrors() then says why.
    static const ApiCatalog& builtin();
    static QString builtinErrors();

    const QList<ApiSpec>& apis() const { return m_apis; }
    const ApiSpec* api(const QString& id) const;
    /// Request/browser API by method and path under /api/v1, or callback by listener path.
    const ApiSpec* apiByPath(const QString& method, const QString& path) const;
    const Enumeration* enumeration(const QString& name) const;
    const ReturnCode* returnCode(const QString& code) const;
    const QList<ReturnCode>& returnCodes() const { return m_returnCodes; }
    /// Every header of every family (headers.json), in order.
    const QList<HeaderSpec>& headers() const { return m_headers; }
    /// The headers one family sends: the signed envelope's (iamsmart) or the gateway's client credentials.
    QList<HeaderSpec> headers(const QString& family) const;
    QStringList categories() const;

    /// Checks one value against its field; `present` false means the key was absent.
    std::optional<FieldViolation> checkValue(const FieldSpec& field, const QJsonValue& value, bool present) const;
    /// Checks every field of `body`; unknown keys are ignored (as the real system does).
    QList<FieldViolation> checkBody(const ApiSpec& api, const QJsonObject& body) const;
    /// Decoded query items (GET APIs and callbacks) as a body for checkBody: values stay strings, except where the
    /// catalog types a field boolean, which takes true or false in any case (True, FALSE: what clients send). Any
    /// other value there is a Code::ParameterInvalid violation, appended to `violations`, naming the field and what it accepts.
    static QJsonObject queryBody(
        const ApiSpec& api, const QList<QPair<QString, QString>>& items, QList<FieldViolation>* violations);

private:
    QStringList validate() const;

    QList<ApiSpec> m_apis;
    QHash<QString, qsizetype> m_byId;
    QHash<QString, Enumeration> m_enums;
    QList<ReturnCode> m_returnCodes;
    QList<HeaderSpec> m_headers;
};

} // namespace Protocol
