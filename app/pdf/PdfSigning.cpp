#include "PdfSigning.h"

#include "crypto/Signing.h"

#include <QCryptographicHash>
#include <QFile>

#include <podofo/podofo.h>

#include <mutex>

namespace Pdf {
namespace {

Util::Error error(const char* code, const QString& detail)
{
    return Util::Error {QString::fromLatin1(code), detail};
}

QString podofoMessage(const PoDoFo::PdfError& e)
{
    const char* name = PoDoFo::PdfError::ErrorName(e.GetError());
    return QString::fromLatin1(name ? name : "PdfError");
}

void quietPodofo()
{
    static std::once_flag once;
    std::call_once(once, [] {
        PoDoFo::PdfError::EnableLogging(false);
        PoDoFo::PdfError::EnableDebug(false);
    });
}

PoDoFo::PdfString pdfText(const QString& text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
    if (ascii)
        return PoDoFo::PdfString(text.toLatin1().toStdString());
    const QByteArray utf8 = text.toUtf8();
    return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(utf8.constData()), utf8.size());
}

/// Loads `pdf` for an incremental update; a PDF that needs a password, or has an encryption
/// dictionary at all, is refused (a signature over an encrypted file is not what this console shows).
Util::Status load(PoDoFo::PdfMemDocument& doc, const QByteArray& pdf)
{
    quietPodofo();
    if (!PdfSigning::looksLikePdf(pdf))
        return error("pdf-not-pdf", QStringLiteral("the file does not start with a %PDF- header"));
    try {
        doc.LoadFromBuffer(pdf.constData(), long(pdf.size()), true);
    } catch (const PoDoFo::PdfError& e) {
        if (e.GetError() == PoDoFo::ePdfError_InvalidPassword
            || e.GetError() == PoDoFo::ePdfError_CannotEncryptedForUpdate
            || e.GetError() == PoDoFo::ePdfError_InvalidEncryptionDict)
            return error("pdf-encrypted", QStringLiteral("the PDF is encrypted (it needs a password)"));
        return error("pdf-not-pdf",
            QStringLiteral("the PDF cannot be read: %1 (%2)").arg(podofoMessage(e)).arg(int(e.GetError())));
    }
    if (doc.GetEncrypted())
        return error("pdf-encrypted", QStringLiteral("the PDF is encrypted; decrypt it before signing"));
    return Util::success();
}

/// The last signature dictionary whose /Contents is still the reserved run of zero bytes.
struct Placeholder
{
    qint64 ranges[4] {};
};

Util::Result<Placeholder> findPlaceholder(const QByteArray& pdf)
{
    PoDoFo::PdfMemDocument doc;
    if (auto loaded = load(doc, pdf); !loaded)
        return loaded.error();
    const PoDoFo::PdfObject* found = nullptr;
    for (const PoDoFo::PdfObject* object : doc.GetObjects()) {
        if (!object || !object->IsDictionary())
            continue;
        const PoDoFo::PdfDictionary& dict = object->GetDictionary();
        const PoDoFo::PdfObject* type = dict.GetKey(PoDoFo::PdfName("Type"));
        const PoDoFo::PdfObject* contents = dict.GetKey(PoDoFo::PdfName("Contents"));
        const PoDoFo::PdfObject* range = dict.GetKey(PoDoFo::PdfName("ByteRange"));
        if (!type || !type->IsName() || type->GetName() != PoDoFo::PdfName("Sig") || !contents
            || !(contents->IsString() || contents->IsHexString()) || !range || !range->IsArray()
            || range->GetArray().size() != 4)
            continue;
        const PoDoFo::PdfString& value = contents->GetString();
        const char* data = value.GetString();
        bool empty = true;
        for (PoDoFo::pdf_long i = 0; empty && data && i < value.GetLength(); ++i)
            empty = data[i] == 0;
        if (empty)
            found = object;
    }
    if (!found)
        return error("pdf-not-prepared", QStringLiteral("the PDF has no signature field waiting for a signature"));
    Placeholder p;
    const PoDoFo::PdfArray& range = found->GetDictionary().GetKey(PoDoFo::PdfName("ByteRange"))->GetArray();
    for (int i = 0; i < 4; ++i) {
        if (!range[size_t(i)].IsNumber())
            return error("pdf-not-prepared", QStringLiteral("the signature's ByteRange is not four numbers"));
        p.ranges[i] = qint64(range[size_t(i)].GetNumber());
    }
    const qint64 gapStart = p.ranges[1];
    const qint64 gapEnd = p.ranges[2];
    const bool shaped = p.ranges[0] == 0 && gapStart > 0 && gapEnd > gapStart + 2 && p.ranges[3] >= 0
        && gapEnd + p.ranges[3] == pdf.size() && pdf.at(gapStart) == '<' && pdf.at(gapEnd - 1) == '>';
    if (!shaped)
        return error("pdf-not-prepared",
            QStringLiteral("the signature's ByteRange does not cover the whole file around /Contents"));
    for (qint64 i = gapStart + 1; i < gapEnd - 1; ++i) {
        if (pdf.at(i) != '0')
            return error("pdf-not-prepared", QStringLiteral("the reserved /Contents is not empty"));
    }
    return p;
}

QByteArray coveredBytes(const QByteArray& pdf, const Placeholder& p)
{
    return pdf.mid(p.ranges[0], p.ranges[1]) + pdf.mid(p.ranges[2], p.ranges[3]);
}

} // namespace

