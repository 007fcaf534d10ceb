#include "ApiPage.h"
#include "VerticalScrollArea.h"

#include "PdfSigningPanel.h"
#include "forms/ExtrasEditor.h"

#include "forms/TryItForm.h"
#include "protocol/CodeSamples.h"
#include "session/ConsoleSession.h"
#include "session/History.h"
#include "util/Masking.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QRegularExpression>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QPlainTextEdit* codeView(const QString& objectName, QWidget* parent)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

} // namespace

ApiPage::ApiPage(const Protocol::ApiSpec& api, Session::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
    , m_session(session)
    , m_presenter(api, session)
{
    setObjectName(QStringLiteral("apiPage_") + api.id);
    m_spec = new QTextBrowser(this);
    m_spec->setObjectName(QStringLiteral("specBrowser"));
    m_spec->setWordWrapMode(QTextOption::WordWrap); // table cells break between words ("Name", never "Nam e")
    // Anchors scroll, iamsmart-api: links open that API's page, web links the browser.
    m_spec->setOpenLinks(false);
    connect(m_spec, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == Session::RequestPresenter::apiLinkScheme())
            emit apiLinkActivated(url.path());
        else if (url.scheme().isEmpty() && url.hasFragment())
            m_spec->scrollToAnchor(url.fragment());
        else
            QDesktopServices::openUrl(url);
    });

    m_form = new TryItForm(api, this);
    auto* formScroll = new QScrollArea(this);
    formScroll->setWidgetResizable(true);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The form, then "+ Add header" / "+ Add parameter" for what the catalog does not know (request APIs).
    auto* formPane = new QWidget(formScroll);
    auto* formPaneLayout = new QVBoxLayout(formPane);
    formPaneLayout->setContentsMargins(0, 0, 0, 0);
    formPaneLayout->addWidget(m_form);
    if (api.kind == Protocol::ApiKind::Request) {
        m_extras = new ExtrasEditor(formPane);
        formPaneLayout->addWidget(m_extras);
    }
    formPaneLayout->addStretch();
    formScroll->setWidget(formPane);
    auto* jsonPane = new QWidget(this);
    auto* jsonLayout = new QVBoxLayout(jsonPane);
    m_json = new QPlainTextEdit(jsonPane);
    m_json->setObjectName(QStringLiteral("rawJsonEditor"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonError = new QLabel(jsonPane);
    m_jsonError->setObjectName(QStringLiteral("rawJsonErrorLabel"));
    m_jsonError->setStyleSheet(QStringLiteral("color: #b00020;"));
    jsonLayout->addWidget(m_json);
    jsonLayout->addWidget(m_jsonError);
    m_inputTabs = new QTabWidget(this);
    m_inputTabs->setObjectName(QStringLiteral("inputTabs"));
    m_inputTabs->addTab(m_spec, QString());
    m_inputTabs->addTab(formScroll, QString());
    m_inputTabs->addTab(jsonPane, QString());
    m_inputTabs->setCurrentIndex(api.kind == Protocol::ApiKind::Callback ? 0 : 1);

    m_previewTabs = new QTabWidget(this);
    m_previewTabs->setObjectName(QStringLiteral("previewTabs"));
    m_previewBody = codeView(QStringLiteral("previewBody"), this);
    m_previewSigning = codeView(QStringLiteral("previewSigning"), this);
    m_previewEncryption = codeView(QStringLiteral("previewEncryption"), this);
    m_previewHttp = codeView(QStringLiteral("previewHttp"), this);
    m_previewCurl = codeView(QStringLiteral("previewCurl"), this);
    for (QPlainTextEdit* view : {m_previewBody, m_previewSigning, m_previewEncryption, m_previewHttp, m_previewCurl})
        m_previewTabs->addTab(view, QString());
    // Code samples in the portal's languages that really sign and encrypt.
    auto* codePane = new QWidget(this);
    auto* codeLayout = new QVBoxLayout(codePane);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    m_codeLanguage = new QComboBox(codePane);
    m_codeLanguage->setObjectName(QStringLiteral("codeLanguageCombo"));
    for (const QString& language : Protocol::CodeSamples::languages())
        m_codeLanguage->addItem(Protocol::CodeSamples::displayName(language), language);
    auto* copyCode = new QPushButton(codePane);
    copyCode->setObjectName(QStringLiteral("copyCodeButton"));
    auto* codeBar = new QHBoxLayout;
    codeBar->addWidget(m_codeLanguage);
    codeBar->addStretch();
    codeBar->addWidget(copyCode);
    m_previewCode = codeView(QStringLiteral("previewCode"), codePane);
    m_previewCode->setLineWrapMode(QPlainTextEdit::NoWrap);
    codeLayout->addLayout(codeBar);
    codeLayout->addWidget(m_previewCode);
    m_previewTabs->addTab(codePane, QString());
    connect(m_codeLanguage, &QComboBox::currentIndexChanged, this, &ApiPage::refreshPreview);
    connect(copyCode, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_previewCode->toPlainText()); });
    m_previewStatus = new QLabel(this);
    m_previewStatus->setObjectName(QStringLiteral("previewStatusLabel"));
    // One readable line next to Send (the full text in its tooltip; rule details behind "Details"): it never
    // wraps one word per line, nor widens the window.
    m_previewStatus->setWordWrap(false);
    m_previewStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    m_showQr = new QPushButton(this);
    m_showQr->setObjectName(QStringLiteral("showQrButton"));
    m_showQr->setVisible(api.kind == Protocol::ApiKind::Browser);
    m_copyPreview = new QPushButton(this);
    m_copyPreview->setObjectName(QStringLiteral("copyPreviewButton"));
    m_reveal = new QCheckBox(this);
    m_reveal->setObjectName(QStringLiteral("revealSecretsCheck"));
    m_ticketQr = new QPushButton(this);
    m_ticketQr->setObjectName(QStringLiteral("ticketQrButton"));
    m_ticketQr->hide();
    // A browser-kind page says what Send does; a page that needs earned values says which are missing.
    m_browserNote = new QLabel(this);
    m_browserNote->setObjectName(QStringLiteral("browserNoteLabel"));
    m_browserNote->setWordWrap(true);
    m_browserNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_browserNote->setVisible(api.kind == Protocol::ApiKind::Browser);
    m_missingNote = new QLabel(this);
    m_missingNote->setObjectName(QStringLiteral("missingEarnedLabel"));
    m_missingNote->setWordWrap(true);
    m_missingNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_loginFirst = new QPushButton(this);
    m_loginFirst->setObjectName(QStringLiteral("loginFirstButton"));
    m_useSamples = new QPushButton(this);
    m_useSamples->setObjectName(QStringLiteral("useSamplesButton"));
    bool takesEarned = false;
    for (const Protocol::FieldSpec& f : api.fields)
        takesEarned = takesEarned || (f.required && !f.earned.isEmpty());
    m_useSamples->setVisible(takesEarned);
    auto* earnedRow = new QHBoxLayout;
    earnedRow->addStretch();
    earnedRow->addWidget(m_loginFirst);
    earnedRow->addWidget(m_useSamples);
    m_ruleDetailsButton = new QToolButton(this);
    m_ruleDetailsButton->setObjectName(QStringLiteral("ruleDetailsButton"));
    m_ruleDetailsButton->setCheckable(true);
    m_ruleDetailsButton->hide();
    m_ruleDetails = new QLabel(this);
    m_ruleDetails->setObjectName(QStringLiteral("ruleDetailsLabel"));
    m_ruleDetails->setWordWrap(true);
    m_ruleDetails->hide();
    connect(m_ruleDetailsButton, &QToolButton::toggled, m_ruleDetails, &QLabel::setVisible);
    connect(m_useSamples, &QPushButton::clicked, this, [this] {
        m_form->useSampleValues();
        updateNotes();
    });
    connect(m_loginFirst, &QPushButton::clicked, this, &ApiPage::loginRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_previewStatus, 1);
    buttons->addWidget(m_ruleDetailsButton);
    buttons->addWidget(m_reveal);
    buttons->addWidget(m_copyPreview);
    buttons->addWidget(m_ticketQr);
    buttons->addWidget(m_showQr);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    m_send->setVisible(api.kind != Protocol::ApiKind::Callback); // a browser-kind page's Send opens the QR page
    m_cancel->setVisible(api.kind == Protocol::ApiKind::Request || api.kind == Protocol::ApiKind::Browser);

    m_responseStatus = new QLabel(this);
    m_responseStatus->setObjectName(QStringLiteral("responseStatusLabel"));
    m_responseStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_responseCode = new QLabel(this);
    m_responseCode->setObjectName(QStringLiteral("responseCodeLabel"));
    m_responseCode->setWordWrap(true);
    m_signatureDiff = new QLabel(this);
    m_signatureDiff->setObjectName(QStringLiteral("signatureDiffLabel"));
    m_signatureDiff->setWordWrap(true);
    m_signatureDiff->setTextFormat(Qt::RichText);
    m_signatureDiff->hide();
    m_responseContent = codeView(QStringLiteral("responseContentEdit"), this);
    m_responseRaw = codeView(QStringLiteral("responseRawEdit"), this);
    auto* responseTabs = new QTabWidget(this);
    responseTabs->setObjectName(QStringLiteral("responseTabs"));
    m_responseJose = codeView(QStringLiteral("responseJoseEdit"), this);
    m_responseJose->hide(); // a tab only while a JWE result is shown
    responseTabs->addTab(m_responseContent, QString());
    responseTabs->addTab(m_responseRaw, QString());
    m_responseTabs = responseTabs;

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_previewTabs, 3);
    rightLayout->addWidget(m_browserNote);
    rightLayout->addWidget(m_missingNote);
    rightLayout->addLayout(earnedRow);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_ruleDetails);
    if (!PdfSigningPanel::digestField(api).isEmpty()) {
        m_pdf = new PdfSigningPanel(this, session, right);
        rightLayout->addWidget(m_pdf);
    }
    rightLayout->addWidget(m_responseStatus);
    rightLayout->addWidget(m_responseCode);
    rightLayout->addWidget(m_signatureDiff);
    rightLayout->addWidget(responseTabs, 2);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_inputTabs);
    // The answer column scrolls when a page has more to show than the window's height (the PDF signing panel,
    // the login notes, in the taller CJK lines): it never grows the window past the screen.
    auto* rightScroll = new VerticalScrollArea(this);
    rightScroll->setObjectName(QStringLiteral("answerScroll"));
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setWidgetResizable(true);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    rightScroll->setWidget(right);
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    // Start with the form and the preview side by side at equal width, whatever their size hints say (a long
    // preview line would otherwise squeeze the form's editors out of sight).
    splitter->setSizes({1000, 1000});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(120);
    connect(m_debounce, &QTimer::timeout, this, &ApiPage::refreshPreview);
    connect(m_form, &TryItForm::changed, this, &ApiPage::formChanged);
    if (m_extras)
        connect(m_extras, &ExtrasEditor::changed, this, &ApiPage::formChanged);
    connect(m_form, &TryItForm::edited, this, [this](const QString& field) {
        if (field == QLatin1String("lang"))
            m_langPinned = true;
    });
    connect(m_json, &QPlainTextEdit::textChanged, this, &ApiPage::jsonEdited);
    connect(m_send, &QPushButton::clicked, this, &ApiPage::send);
    connect(m_cancel, &QPushButton::clicked, this, &ApiPage::cancel);
    connect(m_showQr, &QPushButton::clicked, this, [this] { emit qrRequested(qrText()); });
    connect(m_ticketQr, &QPushButton::clicked, this, [this] { emit qrRequested(m_ticketLink); });
    connect(m_reveal, &QCheckBox::toggled, this, &ApiPage::refreshPreview);
    connect(m_copyPreview, &QPushButton::clicked, this, [this] {
        // Copies what the current preview tab shows.
        QWidget* current = m_previewTabs->currentWidget();
        auto* view = qobject_cast<QPlainTextEdit*>(current);
        if (!view)
            view = current->findChild<QPlainTextEdit*>();
        if (view)
            QApplication::clipboard()->setText(view->toPlainText());
    });
    if (m_session) {
        connect(m_session, &Session::ConsoleSession::exchangeFinished, this, [this](const Session::Exchange& e) {
            if (e.id == m_pendingExchange)
                showExchange(e);
        });
        connect(m_session, &Session::ConsoleSession::earnedChanged, this,
            [this] { m_form->setEarned(m_session->earned()); });
        connect(m_session, &Session::ConsoleSession::cekChanged, this, &ApiPage::refreshPreview);
        m_form->setEarned(m_session->earned());
    }
    retranslate();
    formChanged();
    refreshPreview();
}

