#pragma once

#include "protocol/ApiCatalog.h"
#include "protocol/Envelope.h"
#include "session/ConsoleSession.h"
#include "session/RequestPresenter.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;
class ExtrasEditor;
class PdfSigningPanel;
class TryItForm;

namespace Session {
class ConsoleSession;
struct Exchange;
} // namespace Session

/// One page per API: its specification, the prefilled Try-it form with a raw JSON editor kept in sync,
/// the live preview of the exact request (body, string-to-sign, signature, encryption, HTTP, curl),
/// Send/Cancel and the response. A view: what it shows comes from its Session::RequestPresenter.
class ApiPage : public QWidget
{
    Q_OBJECT

public:
    ApiPage(const Protocol::ApiSpec& api, Session::ConsoleSession* session, QWidget* parent = nullptr);
    ~ApiPage() override;

    const Protocol::ApiSpec& api() const { return m_api; }
    TryItForm* form() const { return m_form; }
    /// Headers and query parameters added with "+ Add header" / "+ Add parameter" (not signed).
    Protocol::RequestExtras extras() const;
    /// The "Sign a PDF…" journey on PDF signing pages (null elsewhere).
    PdfSigningPanel* pdfPanel() const { return m_pdf; }
    /// The request the preview currently shows (empty when it cannot be built, e.g. no CEK yet).
    const std::optional<Protocol::PreparedRequest>& previewRequest() const { return m_preview; }
    /// The callback base URL redirectURI fields point at (the console's listener).
    void setCallbackBaseUrl(const QString& baseUrl);
    /// The language of the page's texts; a `lang` field follows it (en-US, zh-HK, zh-CN) unless the user set
    /// that field (in the form, the JSON editor, or a reopened request).
    void setLanguage(Protocol::Language language);
    /// The text of the QR that this API's page would show (getQR URL for the browser API).
    QString qrText() const;
    /// Loads a body into the form and the JSON editor (history reopen).
    void loadBody(const QJsonObject& body);
    /// Presenter mode: personal data in the response content is partly hidden.
    void setMasking(bool masking);
    /// Shows an exchange (request and response) as if it had just been sent from this page (history reopen).
    void showHistoryExchange(const Session::Exchange& exchange);
    /// What happened when Send opened the QR page (one line, in the UI language).
    void setBrowserOutcome(const QString& text);
    /// Real environments: the system browser has the QR page and the page waits for its redirect; Cancel stops
    /// waiting (browserWaitCancelled).
    void setBrowserWaiting(bool waiting);
    bool isBrowserWaiting() const { return m_browserWaiting; }
    /// The exchange the answer column shows (the last sent or reopened).
    const std::optional<Session::Exchange>& lastExchange() const { return m_lastExchange; }
    /// The error that stops Send right now (invalid JSON), empty when Send can go.
    QString sendBlocker() const;

public slots:
    void send();
    void cancel();
    void refreshPreview();

signals:
    /// A link to another API on the Specification tab (a callback, or the request that leads to one).
    void apiLinkActivated(const QString& apiId);
    /// A request left (its plaintext body, for matching callbacks).
    void requestSent(const QString& apiId, const QJsonObject& body);
    void qrRequested(const QString& text);
    /// Send on a browser-kind page, or an answer that carries a QR-page URL: the browser opens `url`.
    void openQrPageRequested(const QString& url);
    /// "Log in first": the earned values this page needs come from a login on the phone.
    void loginRequested();
    /// Cancel while waiting for the system browser's redirect.
    void browserWaitCancelled();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showSpec();
    void showExchange(const Session::Exchange& exchange);
    /// The "JWE result" tab: a gateway poll's decrypted header, claims and result (or why it did not open).
    void showJose(const Session::AnswerView& answer);
    void formChanged();
    void jsonEdited();
    void followLanguage();
    /// The earned values this request needs and lacks, the rule warning and its details.
    void updateNotes();
    /// The first field the form flags (names a return code's parameter when the server's message does not).
    QString problemField() const;
    /// Send's label: "Open in browser" where a browser-kind page hands its URL to the system browser.
    void updateSendLabel();

    const Protocol::ApiSpec& m_api;
    Session::ConsoleSession* m_session;
    Session::RequestPresenter m_presenter;
    Protocol::Language m_language = Protocol::Language::English;
    QString m_callbackBase;
    std::optional<Protocol::PreparedRequest> m_preview;
    QString m_pendingExchange;

    QTextBrowser* m_spec = nullptr;
    QTabWidget* m_inputTabs = nullptr;
    TryItForm* m_form = nullptr;
    ExtrasEditor* m_extras = nullptr;
    QPlainTextEdit* m_json = nullptr;
    QLabel* m_jsonError = nullptr;
    QTabWidget* m_previewTabs = nullptr;
    QPlainTextEdit* m_previewBody = nullptr;
    QPlainTextEdit* m_previewSigning = nullptr;
    QPlainTextEdit* m_previewEncryption = nullptr;
    QPlainTextEdit* m_previewHttp = nullptr;
    QPlainTextEdit* m_previewCurl = nullptr;
    QComboBox* m_codeLanguage = nullptr;
    QPlainTextEdit* m_previewCode = nullptr;
    QLabel* m_previewStatus = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_showQr = nullptr;
    QPushButton* m_copyPreview = nullptr;
    QPushButton* m_ticketQr = nullptr;
    QString m_ticketLink;
    class QCheckBox* m_reveal = nullptr;
    QLabel* m_responseStatus = nullptr;
    QLabel* m_responseCode = nullptr;
    QPlainTextEdit* m_responseContent = nullptr;
    QPlainTextEdit* m_responseRaw = nullptr;
    QPlainTextEdit* m_responseJose = nullptr;
    QString m_previewProblem; ///< why the preview could not be built (empty when it could)
    QTabWidget* m_responseTabs = nullptr;
    QLabel* m_signatureDiff = nullptr;
    QLabel* m_browserNote = nullptr;
    QLabel* m_missingNote = nullptr;
    QPushButton* m_loginFirst = nullptr;
    QPushButton* m_useSamples = nullptr;
    class QToolButton* m_ruleDetailsButton = nullptr;
    QLabel* m_ruleDetails = nullptr;
    QString m_jsonProblem;
    bool m_showingHistory = false;
    bool m_browserWaiting = false;
    QTimer* m_debounce = nullptr;
    bool m_syncing = false;
    bool m_masking = false;
    bool m_langPinned = false;
    std::optional<Session::Exchange> m_lastExchange;
    PdfSigningPanel* m_pdf = nullptr;
};
