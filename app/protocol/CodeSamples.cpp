#include "CodeSamples.h"

#include <QFile>

#include "Envelope.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Protocol {
namespace {

// Templates: lines "{{#flag}}" / "{{^flag}}" ... "{{/flag}}" keep or drop what they enclose (they nest), and
// "{{NAME}}" is replaced in one pass, so a value that happens to contain "{{X}}" is never expanded again.
// Flags: encrypt (AES-GCM body), signed (clientID/signatureMethod/timestamp/nonce headers), sign (signature
// header), subkey (Ocp-Apim-Subscription-Key), gateway (a gateway-family API, protocol.md 7: x-client-id and
// x-client-secret headers), jwe (a gateway answer whose `result` is a JWE the sample decrypts), secrets (any
// environment variable read), secret (the client secret is read), clientid (the client id is sent), base64
// (encrypt, sign or jwe), random (encrypt or signed), crypto (random or jwe), json (a JSON answer is parsed:
// encrypt or jwe), aead (AES-GCM: encrypt or jwe). The templates are data, one file per language in
// resources/samples/ (compiled in as :/samples/NAME.tpl); they are ASCII.









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

struct Flags
{
    bool encrypt = false;
    bool isSigned = false;
    bool sign = false;
    bool subkey = false;
    bool gateway = false;
    bool jwe = false;
    bool extra = false; ///< headers the user added (Try it's "+ Add header")

    bool value(const QString& name, bool* known) const
    {
        *known = true;
        if (name == QLatin1String("extra"))
            return extra;
        if (name == QLatin1String("encrypt"))
            return encrypt;
        if (name == QLatin1String("signed"))
            return isSigned;
        if (name == QLatin1String("sign"))
            return sign;
        if (name == QLatin1String("subkey"))
            return subkey;
        if (name == QLatin1String("gateway"))
            return gateway;
        if (name == QLatin1String("jwe"))
            return jwe;
        if (name == QLatin1String("secrets"))
            return sign || encrypt || subkey || gateway;
        if (name == QLatin1String("secret"))
            return sign || gateway;
        if (name == QLatin1String("clientid"))
            return isSigned || gateway;
        if (name == QLatin1String("base64"))
            return encrypt || sign || jwe;
        if (name == QLatin1String("random"))
            return encrypt || isSigned;
        if (name == QLatin1String("crypto"))
            return encrypt || isSigned || jwe;
        if (name == QLatin1String("json") || name == QLatin1String("aead"))
            return encrypt || jwe;
        *known = false;
        return false;
    }
};

/// Keeps or drops the {{#flag}}/{{^flag}} sections, then replaces {{NAME}} with `values` in a single pass.
QString render(const QByteArray& templateText, const Flags& flags, const QHash<QString, QString>& values)
{
    static const QRegularExpression section(QStringLiteral(R"(^\s*\{\{([#^/])(\w+)\}\}\s*$)"));
    static const QRegularExpression placeholder(QStringLiteral(R"(\{\{([A-Z_]+)\}\})"));
    QStringList kept;
    QList<bool> stack; // whether the enclosing level was emitting
    bool emitting = true;
    const QStringList lines = QString::fromUtf8(templateText).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QRegularExpressionMatch m = section.match(line);
        bool known = false;
        const bool flag = m.hasMatch() ? flags.value(m.captured(2), &known) : false;
        if (known) {
            const QChar kind = m.captured(1).at(0);
            if (kind == QLatin1Char('/')) {
                emitting = stack.isEmpty() ? true : stack.takeLast();
            } else {
                stack.append(emitting);
                emitting = emitting && (kind == QLatin1Char('#') ? flag : !flag);
            }
            continue;
        }
        if (emitting)
            kept.append(line);
    }
    Q_ASSERT(stack.isEmpty());
    const QString text = kept.join(QLatin1Char('\n'));

