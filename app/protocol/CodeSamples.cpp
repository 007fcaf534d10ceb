#include "CodeSamples.h"

#include "Envelope.h"
#include "util/Mustache.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace Protocol {
namespace {

// The templates are Mustache, one file per language in resources/samples/ (compiled in as :/samples/ID.tpl; ASCII),
// and languages.json holds each language's facts. Sections ({{#flag}} / {{^flag}}): encrypt (AES-GCM body), signed
// (clientID/signatureMethod/timestamp/nonce headers), sign (signature header), subkey (Ocp-Apim-Subscription-Key),
// gateway (a gateway-family API, protocol.md 7: x-client-id and x-client-secret headers), jwe (a gateway answer
// whose `result` is a JWE the sample decrypts), extra (headers the user added), secrets (any environment variable
// read), secret (the client secret is read), clientid (the client id is sent), base64 (encrypt, sign or jwe),
// random (encrypt or signed), crypto (random or jwe), json (a JSON answer is parsed: encrypt or jwe), aead (AES-GCM:
// encrypt or jwe). Values: HEADER, METHOD, URL, CLIENT_ID, BODY, EXTRA_HEADERS, already quoted for the language.

// --- string literals for each language ------------------------------------------------------------------------

QString hex2(uint value)
{
    return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0'));
}

QString octal3(uint value)
{
    return QLatin1Char('\\') + QStringLiteral("%1").arg(value, 3, 8, QLatin1Char('0'));
}

/// Python and JavaScript '...': backslash, quote and control characters escaped; other text as is (UTF-8 source).
QString scriptSingleQuoted(const QString& s)
{
    QString out = QStringLiteral("'");
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x") + hex2(c.unicode());
        else
            out += c;
    }
    return out + QLatin1Char('\'');
}

/// PHP and Ruby '...': only backslash and quote are escapes; everything else (even a newline) is literal.
QString plainSingleQuoted(const QString& s)
{
    QString out = QStringLiteral("'");
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('\'');
}

/// POSIX shell '...': nothing is special inside but the quote itself.
QString shellQuoted(const QString& s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

/// Objective-C @"...": C escapes; control characters as octal; "??" broken up so no trigraph can form.
QString objcString(const QString& s)
{
    QString out = QStringLiteral("@\"");
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += octal3(c.unicode());
        else if (c == QLatin1Char('?') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('?'))
            out += QStringLiteral("?\\");
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

/// Java text with `\` doubled, control characters as octal escapes and anything beyond ASCII as \uXXXX, so the
/// source is ASCII whatever javac assumes. \u escapes are translated before lexing, so they are used only for
/// characters that are never special; every literal backslash is doubled, so none can start an escape by accident.
QString javaEscaped(const QString& s, bool escapeQuotes)
{
    QString out;
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || (escapeQuotes && c == QLatin1Char('"')))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += octal3(c.unicode());
        else if (c.unicode() > 0x7f)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString javaString(const QString& s)
{
    return QLatin1Char('"') + javaEscaped(s, true) + QLatin1Char('"');
}

/// A Java 15+ text block, so JSON's quotes need no escaping; `"""` cannot occur in JSON but is broken up anyway.
QString javaTextBlock(const QString& s)
{
    QString text = javaEscaped(s, false);
    text.replace(QStringLiteral("\"\"\""), QStringLiteral("\"\"\\\""));
    if (text.endsWith(QLatin1Char('"')))
        text = text.chopped(1) + QStringLiteral("\\\"");
    return QStringLiteral("\"\"\"\n            ") + text + QStringLiteral("\"\"\"");
}

bool isCSharpNewline(QChar c)
{
    return c == QLatin1Char('\n') || c == QLatin1Char('\r') || c.unicode() == 0x85 || c.unicode() == 0x2028
        || c.unicode() == 0x2029;
}

/// C# "...": escapes with fixed-width \uXXXX for control and line-breaking characters.
QString cSharpString(const QString& s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f || isCSharpNewline(c))
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

/// A C# 11 single-line raw string literal (the JSON reads as is), or a plain literal when one cannot hold it.
QString cSharpRaw(const QString& s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('"')) || s.endsWith(QLatin1Char('"'))
        || std::any_of(s.begin(), s.end(), isCSharpNewline))
        return cSharpString(s);
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : s) {
        run = c == QLatin1Char('"') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString quotes(std::max<qsizetype>(3, longest + 1), QLatin1Char('"'));
    return quotes + s + quotes;
}