ApiPage::~ApiPage() = default;

void ApiPage::setCallbackBaseUrl(const QString& baseUrl)
{
    m_callbackBase = baseUrl;
    // Point redirectURI at the console's own listener, so callbacks come back here.
    const Protocol::ApiSpec* callback = Protocol::ApiCatalog::builtin().api(
        m_api.kind == Protocol::ApiKind::Browser ? QStringLiteral("callback.auth") : m_api.callbackId);
    const QString redirectField = m_api.redirectField();
    if (!callback || baseUrl.isEmpty() || !m_api.field(redirectField))
        return;
    QJsonObject values = m_form->values();
    values.insert(redirectField, baseUrl + callback->path);
    // The browser API carries the clientID in its query: use the environment's.
    if (m_session && m_api.field(QStringLiteral("clientID")) && !m_session->credentials().clientId.isEmpty())
        values.insert(QStringLiteral("clientID"), m_session->credentials().clientId);
    m_form->setValues(values);
    formChanged();
    updateSendLabel(); // the environment changed with it
}

void ApiPage::setLanguage(Protocol::Language language)
{
    m_language = language;
    m_presenter.setLanguage(language);
    followLanguage();
    retranslate();
    // The answer's summary and code meaning are formatted from the exchange again, in the new language.
    if (m_lastExchange && m_pendingExchange.isEmpty())
        showExchange(*m_lastExchange);
}

