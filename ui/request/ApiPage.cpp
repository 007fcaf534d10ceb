#include "ApiPage.h"

#include "PdfSigningPanel.h"
#include "SpecPage.h"
#include "forms/ExtrasEditor.h"

#include "forms/TryItForm.h"
#include "protocol/CodeSamples.h"
#include "protocol/UrlBuilder.h"
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

/// Scrolls its widget down, never across: it asks for the widget's width (plus the scroll bar), so the splitter
/// keeps the column as wide as its content needs, while its height never pushes the window past the screen.
class VerticalScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;

    QSize minimumSizeHint() const override { return withWidgetWidth(QScrollArea::minimumSizeHint(), true); }
    QSize sizeHint() const override { return withWidgetWidth(QScrollArea::sizeHint(), false); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry(); // the content's width changed (a language switch, a panel shown)
        return QScrollArea::eventFilter(watched, event);
    }

private:
    QSize withWidgetWidth(QSize size, bool minimum) const
    {
        if (const QWidget* w = widget()) {
            const int content = minimum ? w->minimumSizeHint().width() : w->sizeHint().width();
            size.setWidth(content + verticalScrollBar()->sizeHint().width() + 2 * frameWidth());
        }
        return size;
    }
};

QPlainTextEdit* codeView(const QString& objectName, QWidget* parent)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

QString pretty(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

ApiPage::ApiPage(const Protocol::ApiSpec& api, Session::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
    , m_session(session)
{
    setObjectName(QStringLiteral("apiPage_") + api.id);
    m_spec = new QTextBrowser(this);
    m_spec->setObjectName(QStringLiteral("specBrowser"));
    m_spec->setWordWrapMode(QTextOption::WordWrap); // table cells break between words ("Name", never "Nam e")
    // Anchors scroll, iamsmart-api: links open that API's page, web links the browser.
    m_spec->setOpenLinks(false);
    connect(m_spec, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == SpecPage::linkScheme())
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
    for (Protocol::SampleLanguage language : Protocol::CodeSamples::languages())
        m_codeLanguage->addItem(Protocol::CodeSamples::displayName(language), int(language));
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
    m_cancel->setVisible(api.kind == Protocol::ApiKind::Request);

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
}

void ApiPage::setLanguage(Protocol::Language language)
{
    m_language = language;
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
    m_send->setText(tr("&Send"));
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
    m_spec->setHtml(SpecPage::html(m_api, m_language));
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
    if (m_api.kind != Protocol::ApiKind::Browser || !m_session)
        return {};
    const QJsonObject v = m_form->values();
    Protocol::QrParams p;
    p.clientId = v.value(QLatin1String("clientID")).toString();
    p.source = v.value(QLatin1String("source")).toString();
    p.redirectUri = v.value(QLatin1String("redirectURI")).toString();
    p.scope = v.value(QLatin1String("scope")).toString();
    p.lang = v.value(QLatin1String("lang")).toString();
    p.state = v.value(QLatin1String("state")).toString();
    if (v.contains(QLatin1String("brokerPage")))
        p.brokerPage = v.value(QLatin1String("brokerPage")).toBool();
    p.ticketId = v.value(QLatin1String("ticketID")).toString();
    return QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_session->environment().baseUrl, p));
}