QByteArray PdfSigning::samplePdf()
{
    QFile f(QStringLiteral(":/pdf/sample.pdf"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

SignatureFields PdfSigning::defaultFields()
{
    return {QStringLiteral("Signed with iAM Smart"), QStringLiteral("Hong Kong"), {}};
}

bool PdfSigning::looksLikePdf(const QByteArray& data)
{
    const qsizetype at = data.indexOf("%PDF-");
    return at >= 0 && at < 1024;
}

Util::Result<Prepared> PdfSigning::prepare(const QByteArray& pdf, const SignatureFields& fields)
{
    using namespace PoDoFo;
    if (fields.reservedBytes < 1024 || fields.reservedBytes > 1024 * 1024)
        return error("pdf-failure", QStringLiteral("reserved signature size must be 1 KiB to 1 MiB"));
    PdfMemDocument doc;
    if (auto loaded = load(doc, pdf); !loaded)
        return loaded.error();
    try {
        if (doc.GetPageCount() < 1)
            return error("pdf-no-page", QStringLiteral("the PDF has no page to put a signature field on"));
        PdfRefCountedBuffer buffer;
        PdfOutputDevice device(&buffer);
        PdfSignOutputDevice signer(&device);
        signer.SetSignatureSize(size_t(fields.reservedBytes)); // bytes: PoDoFo reserves two hex digits each

        PdfAcroForm* form = doc.GetAcroForm(true, ePdfAcroFormDefaultAppearance_None);
        form->GetObject()->GetDictionary().AddKey(PdfName("SigFlags"), PdfObject(pdf_int64(3)));
        form->SetNeedAppearances(false);
        const PdfObject* existing = form->GetObject()->GetIndirectKey(PdfName("Fields"));
        const size_t fieldCount = existing && existing->IsArray() ? existing->GetArray().size() : 0;

        PdfPage* page = doc.GetPage(0);
        PdfAnnotation* widget = page->CreateAnnotation(ePdfAnnotation_Widget, PdfRect(0, 0, 0, 0));
        widget->SetFlags(ePdfAnnotationFlags_Print | ePdfAnnotationFlags_Locked);
        PdfSignatureField field(widget, form, &doc);
        field.SetFieldName(pdfText(QStringLiteral("iAMSmartSignature%1").arg(fieldCount + 1)));
        if (!fields.reason.isEmpty())
            field.SetSignatureReason(pdfText(fields.reason));
        if (!fields.location.isEmpty())
            field.SetSignatureLocation(pdfText(fields.location));
        field.SetSignatureDate(PdfDate());
        field.SetSignature(*signer.GetSignatureBeacon());
        if (!fields.name.isEmpty())
            field.GetSignatureObject()->GetDictionary().AddKey(PdfName("Name"), pdfText(fields.name));

        doc.WriteUpdate(&signer, true);
        if (!signer.HasSignaturePosition())
            return error("pdf-failure", QStringLiteral("PoDoFo did not write the reserved /Contents"));
        const PdfArray range = signer.AdjustByteRange();
        signer.Flush();
        Prepared out;
        out.pdf = QByteArray(buffer.GetBuffer(), qsizetype(device.GetLength()));
        // PoDoFo leaves a text beacon in /Contents; the reserved space is zeros until the CMS is embedded.
        const qint64 gapStart = qint64(range[1].GetNumber());
        const qint64 gapEnd = qint64(range[2].GetNumber());
        if (gapStart <= 0 || gapEnd - gapStart != 2 * qint64(fields.reservedBytes) + 2 || gapEnd > out.pdf.size())
            return error("pdf-failure",
                QStringLiteral("PoDoFo reserved an unexpected /Contents (%1 to %2 of %3)")
                    .arg(gapStart)
                    .arg(gapEnd)
                    .arg(out.pdf.size()));
        out.pdf.replace(gapStart + 1, gapEnd - gapStart - 2, QByteArray(gapEnd - gapStart - 2, '0'));
        auto placeholder = findPlaceholder(out.pdf);
        if (!placeholder)
            return error("pdf-failure", placeholder.error().detail);
        out.digest = QCryptographicHash::hash(coveredBytes(out.pdf, *placeholder), QCryptographicHash::Sha256);
        return out;
    } catch (const PdfError& e) {
        return error("pdf-failure", QStringLiteral("PoDoFo: %1").arg(podofoMessage(e)));
    }
}

Util::Result<QByteArray> PdfSigning::signedContent(const QByteArray& prepared)
{
    auto placeholder = findPlaceholder(prepared);
    if (!placeholder)
        return placeholder.error();
    return coveredBytes(prepared, *placeholder);
}

Util::Result<Embedded> PdfSigning::embed(const QByteArray& prepared, const QByteArray& cmsDer)
{
    auto placeholder = findPlaceholder(prepared);
    if (!placeholder)
        return placeholder.error();
    const Placeholder& p = *placeholder;
    const qint64 room = (p.ranges[2] - p.ranges[1] - 2) / 2;
    if (cmsDer.isEmpty())
        return error("pdf-bad-signature", QStringLiteral("pdfSignature is empty"));
    if (cmsDer.size() > room)
        return error("pdf-signature-too-large",
            QStringLiteral("pdfSignature is %1 bytes; the prepared PDF reserves %2").arg(cmsDer.size()).arg(room));
    const QByteArray content = coveredBytes(prepared, p);
    auto info = Crypto::Signing::inspectCms(cmsDer, content);
    if (!info)
        return error("pdf-bad-signature", info.error().detail);
    const QByteArray digest = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
    if (info->messageDigest != digest)
        return error("pdf-digest-mismatch",
            QStringLiteral("pdfSignature signs docDigest %1 but the prepared PDF's digest is %2")
                .arg(QString::fromLatin1(info->messageDigest.toBase64()), QString::fromLatin1(digest.toBase64())));
    Embedded out;
    out.pdf = prepared;
    const QByteArray hex = cmsDer.toHex().toUpper();
    out.pdf.replace(p.ranges[1] + 1, hex.size(), hex);
    out.signer = info->signer;
    out.issuer = info->issuer;
    out.signingTime = info->signingTime;
    out.signatureValid = info->valid;
    return out;
}

} // namespace Pdf