void ApiPage::followLanguage()
{
    // The `lang` sent to iAM Smart is the console's language (en-US, zh-HK, zh-CN) until the user sets it.
    if (m_langPinned || !m_api.field(QStringLiteral("lang")))
        return;
    const QString lang = Protocol::iamSmartLang(m_language);
    QJsonObject values = m_form->values();
    if (values.value(QLatin1String("lang")).toString() == lang)
        return;
    values.insert(QStringLiteral("lang"), lang);
    m_form->setValues(values);
    formChanged();
}

void ApiPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ApiPage::retranslate()
{
    m_inputTabs->setTabText(0, tr("Specification"));
    m_inputTabs->setTabText(1, tr("Try it"));
    m_inputTabs->setTabText(2, tr("JSON"));
    m_previewTabs->setTabText(0, tr("Body"));
    m_previewTabs->setTabText(1, tr("Signature"));
    m_previewTabs->setTabText(2, tr("Encryption"));
    m_previewTabs->setTabText(3, tr("HTTP"));
    m_previewTabs->setTabText(4, tr("curl"));
    m_previewTabs->setTabText(5, tr("Code"));
    if (auto* copyCode = findChild<QPushButton*>(QStringLiteral("copyCodeButton")))
        copyCode->setText(tr("Copy"));
    m_codeLanguage->setAccessibleName(tr("Code sample language"));
    m_previewCode->setAccessibleName(tr("Code sample"));
    updateSendLabel();
    m_send->setToolTip(tr("Send the request shown in the preview (Ctrl+Return)"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancel->setText(tr("Cancel"));
    m_showQr->setText(tr("Show QR code"));
    m_copyPreview->setText(tr("Copy"));
    m_copyPreview->setToolTip(tr("Copy the text of the preview tab shown"));
    m_reveal->setText(tr("Reveal secrets"));
    m_ticketQr->setText(tr("QR of the app link"));
    m_ticketQr->setToolTip(tr("Show the app-scheme URL with the returned ticketID as a QR code"));
    for (QAbstractButton* b : std::initializer_list<QAbstractButton*> {m_send, m_cancel, m_showQr, m_copyPreview,
             m_reveal, m_ticketQr})
        b->setAccessibleName(b->text().remove(QRegularExpression(QStringLiteral("\\(&.\\)|&"))));
    m_loginFirst->setText(tr("Log in first"));
    m_loginFirst->setAccessibleName(m_loginFirst->text());
    m_loginFirst->setToolTip(tr("Runs a login on the virtual phone; the values it earns fill this form"));
    m_useSamples->setText(tr("Use portal sample values"));
    m_useSamples->setAccessibleName(m_useSamples->text());
    m_ruleDetailsButton->setText(tr("Details"));
    m_ruleDetailsButton->setAccessibleName(tr("Rule warning details"));
    m_json->setAccessibleName(tr("Request body as JSON"));
    for (QPlainTextEdit* view : {m_previewBody, m_previewSigning, m_previewEncryption, m_previewHttp, m_previewCurl})
        view->setAccessibleName(tr("Request preview"));
    m_responseContent->setAccessibleName(tr("Decrypted response content"));
    m_responseRaw->setAccessibleName(tr("Raw response"));
    if (auto* tabs = findChild<QTabWidget*>(QStringLiteral("responseTabs"))) {
        tabs->setTabText(0, tr("Content"));
        tabs->setTabText(1, tr("Raw"));
    }
    m_form->retranslate(m_language);
    showSpec();
    refreshPreview();
    updateNotes();
}

Protocol::RequestExtras ApiPage::extras() const
{
    return m_extras ? m_extras->extras() : Protocol::RequestExtras {};
}

void ApiPage::showSpec()
{
    m_spec->setHtml(m_presenter.specHtml());
}

void ApiPage::formChanged()
{
    if (m_syncing)
        return;
    m_form->validate();
    m_syncing = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_form->values()).toJson(QJsonDocument::Indented)));
    m_jsonError->clear();
    m_syncing = false;
    if (!m_jsonProblem.isEmpty())
        m_jsonProblem.clear();
    updateNotes();
    m_debounce->start();
}