/// Text for a comment line: no control characters, and no trailing backslash that a C compiler would splice.
QString commentText(const QString& s)
{
    QString out;
    for (const QChar c : s)
        out += c.unicode() < 0x20 || c.unicode() == 0x7f || c == QLatin1Char('\\') ? QLatin1Char(' ') : c;
    return out;
}

// --- assembling a sample ---------------------------------------------------------------------------------------

using Quote = QString (*)(const QString&);

/// The string-literal styles languages.json may name.
Quote quoteStyle(const QString& name)
{
    static const QHash<QString, Quote> styles {
        {QStringLiteral("shell"), shellQuoted},
        {QStringLiteral("script-single"), scriptSingleQuoted},
        {QStringLiteral("plain-single"), plainSingleQuoted},
        {QStringLiteral("objc"), objcString},
        {QStringLiteral("java"), javaString},
        {QStringLiteral("java-text-block"), javaTextBlock},
        {QStringLiteral("csharp"), cSharpString},
        {QStringLiteral("csharp-raw"), cSharpRaw},
    };
    return styles.value(name);
}

struct Flags
{
    bool encrypt = false;
    bool isSigned = false;
    bool sign = false;
    bool subkey = false;
    bool gateway = false;
    bool jwe = false;
    bool extra = false; ///< headers the user added (Try it's "+ Add header")

    /// The template's sections, the derived ones included.
    QVariantMap sections() const
    {
        return {
            {QStringLiteral("extra"), extra},
            {QStringLiteral("encrypt"), encrypt},
            {QStringLiteral("signed"), isSigned},
            {QStringLiteral("sign"), sign},
            {QStringLiteral("subkey"), subkey},
            {QStringLiteral("gateway"), gateway},
            {QStringLiteral("jwe"), jwe},
            {QStringLiteral("secrets"), sign || encrypt || subkey || gateway},
            {QStringLiteral("secret"), sign || gateway},
            {QStringLiteral("clientid"), isSigned || gateway},
            {QStringLiteral("base64"), encrypt || sign || jwe},
            {QStringLiteral("random"), encrypt || isSigned},
            {QStringLiteral("crypto"), encrypt || isSigned || jwe},
            {QStringLiteral("json"), encrypt || jwe},
            {QStringLiteral("aead"), encrypt || jwe},
        };
    }
};

/// A JSON string, or an array of lines joined with '\n'.
QString textOf(const QJsonValue& v)
{
    if (!v.isArray())
        return v.toString();
    QStringList lines;
    for (const QJsonValue& line : v.toArray())
        lines << line.toString();
    return lines.join(QLatin1Char('\n'));
}

QString render(const QString& templateText, const QVariantMap& context)
{
    const auto out = Util::renderMustache(templateText, context);
    Q_ASSERT(out.ok()); // the templates are checked when they are loaded
    return out.valueOr({});
}