    QString out;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const auto value = values.constFind(m.captured(1));
        if (value == values.constEnd())
            continue; // not ours: leave the text alone
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += *value;
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

struct LanguageTraits
{
    QString (*quote)(const QString&);
    QString (*quoteBody)(const QString&);
    QString comment; ///< line comment prefix
    QString requires_; ///< what the sample needs, beyond its language
    QString requiresForGcm; ///< extra needs when the body is encrypted (empty: nothing more)
    QString run;
    QString requiresForGateway = {}; ///< replaces `requires_` for a gateway API (empty: the same)
    QString requiresForJwe = {}; ///< extra needs to decrypt a gateway JWE `result` (empty: nothing more)
};

LanguageTraits traits(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return {shellQuoted, shellQuoted, QStringLiteral("#"), QStringLiteral("bash, curl 7.55+ and openssl (HMAC)."),
            QStringLiteral("python3 with the `cryptography` package for AES-GCM\n"
                           "(apt install python3-cryptography, or pip install cryptography)."),
            QStringLiteral("bash iamsmart_sample.sh"), QStringLiteral("bash and curl 7.55+ (-H @file)."),
            QStringLiteral("openssl (RSA-OAEP unwrap) and python3 with the `cryptography` package for\n"
                           "AES-GCM (apt install python3-cryptography, or pip install cryptography).")};
    case SampleLanguage::CSharp:
        return {cSharpString, cSharpRaw, QStringLiteral("//"),
            QStringLiteral(
                ".NET 8+ (C# 11 raw string literals, System.Security.Cryptography, HttpClient), no packages."),
            QString(),
            QStringLiteral("dotnet new console -n IamSmartSample, replace its Program.cs with this file,\n"
                           "then dotnet run"),
            QString(),
            QStringLiteral("RSA.ImportFromPem, RSAEncryptionPadding.OaepSHA1 / OaepSHA256 and AesGcm\n"
                           "(all in .NET 8).")};
    case SampleLanguage::Java:
        return {javaString, javaTextBlock, QStringLiteral("//"),
            QStringLiteral("Java 17+ (javax.crypto, java.net.http), no libraries."), QString(),
            QStringLiteral("java IamSmartSample.java"), QString(),
            QStringLiteral("The private key as unencrypted PKCS#8 PEM (BEGIN PRIVATE KEY), as the console\n"
                           "saves it; java.security reads no PKCS#1 PEM.")};
    case SampleLanguage::JavaScript:
        return {scriptSingleQuoted, scriptSingleQuoted, QStringLiteral("//"),
            QStringLiteral("Node.js 18+ (built-in crypto and fetch), no packages."), QString(),
            QStringLiteral("node iamsmart_sample.js")};
    case SampleLanguage::ObjectiveC:
        return {objcString, objcString, QStringLiteral("//"),
            QStringLiteral("Foundation (NSURLSession, NSJSONSerialization), CommonCrypto (HMAC) and\n"
                           "Security (SecRandomCopyBytes)."),
            QStringLiteral("OpenSSL 3 libcrypto (EVP API) for AES-256-GCM: CommonCrypto has no public GCM API\n"
                           "and CryptoKit is Swift-only (macOS: brew install openssl@3)."),
            QStringLiteral("clang -fobjc-arc iamsmart_sample.m -framework Foundation -framework Security\n"
                           "-I\"$(brew --prefix openssl@3)/include\" -L\"$(brew --prefix openssl@3)/lib\" -lcrypto\n"
                           "-o iamsmart_sample && ./iamsmart_sample"),
            QStringLiteral("Foundation (NSURLSession, NSJSONSerialization)."),
            QStringLiteral("OpenSSL 3 libcrypto (EVP API) for RSA-OAEP and AES-256-GCM: CommonCrypto has\n"
                           "neither (macOS: brew install openssl@3).")};
    case SampleLanguage::Php:
        return {plainSingleQuoted, plainSingleQuoted, QStringLiteral("//"),
            QStringLiteral("PHP 7.1+ with the curl and json extensions."),
            QStringLiteral("The openssl extension for AES-256-GCM."), QStringLiteral("php iamsmart_sample.php"),
            QString(),
            QStringLiteral("The openssl extension to decrypt `result`; for alg RSA-OAEP-256 also PHP 8.5+:\n"
                           "older openssl_private_decrypt has no OAEP digest parameter (SHA-1 only, which is\n"
                           "alg RSA-OAEP); there, use a JOSE library such as web-token/jwt-library.")};
    case SampleLanguage::Python:
        return {scriptSingleQuoted, scriptSingleQuoted, QStringLiteral("#"),
            QStringLiteral("Python 3.6+, standard library."),
            QStringLiteral("The `cryptography` package for AES-GCM, which the standard library lacks\n"
                           "(pip install cryptography, or apt install python3-cryptography)."),
            QStringLiteral("python3 iamsmart_sample.py"), QString(),
            QStringLiteral("The `cryptography` package for RSA-OAEP and AES-GCM\n"
                           "(pip install cryptography, or apt install python3-cryptography).")};
    case SampleLanguage::Ruby:
        return {plainSingleQuoted, plainSingleQuoted, QStringLiteral("#"),
            QStringLiteral("Ruby 2.5+, standard library only (openssl, net/http, json, securerandom)."), QString(),
            QStringLiteral("ruby iamsmart_sample.rb"), QString(),
            QStringLiteral("Ruby 3.1+ (openssl gem 3: PKey#decrypt with OAEP digest options).")};
    }
    return {};
}