void ApiPage::jsonEdited()
{
    if (m_syncing)
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &error);
    if (!doc.isObject()) {
        m_jsonError->setText(error.error != QJsonParseError::NoError
                ? tr("JSON error at character %1: %2").arg(error.offset).arg(error.errorString())
                : tr("The body must be a JSON object."));
        m_jsonProblem = m_jsonError->text();
        updateNotes();
        return;
    }
    m_jsonError->clear();
    if (!m_jsonProblem.isEmpty()) {
        m_jsonProblem.clear();
        updateNotes();
    }
    if (doc.object().value(QLatin1String("lang")) != m_form->values().value(QLatin1String("lang")))
        m_langPinned = true; // the user wrote a lang of their own
    m_syncing = true;
    m_form->setValues(doc.object());
    m_form->validate();
    m_syncing = false;
    m_debounce->start();
}

void ApiPage::loadBody(const QJsonObject& body)
{
    // A reopened request keeps the lang it was sent with.
    if (body.contains(QLatin1String("lang")))
        m_langPinned = true;
    m_form->setValues(body);
    formChanged();
}

QString ApiPage::qrText() const
{
    return m_presenter.qrText(m_form->values());
}

void ApiPage::refreshPreview()
{
    const Session::RequestPreview p = m_presenter.preview(
        m_form->values(), extras(), m_codeLanguage->currentData().toString(), m_reveal->isChecked());
    m_previewBody->setPlainText(p.body);
    m_previewSigning->setPlainText(p.signing);
    m_previewEncryption->setPlainText(p.encryption);
    m_previewHttp->setPlainText(p.http);
    m_previewCurl->setPlainText(p.curl);
    if (m_api.kind == Protocol::ApiKind::Callback || !m_session)
        return;
    if (m_api.kind == Protocol::ApiKind::Request) {
        m_previewCode->setPlainText(p.code);
        m_preview = p.request;
        m_previewProblem = p.problem;
    }
    updateNotes();
}