/// The comment block every sample starts with: what it calls, how it is protected, what it needs, and the
/// environment variables it reads.
QString header(const SampleLanguage& t, const ApiSpec& api, const QString& method, const Flags& flags)
{
    QStringList lines;
    if (flags.gateway) {
        lines << QStringLiteral("iAM Smart sample: %1 (%2 %3)").arg(commentText(api.id), method, commentText(api.path))
              << QStringLiteral("Fill Easy gateway (protocol.md 7): the client id and secret go in the x-client-id and")
              << QStringLiteral("x-client-secret headers; the body is plain JSON, not signed, not encrypted.");
        if (flags.jwe)
            lines << QStringLiteral("A completed answer carries `result`, a JWE (RSA-OAEP or RSA-OAEP-256, A256GCM)")
                  << QStringLiteral("encrypted to your RSA public key; the sample decrypts it with your private key.");
    } else {
        lines << QStringLiteral("iAM Smart sample: %1 (%2 /api/v1%3)")
                     .arg(commentText(api.id), method, commentText(api.path));
        if (flags.encrypt && flags.sign)
            lines << QStringLiteral(
                "The body is encrypted with AES-256-GCM and the request signed with HMAC-SHA256 (protocol.md 2-3).");
        else if (flags.encrypt)
            lines << QStringLiteral("The body is encrypted with AES-256-GCM (protocol.md 3); no signature is sent.");
        else if (flags.sign)
            lines << QStringLiteral("The request is signed with HMAC-SHA256 (protocol.md 2); the body is plain JSON.");
        else
            lines << QStringLiteral("Plain JSON, no signature (for an environment that checks neither).");
    }
    // Continuation lines (after '\n') line up under the text after the label.
    auto labelled = [&lines](const QString& label, const QString& text) {
        const QString indent(label.size(), QLatin1Char(' '));
        const QStringList parts = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines << (i == 0 ? label : indent) + parts.at(i);
    };
    labelled(QStringLiteral("Requires: "),
        flags.gateway && !t.needsForGateway.isEmpty() ? t.needsForGateway : t.needs);
    if (flags.encrypt && !t.needsForGcm.isEmpty())
        labelled(QStringLiteral("          "), t.needsForGcm);
    if (flags.jwe && !t.needsForJwe.isEmpty())
        labelled(QStringLiteral("          "), t.needsForJwe);
    labelled(QStringLiteral("Run: "), t.run);
    if (flags.sign || flags.encrypt || flags.subkey || flags.gateway) {
        lines << QString() << QStringLiteral("Secrets are read from the environment, never written here:");
        if (flags.sign)
            lines << QStringLiteral("  IAMSMART_CLIENT_SECRET     client secret (its UTF-8 bytes are the HMAC key)");
        if (flags.gateway)
            lines << QStringLiteral("  IAMSMART_CLIENT_SECRET     client secret (sent as the x-client-secret header)");
        if (flags.jwe)
            lines << QStringLiteral(
                "  IAMSMART_PRIVATE_KEY       path to your RSA private key (PEM) that opens the JWE");
        if (flags.encrypt)
            lines << QStringLiteral("  IAMSMART_CEK_HEX           content encryption key (CEK) from getKey, 64 hex "
                                    "digits");
        if (flags.subkey)
            lines << QStringLiteral("  IAMSMART_SUBSCRIPTION_KEY  Ocp-Apim-Subscription-Key (Cyberport sandbox)");
    }
    QString out;
    for (const QString& line : std::as_const(lines))
        out += (line.isEmpty() ? t.comment : t.comment + QLatin1Char(' ') + line) + QLatin1Char('\n');
    out.chop(1);
    return out;
}

} // namespace

Util::Result<SampleBook> SampleBook::load(const QString& dir)
{
    using R = Util::Result<SampleBook>;
    QFile file(dir + QStringLiteral("/languages.json"));
    if (!file.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("bad-samples"), file.fileName() + QStringLiteral(": ") + file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return R::failure(QStringLiteral("bad-samples"), file.fileName() + QStringLiteral(": ") + parseError.errorString());
    SampleBook book;
    QStringList problems;
    for (const QJsonValue& entry : doc.object().value(QLatin1String("languages")).toArray()) {
        const QJsonObject o = entry.toObject();
        SampleLanguage l;
        l.id = o.value(QLatin1String("id")).toString();
        l.name = o.value(QLatin1String("name")).toString();
        l.fileName = o.value(QLatin1String("file")).toString();
        l.comment = o.value(QLatin1String("comment")).toString();
        l.quote = o.value(QLatin1String("quote")).toString();
        l.quoteBody = o.value(QLatin1String("quoteBody")).toString();
        l.needs = textOf(o.value(QLatin1String("requires")));
        l.needsForGcm = textOf(o.value(QLatin1String("requiresForGcm")));
        l.needsForGateway = textOf(o.value(QLatin1String("requiresForGateway")));
        l.needsForJwe = textOf(o.value(QLatin1String("requiresForJwe")));
        l.run = textOf(o.value(QLatin1String("run")));
        l.extraHeader = o.value(QLatin1String("extraHeader")).toString();
        const QString where = QStringLiteral("language %1: ").arg(l.id);
        static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9-]+$"));
        if (!idPattern.match(l.id).hasMatch() || book.language(l.id))
            problems << where + QStringLiteral("id must be unique, lower case letters, digits and '-'");
        for (const auto& [key, value] : {std::pair {"name", l.name}, std::pair {"file", l.fileName},
                 std::pair {"comment", l.comment}, std::pair {"requires", l.needs}, std::pair {"run", l.run},
                 std::pair {"extraHeader", l.extraHeader}}) {
            if (value.isEmpty())
                problems << where + QLatin1String(key) + QStringLiteral(" is missing");
        }
        if (!quoteStyle(l.quote) || !quoteStyle(l.quoteBody))
            problems << where + QStringLiteral("quote and quoteBody must name a known style");
        QFile tpl(dir + QStringLiteral("/%1.tpl").arg(l.id));
        if (!tpl.open(QIODevice::ReadOnly)) {
            problems << where + tpl.fileName() + QStringLiteral(": ") + tpl.errorString();
            continue;
        }
        l.templateText = QString::fromUtf8(tpl.readAll());
        for (const QString& text : {l.templateText, l.extraHeader}) {
            if (const auto checked = Util::renderMustache(text, {}); !checked)
                problems << where + checked.error().detail;
        }
        book.m_languages.append(l);
    }
    if (book.m_languages.isEmpty())
        problems << QStringLiteral("no languages");
    if (!problems.isEmpty())
        return R::failure(QStringLiteral("bad-samples"), problems.join(QLatin1Char('\n')));
    return book;
}

