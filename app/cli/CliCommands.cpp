#include "CliCommands.h"

#include "CliSupport.h"
#include "crypto/AesGcmCipher.h"
#include "crypto/Encoding.h"
#include "crypto/HmacSigner.h"
#include "crypto/KeyWrap.h"
#include "protocol/ApiCatalog.h"
#include "protocol/UrlBuilder.h"
#include "session/ApiDefinition.h"
#include "util/RequestStamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace Cli {
namespace {

int signCommand(const QStringList& args)
{
    Parser p(QStringLiteral("sign"), QStringLiteral("Sign a request body as protocol.md §2.2 describes."));
    p.option(QStringLiteral("client-id"), QStringLiteral("clientID header value"), QStringLiteral("ID"), true);
    p.secretOption(QStringLiteral("secret"), QStringLiteral("client secret (used as UTF-8 bytes)"),
        QStringLiteral("IAMSMART_CLIENT_SECRET"), true);
    p.option(QStringLiteral("timestamp"), QStringLiteral("epoch milliseconds (default: now)"), QStringLiteral("MS"));
    p.option(QStringLiteral("nonce"), QStringLiteral("nonce (default: random, 32 hex)"), QStringLiteral("N"));
    p.option(QStringLiteral("body-file"), QStringLiteral("exact body bytes, - for stdin (default: empty body)"),
        QStringLiteral("FILE"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;

    qint64 timestamp = 0;
    if (p.isSet(QStringLiteral("timestamp"))) {
        bool ok = false;
        timestamp = p.value(QStringLiteral("timestamp")).toLongLong(&ok);
        if (!ok || timestamp <= 0)
            return usageError(QStringLiteral("--timestamp: '%1' is not a positive integer of milliseconds")
                                  .arg(p.value(QStringLiteral("timestamp"))));
    } else {
        Util::TimestampSource stamps;
        timestamp = stamps.next(p.value(QStringLiteral("client-id")));
    }
    QString nonce = p.value(QStringLiteral("nonce"));
    if (!p.isSet(QStringLiteral("nonce")))
        nonce = Util::NonceGenerator().next();
    else if (nonce.isEmpty() || nonce.size() > 36)
        return usageError(QStringLiteral("--nonce: must be 1 to 36 characters"));
    auto secret = p.secret(QStringLiteral("secret"));
    if (!secret)
        return usageError(secret.error().detail);
    QByteArray body;
    if (p.isSet(QStringLiteral("body-file"))) {
        auto in = readInput(p.value(QStringLiteral("body-file")));
        if (!in)
            return usageError(QStringLiteral("--body-file: ") + in.error().detail);
        body = in.value();
    }
    const auto parts = Crypto::HmacSigner::sign(
        p.value(QStringLiteral("client-id")), secret.value(), timestamp, nonce, body);
    QJsonObject out;
    out.insert(QLatin1String("stringToSign"), QString::fromUtf8(parts.stringToSign));
    out.insert(QLatin1String("signatureBase64"), QString::fromLatin1(parts.base64));
    out.insert(QLatin1String("signatureHeader"), QString::fromLatin1(parts.headerValue));
    out.insert(QLatin1String("timestamp"), QString::number(timestamp));
    out.insert(QLatin1String("nonce"), nonce);
    printJson(out);
    return Ok;
}

/// The environment variable of --key-hex (a CEK as hex) when it is not given on the command line.
const QString keyHexVariable = QStringLiteral("IAMSMART_KEY_HEX");

Util::Result<QByteArray> keyFromHex(const QString& hex, const QString& option, int expected)
{
    auto key = Crypto::Encoding::fromHex(hex.toLatin1());
    if (!key)
        return Util::Error {key.error().code, QStringLiteral("--%1: %2").arg(option, key.error().detail)};
    if (key->size() != expected)
        return Util::Error {QStringLiteral("bad-length"),
            QStringLiteral("--%1: %2 bytes needed, got %3").arg(option).arg(expected).arg(key->size())};
    return key;
}

/// The CEK of --key-hex, --key-hex-file or IAMSMART_KEY_HEX.
Util::Result<QByteArray> secretKey(const Parser& p)
{
    auto hex = p.secret(QStringLiteral("key-hex"));
    if (!hex)
        return hex.error();
    return keyFromHex(QString::fromLatin1(hex->trimmed()), QStringLiteral("key-hex"), 32);
}

bool secretFromStdin(const Parser& p, const QString& name)
{
    return p.value(name) == QLatin1String("-") || p.value(name + QStringLiteral("-file")) == QLatin1String("-");
}

/// The CEK from --key-hex (checked first, so a bad key never waits on stdin) and the bytes of --in.
Util::Result<std::pair<QByteArray, QByteArray>> keyAndInput(const Parser& p)
{
    const QString input = p.isSet(QStringLiteral("in")) ? p.value(QStringLiteral("in")) : QStringLiteral("-");
    if (input == QLatin1String("-") && secretFromStdin(p, QStringLiteral("key-hex")))
        return Util::Error {QStringLiteral("usage"),
            QStringLiteral("--in: standard input already carries --key-hex; name a file with --in")};
    auto key = secretKey(p);
    if (!key)
        return key.error();
    auto in = readInput(input);
    if (!in)
        return Util::Error {in.error().code, QStringLiteral("--in: ") + in.error().detail};
    return std::make_pair(key.value(), in.value());
}

int encryptCommand(const QStringList& args)
{
    Parser p(QStringLiteral("encrypt"), QStringLiteral("AES-256-GCM encrypt into the iAM Smart content blob."));
    p.secretOption(QStringLiteral("key-hex"), QStringLiteral("32-byte CEK as 64 hex digits"), keyHexVariable, true);
    p.option(QStringLiteral("iv-hex"), QStringLiteral("12-byte IV as 24 hex digits (default: random)"),
        QStringLiteral("HEX"));
    p.option(QStringLiteral("in"), QStringLiteral("plaintext file, - for stdin (default)"), QStringLiteral("FILE"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    auto io = keyAndInput(p);
    if (!io)
        return usageError(io.error().detail);
    const auto& [key, in] = io.value();
    Util::Result<QByteArray> blob = QByteArray();
    if (p.isSet(QStringLiteral("iv-hex"))) {
        auto iv = keyFromHex(p.value(QStringLiteral("iv-hex")), QStringLiteral("iv-hex"), 12);
        if (!iv)
            return usageError(iv.error().detail);
        blob = Crypto::AesGcmCipher::encrypt(key, in, iv.value());
    } else {
        blob = Crypto::AesGcmCipher::encrypt(key, in);
    }
    if (!blob)
        return failure(blob.error());
    printLine(blob.value());
    return Ok;
}

int decryptCommand(const QStringList& args)
{
    Parser p(QStringLiteral("decrypt"), QStringLiteral("Decrypt an iAM Smart content blob (Base64)."));
    p.secretOption(QStringLiteral("key-hex"), QStringLiteral("32-byte CEK as 64 hex digits"), keyHexVariable, true);
    p.option(QStringLiteral("in"), QStringLiteral("Base64 blob file, - for stdin (default)"), QStringLiteral("FILE"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    auto io = keyAndInput(p);
    if (!io)
        return usageError(io.error().detail);
    const auto& [key, in] = io.value();
    auto plain = Crypto::AesGcmCipher::decrypt(key, in.trimmed());
    if (!plain)
        return failure(plain.error());
    printRaw(plain.value());
    return Ok;
}

int wrapKeyCommand(const QStringList& args)
{
    Parser p(QStringLiteral("wrap-key"), QStringLiteral("RSA-encrypt a CEK with a KEK certificate (PKCS#1 v1.5)."));
    p.option(QStringLiteral("cert"), QStringLiteral("KEK certificate or public key, PEM or DER"),
        QStringLiteral("FILE"), true);
    p.secretOption(QStringLiteral("key-hex"), QStringLiteral("32-byte CEK as 64 hex digits"), keyHexVariable, true);
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    auto key = secretKey(p);
    if (!key)
        return usageError(key.error().detail);
    auto kek = Crypto::RsaPublicKey::fromFile(p.value(QStringLiteral("cert")));
    if (!kek)
        return usageError(QStringLiteral("--cert: ") + kek.error().toString());
    auto wrapped = Crypto::KeyWrap::wrap(kek.value(), key.value());
    if (!wrapped)
        return failure(wrapped.error());
    printLine(wrapped.value());
    return Ok;
}

int unwrapKeyCommand(const QStringList& args)
{
    Parser p(QStringLiteral("unwrap-key"),
        QStringLiteral("RSA-decrypt a wrapped CEK (secretKey) with the KEK private key."));
    p.option(
        QStringLiteral("private-key"), QStringLiteral("PEM/DER private key or PKCS#12"), QStringLiteral("FILE"), true);
    p.secretOption(QStringLiteral("password"), QStringLiteral("password of the key or PKCS#12"),
        QStringLiteral("IAMSMART_KEK_PASSWORD"));
    p.option(QStringLiteral("in"), QStringLiteral("Base64 secretKey file, - for stdin"), QStringLiteral("FILE"), true);
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    if (p.value(QStringLiteral("in")) == QLatin1String("-") && secretFromStdin(p, QStringLiteral("password")))
        return usageError(QStringLiteral("--in: standard input already carries --password; name a file with --in"));
    auto password = p.secret(QStringLiteral("password"));
    if (!password)
        return usageError(password.error().detail);
    auto key = Crypto::RsaPrivateKey::fromFile(p.value(QStringLiteral("private-key")), password.value());
    if (!key)
        return usageError(QStringLiteral("--private-key: ") + key.error().toString());
    auto in = readInput(p.value(QStringLiteral("in")));
    if (!in)
        return usageError(QStringLiteral("--in: ") + in.error().detail);
    auto cek = Crypto::KeyWrap::unwrap(key.value(), in.value().trimmed());
    if (!cek)
        return failure(cek.error());
    printLine(cek->toHex());
    return Ok;
}

int qrUrlCommand(const QStringList& args)
{
    Parser p(QStringLiteral("qr-url"), QStringLiteral("Build the getQR URL the browser is sent to."));
    p.option(QStringLiteral("base-url"),
        QStringLiteral("iAM Smart base URL (default https://apigw-isit.staging-eid.gov.hk)"), QStringLiteral("URL"));
    p.option(QStringLiteral("client-id"), QStringLiteral("clientID"), QStringLiteral("ID"));
    p.option(QStringLiteral("source"), QStringLiteral("source (default PC_Browser)"), QStringLiteral("SOURCE"));
    p.option(QStringLiteral("redirect-uri"), QStringLiteral("redirectURI"), QStringLiteral("URI"));
    p.option(QStringLiteral("scope"), QStringLiteral("space-separated scopes (default eidapi_auth)"),
        QStringLiteral("SCOPE"));
    p.option(QStringLiteral("lang"), QStringLiteral("en-US, zh-HK or zh-CN"), QStringLiteral("LANG"));
    p.option(QStringLiteral("state"), QStringLiteral("state"), QStringLiteral("STATE"));
    p.option(QStringLiteral("broker-page"), QStringLiteral("true or false"), QStringLiteral("BOOL"));
    p.option(QStringLiteral("ticket-id"), QStringLiteral("ticketID (anonymous flows)"), QStringLiteral("ID"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    const auto& catalog = Protocol::ApiCatalog::builtin();
    const Protocol::ApiSpec* spec = catalog.api(QStringLiteral("auth.getQR"));
    auto fallback = [&](const QString& option, const QString& field, const QString& def) {
        if (p.isSet(option))
            return p.value(option);
        const Protocol::FieldSpec* f = spec ? spec->field(field) : nullptr;
        return f && f->mock.isString() ? f->mock.toString() : def;
    };
    Protocol::QrParams params;
    params.clientId = fallback(QStringLiteral("client-id"), QStringLiteral("clientID"), QString());
    params.source
        = p.isSet(QStringLiteral("source")) ? p.value(QStringLiteral("source")) : QStringLiteral("PC_Browser");
    params.redirectUri = fallback(QStringLiteral("redirect-uri"), QStringLiteral("redirectURI"), QString());
    params.scope = p.isSet(QStringLiteral("scope")) ? p.value(QStringLiteral("scope")) : QStringLiteral("eidapi_auth");
    params.lang = p.value(QStringLiteral("lang"));
    params.state = p.value(QStringLiteral("state"));
    params.ticketId = p.value(QStringLiteral("ticket-id"));
    if (p.isSet(QStringLiteral("broker-page"))) {
        const QString b = p.value(QStringLiteral("broker-page")).toLower();
        if (b != QLatin1String("true") && b != QLatin1String("false"))
            return usageError(QStringLiteral("--broker-page: must be true or false"));
        params.brokerPage = b == QLatin1String("true");
    }
    if (!params.lang.isEmpty() && catalog.enumeration(QStringLiteral("languages"))
        && !catalog.enumeration(QStringLiteral("languages"))->contains(params.lang))
        return usageError(QStringLiteral("--lang: '%1' is not en-US, zh-HK or zh-CN").arg(params.lang));
    const QString base = p.isSet(QStringLiteral("base-url")) ? p.value(QStringLiteral("base-url"))
                                                             : QStringLiteral("https://apigw-isit.staging-eid.gov.hk");
    printLine(Protocol::UrlBuilder::getQrUrl(base, params));
    return Ok;
}

int catalogCommand(const QStringList& args)
{
    Parser p(QStringLiteral("catalog"),
        QStringLiteral("List the API catalog, show one entry, or write it as an OpenAPI 3.0.3 document.\n"
                       "  iamsmart catalog list\n  iamsmart catalog show ID\n"
                       "  iamsmart catalog openapi [--family iamsmart|gateway] [--format json|yaml] [--out FILE]"));
    p.positional(QStringLiteral("action"), QStringLiteral("list, show or openapi"));
    p.positional(QStringLiteral("id"), QStringLiteral("catalog id (for show)"));
    p.option(QStringLiteral("family"), QStringLiteral("openapi: only this API family (iamsmart or gateway)"),
        QStringLiteral("FAMILY"));
    p.option(QStringLiteral("format"), QStringLiteral("openapi: json (default) or yaml"), QStringLiteral("FORMAT"));
    p.option(QStringLiteral("out"), QStringLiteral("openapi: write to FILE instead of stdout"), QStringLiteral("FILE"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    const auto& catalog = Protocol::ApiCatalog::builtin();
    if (catalog.apis().isEmpty())
        return failure(Util::Error {QStringLiteral("bad-catalog"), Protocol::ApiCatalog::builtinErrors()});
    const QStringList pos = p.positionalArguments();
    if (pos.isEmpty())
        return usageError(QStringLiteral("catalog: say 'list', 'show ID' or 'openapi'"));
    if (pos.first() == QLatin1String("list") && pos.size() == 1) {
        QJsonArray list;
        for (const auto& api : catalog.apis()) {
            QJsonObject o;
            o.insert(QLatin1String("id"), api.id);
            o.insert(QLatin1String("category"), api.category);
            o.insert(QLatin1String("method"), api.method);
            o.insert(QLatin1String("path"), api.path);
            o.insert(QLatin1String("label"), api.label.en());
            list.append(o);
        }
        printJson(list);
        return Ok;
    }
    if (pos.first() == QLatin1String("openapi") && pos.size() == 1) {
        const QString family = p.value(QStringLiteral("family"));
        if (p.isSet(QStringLiteral("family")) && family != QLatin1String("iamsmart") && family != QLatin1String("gateway"))
            return usageError(QStringLiteral("--family: '%1' is not iamsmart or gateway").arg(family));
        const QString format = p.isSet(QStringLiteral("format")) ? p.value(QStringLiteral("format")) : QStringLiteral("json");
        if (format != QLatin1String("json") && format != QLatin1String("yaml"))
            return usageError(QStringLiteral("--format: '%1' is not json or yaml").arg(format));
        const QByteArray bytes = Session::ApiDefinition::serialize(
            Session::ApiDefinition::document(family), format == QLatin1String("yaml"));
        if (!p.isSet(QStringLiteral("out"))) {
            printRaw(bytes);
            return Ok;
        }
        QSaveFile file(p.value(QStringLiteral("out")));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return failure(Util::Error {QStringLiteral("write-failed"),
                QStringLiteral("--out: cannot write %1: %2").arg(p.value(QStringLiteral("out")), file.errorString())});
        return Ok;
    }
    if (pos.first() == QLatin1String("show") && pos.size() == 2) {
        const auto* api = catalog.api(pos.at(1));
        if (!api)
            return usageError(
                QStringLiteral("catalog show: no API with id '%1' (see 'iamsmart catalog list')").arg(pos.at(1)));
        printJson(api->json);
        return Ok;
    }
    return usageError(QStringLiteral("catalog: '%1' is not 'list', 'show ID' or 'openapi'").arg(pos.join(QLatin1Char(' '))));
}

} // namespace

int listenCommand(const QStringList& args);
int mockCommand(const QStringList& args);
int runCommand(const QStringList& args);
int brandingCommand(const QStringList& args);
int pdfCommand(const QStringList& args);

QList<Command>& commands()
{
    static QList<Command> list {
        {QStringLiteral("sign"), QStringLiteral("compute the HMAC-SHA256 request signature"), &signCommand},
        {QStringLiteral("encrypt"), QStringLiteral("AES-256-GCM encrypt a body into a content blob"), &encryptCommand},
        {QStringLiteral("decrypt"), QStringLiteral("decrypt a content blob"), &decryptCommand},
        {QStringLiteral("wrap-key"), QStringLiteral("RSA-wrap a CEK with a KEK certificate"), &wrapKeyCommand},
        {QStringLiteral("unwrap-key"), QStringLiteral("RSA-unwrap a secretKey with the KEK private key"),
            &unwrapKeyCommand},
        {QStringLiteral("qr-url"), QStringLiteral("build a getQR URL"), &qrUrlCommand},
        {QStringLiteral("catalog"), QStringLiteral("list or show the API catalog, or write it as OpenAPI"), &catalogCommand},
        {QStringLiteral("listen"), QStringLiteral("receive, decrypt and match callbacks"), &listenCommand},
        {QStringLiteral("mock"), QStringLiteral("run the iAM Smart simulator headless"), &mockCommand},
        {QStringLiteral("run"), QStringLiteral("run a flow headless (JUnit, HTML report, HAR)"), &runCommand},
        {QStringLiteral("branding"), QStringLiteral("list the iAM Smart buttons or export their SVG files"),
            &brandingCommand},
        {QStringLiteral("pdf"), QStringLiteral("prepare a PDF for signing, or embed its pdfSignature"), &pdfCommand},
    };
    return list;
}

int run(const QStringList& arguments)
{
    const QString program = QStringLiteral("iamsmart");
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h")
        || arguments.at(1) == QLatin1String("help")) {
        QByteArray help = "Usage: iamsmart COMMAND [OPTIONS]\n\n"
                          "Headless tool of the iAM Smart Sandbox Console.\n\nCommands:\n";
        for (const Command& c : commands())
            help += "  " + c.name.toUtf8().leftJustified(12, ' ') + c.summary.toUtf8() + '\n';
        help += "\n  --version   print the version\n  --help      this text\n\n"
                "'iamsmart COMMAND --help' describes a command's options.\n";
        printRaw(help);
        return arguments.size() < 2 ? Usage : Ok;
    }
    if (arguments.at(1) == QLatin1String("--version") || arguments.at(1) == QLatin1String("-v")) {
        printLine("iamsmart " + QCoreApplication::applicationVersion().toUtf8());
        return Ok;
    }
    for (const Command& c : commands()) {
        if (c.name == arguments.at(1))
            return c.run(QStringList {program + QLatin1Char(' ') + c.name} + arguments.mid(2));
    }
    return usageError(QStringLiteral("unknown command '%1' (see 'iamsmart --help')").arg(arguments.at(1)));
}

} // namespace Cli
