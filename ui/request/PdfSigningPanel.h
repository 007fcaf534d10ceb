#pragma once

#include "pdf/PdfSigning.h"
#include "protocol/ApiCatalog.h"

#include <QJsonObject>
#include <QWidget>

class ApiPage;
class QLabel;
class QPushButton;

namespace Session {
class ConsoleSession;
struct Exchange;
} // namespace Session

/// The PDF signing journey on a PDF signing page (issue 18): choose a PDF (or the bundled sample), prepare it,
/// put its docDigest in the form and send; when the pdfSignature arrives (callback, getResult or gateway
/// poll), embed it, show the signer and the verification, and save the signed PDF.
class PdfSigningPanel : public QWidget
{
    Q_OBJECT

public:
    PdfSigningPanel(ApiPage* page, Session::ConsoleSession* session, QWidget* parent = nullptr);

    /// The form field that carries the digest (docDigest; fileHash for the gateway), or empty if the API
    /// does not sign PDFs.
    static QString digestField(const Protocol::ApiSpec& api);
    /// Prepares `pdf` (named `name` for the status line), fills the digest field and sends the request.
    bool signPdf(const QByteArray& pdf, const QString& name);
    /// A result that may carry our pdfSignature (a callback's content, getResult, a gateway result).
    /// Returns true when it was ours and is now embedded.
    bool offerResult(const QJsonObject& content);
    /// Writes the signed PDF; false (with the reason shown) when there is none or it cannot be written.
    bool saveTo(const QString& path);
    const QByteArray& signedPdf() const { return m_signed; }

public slots:
    void chooseAndSign();
    void signSample();
    void chooseAndSave();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void exchangeFinished(const Session::Exchange& exchange);
    void showError(const Util::Error& error);
    void showStatus();

    ApiPage* m_page;
    Session::ConsoleSession* m_session;
    QString m_field;
    QString m_fileName;
    QByteArray m_prepared;
    QString m_docDigest;
    QByteArray m_signed;
    Pdf::Embedded m_result;
    enum class Stage
    {
        Idle,
        Waiting,
        Signed,
        Failed
    } m_stage
        = Stage::Idle;
    Util::Error m_error;

    QLabel* m_title = nullptr;
    QPushButton* m_sign = nullptr;
    QPushButton* m_sample = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_status = nullptr;
};