const SampleLanguage* SampleBook::language(const QString& id) const
{
    for (const SampleLanguage& l : m_languages) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

QStringList SampleBook::languageIds() const
{
    QStringList ids;
    for (const SampleLanguage& l : m_languages)
        ids << l.id;
    return ids;
}

QString SampleBook::generate(const QString& languageId, const SampleInput& input) const
{
    const SampleLanguage* language = this->language(languageId);
    if (!language || !input.api || input.api->kind != ApiKind::Request)
        return {};
    const SampleLanguage& t = *language;
    const ApiSpec& api = *input.api;
    static const QRegularExpression token(QStringLiteral("^[A-Z]+$"));
    const QString method = token.match(api.method).hasMatch() ? api.method : QStringLiteral("POST");

    Flags flags;
    flags.encrypt = api.encrypted && input.encrypt;
    flags.isSigned = api.isSigned;
    flags.sign = api.isSigned && input.sign;
    flags.gateway = api.isGateway();
    // A gateway answer with a `result` member (the poll): a JWE encrypted to the client's RSA key.
    flags.jwe = flags.gateway
        && std::any_of(api.responseFields.begin(), api.responseFields.end(),
            [](const FieldSpec& f) { return f.name == QLatin1String("result"); });
    // The subscription key belongs to the Cyberport sandbox's iAM Smart API, not to the gateway.
    flags.subkey = input.subscriptionKey && !flags.gateway;

    const Quote quote = quoteStyle(t.quote);
    const Quote quoteBody = quoteStyle(t.quoteBody);
    // Added headers, one statement each, after the subscription key; never signed (only the body is).
    QStringList extraHeaders;
    for (const auto& [name, value] : input.extras.headers) {
        if (!RequestExtras::isHeaderName(name) || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')))
            continue;
        extraHeaders << render(t.extraHeader,
            {{QStringLiteral("name"), quote(name)}, {QStringLiteral("value"), quote(value)},
                {QStringLiteral("line"), quote(name + QStringLiteral(": ") + value)}});
    }
    flags.extra = !extraHeaders.isEmpty();
    QVariantMap context = flags.sections();
    context.insert({
        {QStringLiteral("EXTRA_HEADERS"), extraHeaders.join(QLatin1Char('\n'))},
        {QStringLiteral("HEADER"), header(t, api, method, flags)},
        {QStringLiteral("METHOD"), method},
        {QStringLiteral("URL"),
            quote(QString::fromUtf8(input.extras.appendQuery(flags.gateway
                    ? RequestEnvelope::gatewayUrl(input.baseUrl, api.path)
                    : RequestEnvelope::apiUrl(input.baseUrl, api.path))))},
        {QStringLiteral("CLIENT_ID"), quote(input.clientId)},
        // The same bytes RequestEnvelope::build sends (and signs when the body is not encrypted).
        {QStringLiteral("BODY"), quoteBody(QString::fromUtf8(RequestEnvelope::compact(input.body)))},
    });
    return render(t.templateText, context);
}

const SampleBook& CodeSamples::builtin()
{
    static const SampleBook book = [] {
        auto loaded = SampleBook::load(QStringLiteral(":/samples"));
        Q_ASSERT_X(loaded.ok(), "CodeSamples", qPrintable(loaded.ok() ? QString() : loaded.error().detail));
        return loaded.valueOr({});
    }();
    return book;
}

QStringList CodeSamples::languages()
{
    return builtin().languageIds();
}

QString CodeSamples::displayName(const QString& languageId)
{
    const SampleLanguage* l = builtin().language(languageId);
    return l ? l->name : QString();
}

QString CodeSamples::fileName(const QString& languageId)
{
    const SampleLanguage* l = builtin().language(languageId);
    return l ? l->fileName : QString();
}

QString CodeSamples::generate(const QString& languageId, const SampleInput& input)
{
    return builtin().generate(languageId, input);
}

} // namespace Protocol
