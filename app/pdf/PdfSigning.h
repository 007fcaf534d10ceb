#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Pdf {

/// What the visible signature dictionary says about the signer (PDF 32000 §12.8.1, /Reason /Location /Name).
struct SignatureFields
{
    QString reason;
    QString location;
    QString name;
    /// Bytes reserved for the CMS in /Contents (written as twice as many hex digits).
    int reservedBytes = 16384;
};

/// A PDF with a signature field and a reserved /Contents, ready to be signed (protocol.md §4.7).
struct Prepared
{
    QByteArray pdf;
    /// SHA-256 over the ByteRange, raw; `docDigest()` is what the protocol sends.
    QByteArray digest;
    QString docDigest() const { return QString::fromLatin1(digest.toBase64()); }
};

/// The outcome of putting a CMS into a prepared PDF, checked before anything is written.
struct Embedded
{
    QByteArray pdf;
    QString signer; ///< the signer certificate's common name
    QString issuer; ///< its issuer's common name
    QDateTime signingTime; ///< the CMS signingTime attribute (invalid when absent)
    bool signatureValid = false; ///< CMS signature and messageDigest verified over the ByteRange
};

/// PDF signing with PoDoFo (filter Adobe.PPKLite, subfilter adbe.pkcs7.detached) as an incremental update,
/// so a signature already in the document stays valid. Nothing here writes files; the callers do.
/// Error codes: "pdf-not-pdf", "pdf-encrypted", "pdf-no-page", "pdf-not-prepared", "pdf-signature-too-large",
/// "pdf-digest-mismatch", "pdf-bad-signature", "pdf-failure".
class PdfSigning
{
public:
    /// Adds an invisible signature field on the first page and reserves /Contents; `pdf` is not changed.
    static Util::Result<Prepared> prepare(const QByteArray& pdf, const SignatureFields& fields);
    /// The bytes a signature over `prepared` covers (the two ByteRange parts of its last, unfilled signature).
    static Util::Result<QByteArray> signedContent(const QByteArray& prepared);
    /// Puts `cmsDer` into the reserved /Contents of `prepared` after checking that its messageDigest is the
    /// digest of the prepared file and that it fits.
    static Util::Result<Embedded> embed(const QByteArray& prepared, const QByteArray& cmsDer);
    /// The bundled sample (resources/pdf/sample.pdf), signed when no file is given.
    static QByteArray samplePdf();
    /// The /Reason, /Location and /Name the flows and the console put in by default (document text, English).
    static SignatureFields defaultFields();
    /// True when `data` starts like a PDF (the header within its first 1024 bytes).
    static bool looksLikePdf(const QByteArray& data);
};

} // namespace Pdf
