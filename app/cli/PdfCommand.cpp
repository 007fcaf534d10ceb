#include "CliCommands.h"
#include "CliSupport.h"
#include "pdf/PdfSigning.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace Cli {

namespace {

Util::Status writeOut(const QString& path, const QByteArray& data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    return Util::success();
}

bool samePath(const QString& a, const QString& b)
{
    const QFileInfo fa(a);
    const QFileInfo fb(b);
    return fa.absoluteFilePath() == fb.absoluteFilePath()
        || (fa.exists() && fb.exists() && fa.canonicalFilePath() == fb.canonicalFilePath());
}

} // namespace

/// A pdfSignature as the callback carries it (Base64) or as DER.
QByteArray decodePdfSignature(const QByteArray& data)
{
    static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/=\\s]+$"));
    const QByteArray trimmed = data.trimmed();
    if (base64.match(QString::fromLatin1(trimmed)).hasMatch())
        return QByteArray::fromBase64(trimmed);
    return data;
}

/// `iamsmart pdf prepare IN --out PREPARED` and `iamsmart pdf embed PREPARED --signature FILE|- --out SIGNED`
/// (issue 18): the two halves of PDF signing around an iAM Smart PDF signing request.
int pdfCommand(const QStringList& args)
{
    Parser p(QStringLiteral("pdf"),
        QStringLiteral("Prepare a PDF for iAM Smart PDF signing, and embed the returned pdfSignature.\n"
                       "  iamsmart pdf prepare IN.pdf --out PREPARED.pdf   (prints the docDigest)\n"
                       "  iamsmart pdf embed PREPARED.pdf --signature FILE|- --out SIGNED.pdf"));
    p.positional(QStringLiteral("action"), QStringLiteral("prepare or embed"));
    p.positional(QStringLiteral("pdf"), QStringLiteral("the PDF to prepare, or the prepared PDF to embed into"));
    p.option(
        QStringLiteral("out"), QStringLiteral("the file to write (never the input)"), QStringLiteral("FILE"), true);
    p.option(QStringLiteral("signature"),
        QStringLiteral("embed: the pdfSignature, Base64 or DER, from a file or - for stdin"), QStringLiteral("FILE"));
    p.option(QStringLiteral("reason"), QStringLiteral("prepare: the signature's /Reason"), QStringLiteral("TEXT"));
    p.option(QStringLiteral("location"), QStringLiteral("prepare: the signature's /Location"), QStringLiteral("TEXT"));
    p.option(QStringLiteral("name"), QStringLiteral("prepare: the signature's /Name"), QStringLiteral("TEXT"));
    p.option(QStringLiteral("reserve"), QStringLiteral("prepare: bytes reserved for the signature (default 16384)"),
        QStringLiteral("BYTES"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    if (action != QLatin1String("prepare") && action != QLatin1String("embed"))
        return usageError(QStringLiteral("pdf: '%1' is not 'prepare' or 'embed'").arg(action));
    if (pos.size() != 2)
        return usageError(QStringLiteral("pdf %1: name one PDF file").arg(action));
    const QString out = p.value(QStringLiteral("out"));
    if (samePath(pos.at(1), out))
        return usageError(QStringLiteral("--out: must not be the input file %1 (it is left untouched)").arg(pos.at(1)));
    if (action == QLatin1String("embed") && !p.isSet(QStringLiteral("signature")))
        return usageError(QStringLiteral("--signature: required for 'pdf embed' (a file, or - for stdin)"));
    auto input = readInput(pos.at(1));
    if (!input)
        return usageError(QStringLiteral("pdf %1: %2").arg(action, input.error().detail));

    if (action == QLatin1String("prepare")) {
        if (p.isSet(QStringLiteral("signature")))
            return usageError(QStringLiteral("--signature: only for 'pdf embed'"));
        Pdf::SignatureFields fields = Pdf::PdfSigning::defaultFields();
        if (p.isSet(QStringLiteral("reason")))
            fields.reason = p.value(QStringLiteral("reason"));
        if (p.isSet(QStringLiteral("location")))
            fields.location = p.value(QStringLiteral("location"));
        if (p.isSet(QStringLiteral("name")))
            fields.name = p.value(QStringLiteral("name"));
        if (p.isSet(QStringLiteral("reserve"))) {
            bool ok = false;
            fields.reservedBytes = p.value(QStringLiteral("reserve")).toInt(&ok);
            if (!ok || fields.reservedBytes < 1024 || fields.reservedBytes > 1024 * 1024)
                return usageError(QStringLiteral("--reserve: '%1' is not a number of bytes from 1024 to 1048576")
                                      .arg(p.value(QStringLiteral("reserve"))));
        }
        auto prepared = Pdf::PdfSigning::prepare(input.value(), fields);
        if (!prepared)
            return failure(prepared.error());
        if (auto s = writeOut(out, prepared->pdf); !s)
            return failure(s.error());
        printLine(prepared->docDigest().toLatin1());
        return Ok;
    }

    auto signature = readInput(p.value(QStringLiteral("signature")));
    if (!signature)
        return usageError(QStringLiteral("--signature: ") + signature.error().detail);
    auto embedded = Pdf::PdfSigning::embed(input.value(), decodePdfSignature(signature.value()));
    if (!embedded)
        return failure(embedded.error());
    if (auto s = writeOut(out, embedded->pdf); !s)
        return failure(s.error());
    printJson(QJsonObject {{QStringLiteral("out"), out}, {QStringLiteral("signer"), embedded->signer},
        {QStringLiteral("issuer"), embedded->issuer},
        {QStringLiteral("signingTime"), embedded->signingTime.toString(Qt::ISODate)},
        {QStringLiteral("signatureValid"), embedded->signatureValid}});
    return embedded->signatureValid ? Ok : Failed;
}

} // namespace Cli