void ApiPage::send()
{
    if (!m_session || m_api.kind == Protocol::ApiKind::Callback)
        return;
    if (!sendBlocker().isEmpty()) {
        updateNotes(); // the reason stays next to the button; nothing leaves
        return;
    }
    if (m_api.kind == Protocol::ApiKind::Browser) {
        const QString url = qrText();
        emit requestSent(m_api.id, m_form->values());
        m_responseStatus->setText(tr("Opening the QR page…"));
        m_responseCode->clear();
        emit openQrPageRequested(url);
        return;
    }
    const QJsonObject body = m_form->values();
    auto prepared = m_session->prepare(m_api, body, extras()); // fresh timestamp and nonce, exactly what goes out
    if (!prepared) {
        m_responseStatus->setText(m_presenter.sendProblem(prepared.error()));
        return;
    }
    m_preview = prepared.value();
    m_pendingExchange = m_session->send(m_api.id, prepared.value());
    emit requestSent(m_api.id, body);
    m_send->setEnabled(false);
    m_cancel->setEnabled(true);
    m_responseStatus->setText(tr("Sending…"));
    m_responseCode->clear();
    m_signatureDiff->hide();
}

void ApiPage::cancel()
{
    if (m_browserWaiting) {
        setBrowserWaiting(false);
        emit browserWaitCancelled();
        return;
    }
    if (m_session && !m_pendingExchange.isEmpty())
        m_session->cancel(m_pendingExchange);
}

void ApiPage::setMasking(bool masking)
{
    m_masking = masking;
    if (m_lastExchange)
        showExchange(*m_lastExchange);
}