QByteArray templateFor(SampleLanguage language)
{
    static QHash<int, QByteArray> cache;
    if (const auto it = cache.constFind(int(language)); it != cache.constEnd())
        return *it;
    QString name;
    switch (language) {
    case SampleLanguage::Curl:
        name = QStringLiteral("curl");
        break;
    case SampleLanguage::CSharp:
        name = QStringLiteral("csharp");
        break;
    case SampleLanguage::Java:
        name = QStringLiteral("java");
        break;
    case SampleLanguage::JavaScript:
        name = QStringLiteral("javascript");
        break;
    case SampleLanguage::ObjectiveC:
        name = QStringLiteral("objective-c");
        break;
    case SampleLanguage::Php:
        name = QStringLiteral("php");
        break;
    case SampleLanguage::Python:
        name = QStringLiteral("python");
        break;
    case SampleLanguage::Ruby:
        name = QStringLiteral("ruby");
        break;
    }
    QFile file(QStringLiteral(":/samples/%1.tpl").arg(name));
    const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    Q_ASSERT(!text.isEmpty()); // compiled in with the catalog
    cache.insert(int(language), text);
    return text;
}

/// The comment block every sample starts with: what it calls, how it is protected, what it needs, and the
/// environment variables it reads.
QString header(const LanguageTraits& t, const ApiSpec& api, const QString& method, const Flags& flags)
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
        flags.gateway && !t.requiresForGateway.isEmpty() ? t.requiresForGateway : t.requires_);
    if (flags.encrypt && !t.requiresForGcm.isEmpty())
        labelled(QStringLiteral("          "), t.requiresForGcm);
    if (flags.jwe && !t.requiresForJwe.isEmpty())
        labelled(QStringLiteral("          "), t.requiresForJwe);
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

QList<SampleLanguage> CodeSamples::languages()
{
    return {SampleLanguage::Curl, SampleLanguage::CSharp, SampleLanguage::Java, SampleLanguage::JavaScript,
        SampleLanguage::ObjectiveC, SampleLanguage::Php, SampleLanguage::Python, SampleLanguage::Ruby};
}