void ApiPage::refreshPreview()
{
    const QJsonObject body = m_form->values();
    m_previewBody->setPlainText(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)));
    if (m_api.kind == Protocol::ApiKind::Browser) {
        const QString url = qrText();
        m_previewHttp->setPlainText(QStringLiteral("GET ") + url);
        m_previewCurl->setPlainText(QStringLiteral("curl -sS -i '") + url + QLatin1Char('\''));
        m_previewSigning->setPlainText(tr("The browser opens this URL; it is not signed."));
        m_previewEncryption->setPlainText(tr("Not encrypted."));
        updateNotes();
        return;
    }
    if (m_api.kind == Protocol::ApiKind::Callback || !m_session) {
        for (QPlainTextEdit* v : {m_previewSigning, m_previewEncryption, m_previewHttp, m_previewCurl})
            v->clear();
        return;
    }
    Protocol::SampleInput sample;
    sample.baseUrl = m_session->environment().baseUrl;
    sample.api = &m_api;
    sample.body = body;
    sample.clientId = m_session->credentials().clientId;
    sample.encrypt = m_session->environment().encrypted;
    sample.subscriptionKey = m_session->environment().usesSubscriptionKey;
    sample.extras = extras();
    m_previewCode->setPlainText(
        Protocol::CodeSamples::generate(Protocol::SampleLanguage(m_codeLanguage->currentData().toInt()), sample));
    auto prepared = m_session->prepare(m_api, body, extras());
    if (!prepared) {
        m_preview.reset();
        const QString why = prepared.error().code == QLatin1String("no-cek")
            ? tr("No content encryption key yet: send Key management → Request content encryption key first.")
            : prepared.error().toString();
        m_previewStatus->setText(why);
        for (QPlainTextEdit* v : {m_previewSigning, m_previewEncryption, m_previewHttp, m_previewCurl})
            v->setPlainText(why);
        return;
    }
    m_preview = prepared.value();
    const Protocol::PreparedRequest& r = *m_preview;
    if (r.signature) {
        m_previewSigning->setPlainText(
            tr("String to sign (clientID + signatureMethod + timestamp + nonce + body):\n%1\n\n"
               "HMAC-SHA256, Base64:\n%2\n\nsignature header (URL-encoded):\n%3")
                .arg(QString::fromUtf8(r.signature->stringToSign), QString::fromLatin1(r.signature->base64),
                    QString::fromLatin1(r.signature->headerValue)));
    } else if (m_api.isGateway()) {
        m_previewSigning->setPlainText(tr("Gateway requests are not signed: the x-client-id and x-client-secret "
                                          "headers authenticate the caller. Tokens are HS256 JWTs issued by the "
                                          "gateway."));
    } else {
        m_previewSigning->setPlainText(tr("This request is not signed."));
    }
    if (r.encrypted) {
        m_previewEncryption->setPlainText(
            tr("AES-256-GCM, no AAD\nIV (12 bytes): %1\nCiphertext (%2 bytes): %3\nTag (16 bytes): %4\n\n"
               "Body sent:\n%5")
                .arg(QString::fromLatin1(r.encrypted->iv.toHex()))
                .arg(r.encrypted->ciphertext.size())
                .arg(QString::fromLatin1(r.encrypted->ciphertext.toBase64()),
                    QString::fromLatin1(r.encrypted->tag.toHex()), QString::fromUtf8(r.body)));
    } else if (m_api.isGateway()) {
        m_previewEncryption->setPlainText(tr("Sent as plain JSON. Results come back from polling as a JWE "
                                             "(RSA-OAEP, A256GCM) encrypted to your registered public key; the "
                                             "console decrypts it with the environment's private key."));
    } else {
        m_previewEncryption->setPlainText(tr("Sent as plain JSON."));
    }
    QByteArray http = r.rawHttp();
    QByteArray curl = r.curl();
    for (const auto& header : r.headers) {
        // Secrets never sit on screen unasked: the headers history and HAR redact too.
        if (!header.second.isEmpty() && Session::Har::isSecretHeader(header.first) && !m_reveal->isChecked()) {
            http.replace(header.second, "••••••••");
            curl.replace(header.second, "••••••••");
        }
    }
    m_previewHttp->setPlainText(QString::fromUtf8(http));
    m_previewCurl->setPlainText(QString::fromUtf8(curl));
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
        m_responseStatus->setText(prepared.error().code == QLatin1String("no-cek")
                ? tr("No content encryption key yet: request one first (Key management).")
                : prepared.error().toString());
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
    if (m_session && !m_pendingExchange.isEmpty())
        m_session->cancel(m_pendingExchange);
}

void ApiPage::setMasking(bool masking)
{
    m_masking = masking;
    if (m_lastExchange)
        showExchange(*m_lastExchange);
}

void ApiPage::showJose(const Session::Exchange& e)
{
    const int at = m_responseTabs->indexOf(m_responseJose);
    const bool has = !e.joseHeader.isEmpty() || !e.joseError.isEmpty();
    if (!has) {
        if (at >= 0)
            m_responseTabs->removeTab(at);
        return;
    }
    if (at < 0)
        m_responseTabs->addTab(m_responseJose, tr("JWE result"));
    auto json
        = [](const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)); };
    QString text = tr("Protected header:\n%1\n").arg(json(e.joseHeader));
    if (!e.joseError.isEmpty()) {
        text += tr("Could not decrypt: %1").arg(e.joseError);
    } else {
        QJsonObject claims = e.joseClaims;
        const QJsonObject result = claims.take(QLatin1String("result")).toObject();
        const QJsonObject shown = m_masking ? Util::maskPersonalData(result).toObject() : result;
        text += tr("Claims:\n%1\nResult:\n%2").arg(json(claims), json(shown));
    }
    m_responseJose->setPlainText(text);
    m_responseTabs->setCurrentWidget(m_responseJose);
}

