#include "PdfSigningPanel.h"

#include "forms/TryItForm.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

PdfSigningPanel::PdfSigningPanel(ApiPage* page, Session::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_page(page)
    , m_session(session)
    , m_field(digestField(page->api()))
{
    setObjectName(QStringLiteral("pdfSigningPanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pdfTitleLabel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_sign = new QPushButton(this);
    m_sign->setObjectName(QStringLiteral("pdfSignButton"));
    m_sample = new QPushButton(this);
    m_sample->setObjectName(QStringLiteral("pdfSampleButton"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("pdfSaveButton"));
    m_save->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pdfStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_title);
    buttons->addStretch();
    buttons->addWidget(m_sign);
    buttons->addWidget(m_sample);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_sign, &QPushButton::clicked, this, &PdfSigningPanel::chooseAndSign);
    connect(m_sample, &QPushButton::clicked, this, &PdfSigningPanel::signSample);
    connect(m_save, &QPushButton::clicked, this, &PdfSigningPanel::chooseAndSave);
    if (m_session)
        connect(m_session, &Session::ConsoleSession::exchangeFinished, this, &PdfSigningPanel::exchangeFinished);
    retranslate();
}

QString PdfSigningPanel::digestField(const Protocol::ApiSpec& api)
{
    for (const Protocol::FieldSpec& f : api.fields) {
        if (f.name == QLatin1String("docDigest"))
            return f.name;
        if (f.name == QLatin1String("fileHash") && api.isGateway()
            && api.id.contains(QLatin1String("pdf"), Qt::CaseInsensitive))
            return f.name;
    }
    return {};
}

void PdfSigningPanel::chooseAndSign()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Choose a PDF to sign"), QString(), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        showError({QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())});
        return;
    }
    signPdf(f.readAll(), QFileInfo(path).fileName());
}

void PdfSigningPanel::signSample()
{
    signPdf(Pdf::PdfSigning::samplePdf(), QStringLiteral("sample.pdf"));
}

bool PdfSigningPanel::signPdf(const QByteArray& pdf, const QString& name)
{
    auto prepared = Pdf::PdfSigning::prepare(pdf, Pdf::PdfSigning::defaultFields());
    if (!prepared) {
        showError(prepared.error());
        return false;
    }
    m_fileName = name;
    m_prepared = prepared->pdf;
    m_docDigest = prepared->docDigest();
    m_signed.clear();
    m_save->setEnabled(false);
    m_stage = Stage::Waiting;
    QJsonObject values = m_page->form()->values();
    values.insert(m_field, m_docDigest);
    m_page->form()->setValues(values);
    m_page->refreshPreview();
    showStatus();
    m_page->send();
    return true;
}

bool PdfSigningPanel::offerResult(const QJsonObject& content)
{
    if (m_stage != Stage::Waiting || m_prepared.isEmpty())
        return false;
    const QString signature = content.value(QLatin1String("pdfSignature")).toString();
    const QString digest = content.value(QLatin1String("docDigest")).toString();
    if (signature.isEmpty() || (!digest.isEmpty() && digest != m_docDigest))
        return false;
    auto embedded = Pdf::PdfSigning::embed(m_prepared, QByteArray::fromBase64(signature.toLatin1()));
    if (!embedded) {
        showError(embedded.error());
        return false;
    }
    m_result = embedded.value();
    m_signed = m_result.pdf;
    m_stage = Stage::Signed;
    m_save->setEnabled(true);
    showStatus();
    return true;
}

void PdfSigningPanel::exchangeFinished(const Session::Exchange& exchange)
{
    // getResult answers carry the signature in their content; a gateway poll in its JWE result.
    offerResult(exchange.content.toObject())
        || offerResult(exchange.joseClaims.value(QLatin1String("result")).toObject());
}

void PdfSigningPanel::chooseAndSave()
{
    if (m_signed.isEmpty())
        return;
    const QString suggested = QFileInfo(m_fileName).completeBaseName() + QStringLiteral("-signed.pdf");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save the signed PDF"), suggested, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool PdfSigningPanel::saveTo(const QString& path)
{
    if (m_signed.isEmpty())
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_signed) != m_signed.size() || !f.commit()) {
        showError({QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())});
        return false;
    }
    m_status->setText(m_status->text() + QLatin1Char('\n') + tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void PdfSigningPanel::showError(const Util::Error& error)
{
    m_stage = Stage::Failed;
    m_error = error;
    showStatus();
}

void PdfSigningPanel::showStatus()
{
    switch (m_stage) {
    case Stage::Idle:
        m_status->setText(tr("Choose a PDF: the console prepares it (a signature field with reserved space), puts its "
                             "digest in %1, sends the request, and embeds the signature once the phone approves.")
                              .arg(m_field));
        break;
    case Stage::Waiting:
        m_status->setText(tr("%1 prepared; %2 = %3. Approve on the phone; the signature arrives by callback or result.")
                              .arg(m_fileName, m_field, m_docDigest));
        break;
    case Stage::Signed:
        m_status->setText(tr("Signed by %1 (certificate issued by %2) at %3. Signature: %4.")
                              .arg(m_result.signer, m_result.issuer,
                                  QLocale().toString(m_result.signingTime.toLocalTime(), QLocale::ShortFormat),
                                  m_result.signatureValid ? tr("valid, covering the whole document") : tr("INVALID")));
        break;
    case Stage::Failed: {
        QString text;
        const QString& code = m_error.code;
        if (code == QLatin1String("pdf-not-pdf"))
            text = tr("This file is not a PDF.");
        else if (code == QLatin1String("pdf-encrypted"))
            text = tr("This PDF is encrypted; decrypt it before signing.");
        else if (code == QLatin1String("pdf-no-page"))
            text = tr("This PDF has no page to put a signature field on.");
        else if (code == QLatin1String("pdf-signature-too-large"))
            text = tr("The signature does not fit in the space reserved in the PDF.");
        else if (code == QLatin1String("pdf-digest-mismatch"))
            text = tr("The signature is over another document's digest.");
        else if (code == QLatin1String("pdf-bad-signature"))
            text = tr("pdfSignature is not a CMS signature.");
        else if (code == QLatin1String("io-error"))
            text = tr("The file cannot be read or written.");
        else
            text = tr("The PDF could not be prepared or signed.");
        m_status->setText(text + QLatin1Char(' ') + m_error.detail);
        break;
    }
    }
}

void PdfSigningPanel::retranslate()
{
    m_title->setText(tr("PDF signing"));
    m_sign->setText(tr("Sign a PDF…"));
    m_sign->setToolTip(tr("Choose a PDF, prepare it for signing and send this request with its digest"));
    m_sample->setText(tr("Sign the sample PDF"));
    m_save->setText(tr("Save signed PDF…"));
    showStatus();
}

void PdfSigningPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