QString CodeSamples::displayName(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return QStringLiteral("cURL");
    case SampleLanguage::CSharp:
        return QStringLiteral("C#");
    case SampleLanguage::Java:
        return QStringLiteral("Java");
    case SampleLanguage::JavaScript:
        return QStringLiteral("JavaScript");
    case SampleLanguage::ObjectiveC:
        return QStringLiteral("Objective-C");
    case SampleLanguage::Php:
        return QStringLiteral("PHP");
    case SampleLanguage::Python:
        return QStringLiteral("Python");
    case SampleLanguage::Ruby:
        return QStringLiteral("Ruby");
    }
    return {};
}

QString CodeSamples::fileName(SampleLanguage language)
{
    switch (language) {
    case SampleLanguage::Curl:
        return QStringLiteral("iamsmart_sample.sh");
    case SampleLanguage::CSharp:
        return QStringLiteral("Program.cs");
    case SampleLanguage::Java:
        return QStringLiteral("IamSmartSample.java");
    case SampleLanguage::JavaScript:
        return QStringLiteral("iamsmart_sample.js");
    case SampleLanguage::ObjectiveC:
        return QStringLiteral("iamsmart_sample.m");
    case SampleLanguage::Php:
        return QStringLiteral("iamsmart_sample.php");
    case SampleLanguage::Python:
        return QStringLiteral("iamsmart_sample.py");
    case SampleLanguage::Ruby:
        return QStringLiteral("iamsmart_sample.rb");
    }
    return {};
}

QString CodeSamples::generate(SampleLanguage language, const SampleInput& input)
{
    if (!input.api || input.api->kind != ApiKind::Request)
        return {};
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

    const LanguageTraits t = traits(language);
    // Added headers, one statement each, after the subscription key; never signed (only the body is).
    QStringList extraHeaders;
    for (const auto& [name, value] : input.extras.headers) {
        if (!RequestExtras::isHeaderName(name) || value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n')))
            continue;
        switch (language) {
        case SampleLanguage::Python:
            extraHeaders << QStringLiteral("    headers[%1] = %2").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::JavaScript:
            extraHeaders << QStringLiteral("  headers[%1] = %2;").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::Java:
            extraHeaders << QStringLiteral("        request.header(%1, %2);").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::CSharp:
            extraHeaders << QStringLiteral("request.Headers.TryAddWithoutValidation(%1, %2);").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::ObjectiveC:
            extraHeaders << QStringLiteral("        [request setValue:%2 forHTTPHeaderField:%1];").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::Php:
            extraHeaders << QStringLiteral("$headers[] = %1;").arg(t.quote(name + QStringLiteral(": ") + value));
            break;
        case SampleLanguage::Ruby:
            extraHeaders << QStringLiteral("request[%1] = %2").arg(t.quote(name), t.quote(value));
            break;
        case SampleLanguage::Curl:
            extraHeaders << QStringLiteral("  -H %1 \\").arg(t.quote(name + QStringLiteral(": ") + value));
            break;
        }
    }
    flags.extra = !extraHeaders.isEmpty();
    const QHash<QString, QString> values {
        {QStringLiteral("EXTRA_HEADERS"), extraHeaders.join(QLatin1Char('\n'))},
        {QStringLiteral("HEADER"), header(t, api, method, flags)},
        {QStringLiteral("METHOD"), method},
        {QStringLiteral("URL"),
            t.quote(QString::fromUtf8(input.extras.appendQuery(flags.gateway
                    ? RequestEnvelope::gatewayUrl(input.baseUrl, api.path)
                    : RequestEnvelope::apiUrl(input.baseUrl, api.path))))},
        {QStringLiteral("CLIENT_ID"), t.quote(input.clientId)},
        // The same bytes RequestEnvelope::build sends (and signs when the body is not encrypted).
        {QStringLiteral("BODY"), t.quoteBody(QString::fromUtf8(RequestEnvelope::compact(input.body)))},
    };
    return render(templateFor(language), flags, values);
}

} // namespace Protocol