void ApiPage::showExchange(const Session::Exchange& e)
{
    m_lastExchange = e;
    m_send->setEnabled(m_jsonProblem.isEmpty());
    m_cancel->setEnabled(false);
    m_pendingExchange.clear();
    if (!e.errorCode.isEmpty() && e.httpStatus == 0) {
        m_responseStatus->setText(e.errorCode == QLatin1String("timeout") ? tr("No answer in time.")
                : e.errorCode == QLatin1String("cancelled")               ? tr("Cancelled.")
                                                                          : tr("Network error: %1").arg(e.errorDetail));
        return;
    }
    m_responseStatus->setText(tr("HTTP %1 in %2 ms").arg(e.httpStatus).arg(e.latencyMs));
    QByteArray raw;
    for (const auto& h : e.responseHeaders)
        raw += h.first + ": " + h.second + '\n';
    raw += '\n' + e.responseBody;
    m_responseRaw->setPlainText(QString::fromUtf8(raw));
    if (e.content.isObject())
        m_responseContent->setPlainText(
            QString::fromUtf8(QJsonDocument(e.content.toObject()).toJson(QJsonDocument::Indented)));
    else if (!e.errorCode.isEmpty())
        m_responseContent->setPlainText(tr("Could not read the content: %1 (%2)").arg(e.errorCode, e.errorDetail));
    else
        m_responseContent->setPlainText(pretty(e.responseBody));
    showJose(e);
    // Same-device answers carry a ticketID: offer the app link as a QR code.
    const QString ticket = e.content.toObject().value(QLatin1String("ticketID")).toString();
    // A gateway answer carries the QR page (browser) or the universal link (mobile) as `url`.
    const QString gatewayUrl
        = m_api.isGateway() ? e.content.toObject().value(QLatin1String("url")).toString() : QString();
    m_ticketQr->setVisible(!ticket.isEmpty() || !gatewayUrl.isEmpty());
    if (!gatewayUrl.isEmpty())
        m_ticketLink = gatewayUrl;
    // An answer that carries the QR page: the browser opens it, as after Send on the QR page itself.
    if (!gatewayUrl.isEmpty() && e.succeeded() && !m_showingHistory && gatewayUrl.startsWith(QLatin1String("http")))
        emit openQrPageRequested(gatewayUrl);
    if (!ticket.isEmpty()) {
        Protocol::AppSchemeParams link;
        link.context = m_api.appContext.isEmpty() ? QStringLiteral("auth") : m_api.appContext;
        link.ticketId = ticket;
        const QJsonObject sent = QJsonDocument::fromJson(e.request.plaintext).object();
        if (m_api.category == QLatin1String("anonymous")) {
            link.source = QStringLiteral("App_Scheme");
            link.redirectUri = sent.value(QLatin1String("redirectURI")).toString();
            link.state = sent.value(QLatin1String("state")).toString();
        }
        m_ticketLink = QString::fromUtf8(Protocol::UrlBuilder::appSchemeUrl(link));
    }
    const QString code = e.returnCode();
    if (!code.isEmpty()) {
        const QString message
            = e.envelope ? e.envelope->message : e.content.toObject().value(QLatin1String("message")).toString();
        m_responseCode->setText(QStringLiteral("%1 — %2\n%3").arg(code, explainCode(code, message), message));
    }
    // Simulator only: where our string-to-sign and the server's part ways.
    const QString server = e.envelope
        ? e.envelope->extra.value(QLatin1String("debug")).toObject().value(QLatin1String("stringToSign")).toString()
        : QString();
    if (code == QLatin1String("D20006") && !server.isEmpty() && e.request.signature) {
        const QString ours = QString::fromUtf8(e.request.signature->stringToSign);
        if (ours == server) {
            m_signatureDiff->setText(tr("The strings to sign are identical, so the client secret must differ."));
            m_signatureDiff->show();
            return;
        }
        qsizetype at = 0;
        while (at < ours.size() && at < server.size() && ours.at(at) == server.at(at))
            ++at;
        auto mark = [at](const QString& s) {
            return esc(s.left(at)) + QStringLiteral("<span style=\"background:#ffd54f\">") + esc(s.mid(at, 24))
                + QStringLiteral("</span>") + esc(s.mid(at + 24, 40));
        };
        m_signatureDiff->setText(
            tr("The strings to sign differ from character %1:<br><b>Console:</b> <code>%2</code><br>"
               "<b>Simulator:</b> <code>%3</code>")
                .arg(at)
                .arg(mark(ours), mark(server)));
        m_signatureDiff->show();
    }
}

bool ApiPage::playsBrowser() const
{
    using Kind = Session::Environment::Kind;
    return m_session
        && (m_session->environment().kind == Kind::LocalStrict || m_session->environment().kind == Kind::LocalSandbox);
}

QString ApiPage::sendBlocker() const
{
    return m_jsonProblem;
}

void ApiPage::setBrowserOutcome(const QString& text)
{
    m_responseStatus->setText(text);
}

void ApiPage::showHistoryExchange(const Session::Exchange& exchange)
{
    loadBody(QJsonDocument::fromJson(exchange.request.plaintext).object());
    m_pendingExchange.clear();
    m_showingHistory = true; // a reopened answer opens no QR page
    showExchange(exchange);
    m_showingHistory = false;
}

void ApiPage::updateNotes()
{
    if (!m_browserNote || !m_ruleDetails)
        return;
    m_browserNote->setText(playsBrowser()
            ? tr("Send opens this page as a browser would; the phone asks you, and the redirect returns here.")
            : tr("Send opens this page in your web browser; scan its QR code with iAM Smart."));
    m_browserNote->setToolTip(m_browserNote->text());
    const QStringList missing = m_form->missingEarned();
    m_missingNote->setText(missing.isEmpty()
            ? QString()
            : tr("No %1 from a login in this environment yet: the portal's sample value will be refused.")
                  .arg(missing.join(QStringLiteral(", "))));
    m_missingNote->setToolTip(m_missingNote->text());
    m_missingNote->setVisible(!missing.isEmpty());
    m_loginFirst->setVisible(!missing.isEmpty() && m_session);
    const QMap<QString, QString> problems = m_form->problems();
    QString line;
    if (!m_jsonProblem.isEmpty())
        line = tr("Send is blocked: the JSON tab does not parse (%1).").arg(m_jsonProblem);
    else if (!problems.isEmpty())
        line = tr("%n field(s) break their rules; Send still sends, to test the answer.", nullptr,
            int(problems.size()));
    else if (!m_preview && m_api.kind == Protocol::ApiKind::Request)
        line = m_previewStatus->text(); // why the preview could not be built (set by refreshPreview)
    m_previewStatus->setText(line);
    m_previewStatus->setToolTip(line);
    m_previewStatus->setStyleSheet(m_jsonProblem.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    QStringList details;
    for (auto it = problems.begin(); it != problems.end(); ++it)
        details << QStringLiteral("%1: %2").arg(it.key(), it.value());
    m_ruleDetails->setText(details.join(QLatin1Char('\n')));
    m_ruleDetailsButton->setVisible(m_jsonProblem.isEmpty() && !problems.isEmpty());
    m_ruleDetails->setVisible(m_ruleDetailsButton->isVisibleTo(this) && m_ruleDetailsButton->isChecked());
    if (m_pendingExchange.isEmpty())
        m_send->setEnabled(m_jsonProblem.isEmpty());
}

QString ApiPage::explainCode(const QString& code, const QString& message) const
{
    const Protocol::ReturnCode* rc = Protocol::ApiCatalog::builtin().returnCode(code);
    if (!rc)
        return tr("Unknown code");
    QString meaning = rc->meaning.get(m_language);
    if (meaning.contains(QLatin1String("%1"))) {
        // The parameter comes from the server's message, else from the field the form flags; never "…".
        static const QRegularExpression named(QStringLiteral("[Pp]arameter\\s+([A-Za-z][A-Za-z0-9_.-]*)"));
        QString name = named.match(message).captured(1);
        if (name.isEmpty() && !m_form->problems().isEmpty())
            name = m_form->problems().firstKey();
        if (name.isEmpty())
            meaning = meaning.replace(QRegularExpression(QStringLiteral("\\s*%1\\s*")), QStringLiteral(" ")).trimmed();
        else
            meaning.replace(QLatin1String("%1"), name);
    }
    if (code == QLatin1String("D40004"))
        meaning += QLatin1Char(' ')
            + tr("Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works "
                 "once.");
    else if (code == QLatin1String("D20012"))
        meaning += QLatin1Char(' ')
            + (m_api.scope.isEmpty()
                    ? tr("Next: log in again with the scope this API needs.")
                    : tr("Next: log in again requesting the scope %1, then use the new token.").arg(m_api.scope));
    return meaning;
}
