#include "FlowView.h"
#include "protocol/Durations.h"

#include "SequenceDiagram.h"
#include "branding/ButtonAssets.h"
#include "branding/ButtonImage.h"
#include "flows/Report.h"
#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"
#include "qr/QrPanel.h"
#include "session/History.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

FlowView::FlowView(
    Session::ConsoleSession* session, Callback::CallbackListener* listener, Mock::Simulator* simulator, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_listener(listener)
    , m_simulator(simulator)
    , m_flowCombo(new QComboBox(this))
    , m_phoneCombo(new QComboBox(this))
    , m_run(new QPushButton(this))
    , m_start(new QPushButton(this))
    , m_exportPng(new QPushButton(this))
    , m_exportSvg(new QPushButton(this))
    , m_saveReport(new QPushButton(this))
    , m_saveHar(new QPushButton(this))
    , m_steps(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_moreInfo(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_qr(new QrPanel(this))
    , m_diagram(new SequenceDiagram(this))
    , m_zoomIn(new QToolButton(this))
    , m_zoomOut(new QToolButton(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("flowView"));
    m_flowCombo->setObjectName(QStringLiteral("flowCombo"));
    m_phoneCombo->setObjectName(QStringLiteral("flowPhoneCombo"));
    m_run->setObjectName(QStringLiteral("flowRunButton"));
    m_start->setObjectName(QStringLiteral("flowStartButton"));
    m_exportPng->setObjectName(QStringLiteral("diagramPngButton"));
    m_exportSvg->setObjectName(QStringLiteral("diagramSvgButton"));
    m_steps->setObjectName(QStringLiteral("flowStepList"));
    m_summary->setObjectName(QStringLiteral("flowSummaryLabel"));
    m_countdown->setObjectName(QStringLiteral("qrCountdownLabel"));
    m_description->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_countdown->setWordWrap(true);
    m_zoomIn->setObjectName(QStringLiteral("diagramZoomInButton"));
    m_zoomOut->setObjectName(QStringLiteral("diagramZoomOutButton"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomOut->setText(QStringLiteral("−"));
    // Failure details come from servers (any environment): shown as text, never interpreted as HTML.
    for (QLabel* label : {m_description, m_summary, m_countdown})
        label->setTextFormat(Qt::PlainText);
    // The start button is the iAM Smart button itself (resources/branding), drawn from its SVG; the frame
    // only shows keyboard focus.
    m_start->setStyleSheet(QStringLiteral("QPushButton{border:2px solid transparent;border-radius:8px;padding:0;"
                                          "background:transparent}QPushButton:focus{border-color:#1a4d44}"));
    m_moreInfo->setObjectName(QStringLiteral("flowMoreInfoLink"));
    m_moreInfo->setTextFormat(Qt::RichText);
    m_moreInfo->setOpenExternalLinks(true);
    m_moreInfo->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto flows = Flows::loadFlows();
    if (flows)
        m_flows = flows.value();

    auto* top = new QHBoxLayout;
    top->addWidget(m_flowCombo, 1);
    top->addWidget(m_phoneCombo);
    top->addWidget(m_run);
    auto* left = new QVBoxLayout;
    left->addLayout(top);
    left->addWidget(m_description);
    auto* startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addWidget(m_moreInfo);
    startRow->addStretch();
    left->addLayout(startRow);
    left->addWidget(m_steps, 1);
    left->addWidget(m_summary);
    auto* qrColumn = new QVBoxLayout;
    m_qr->setCompact(true);
    qrColumn->addWidget(m_qr, 1);
    qrColumn->addWidget(m_countdown);
    auto* upper = new QHBoxLayout;
    upper->addLayout(left, 2);
    upper->addLayout(qrColumn, 1);
    auto* upperWidget = new QWidget(this);
    upperWidget->setLayout(upper);
    auto* diagramScroll = new QScrollArea(this);
    diagramScroll->setWidgetResizable(true);
    diagramScroll->setWidget(m_diagram);
    auto* exports = new QHBoxLayout;
    m_saveReport->setObjectName(QStringLiteral("saveReportButton"));
    m_saveHar->setObjectName(QStringLiteral("saveHarButton"));
    exports->addWidget(m_saveReport);
    exports->addWidget(m_saveHar);
    exports->addStretch();
    exports->addWidget(m_zoomOut);
    exports->addWidget(m_zoomIn);
    exports->addWidget(m_exportPng);
    exports->addWidget(m_exportSvg);
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(diagramScroll, 1);
    lowerLayout->addLayout(exports);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upperWidget);
    splitter->addWidget(lower);
    // The diagram gets the room a short screen has left (it scrolls and zooms, never shrinks).
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 400}); // the upper part at its minimum on a short screen, the diagram the rest
    m_steps->setMinimumHeight(fontMetrics().height() * 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_runner = new Flows::FlowRunner(session, listener, simulator, this);
    connectRunner();
    connect(m_run, &QPushButton::clicked, this, &FlowView::run);
    connect(m_zoomIn, &QToolButton::clicked, m_diagram, &SequenceDiagram::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, m_diagram, &SequenceDiagram::zoomOut);
    connect(m_start, &QPushButton::clicked, this, &FlowView::run);
    connect(m_flowCombo, &QComboBox::currentIndexChanged, this, [this] { retranslate(); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export diagram"), QStringLiteral("sequence.png"), tr("PNG image (*.png)"));
        if (!path.isEmpty())
            m_diagram->exportPng(path);
    });
    connect(m_exportSvg, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export diagram"), QStringLiteral("sequence.svg"), tr("SVG image (*.svg)"));
        if (!path.isEmpty())
            m_diagram->exportSvg(path);
    });
    connect(m_saveReport, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save report"), QStringLiteral("report.html"), tr("HTML (*.html)"));
        if (!path.isEmpty())
            saveReport(path);
    });
    connect(m_saveHar, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save HAR"), QStringLiteral("flow.har"), tr("HAR (*.har)"));
        if (!path.isEmpty())
            saveHar(path);
    });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &FlowView::updateCountdown);
    retranslate();
}

void FlowView::connectRunner()
{
    connect(m_runner, &Flows::FlowRunner::stepChanged, this, &FlowView::showStep);
    connect(m_runner, &Flows::FlowRunner::messageAdded, m_diagram, &SequenceDiagram::add);
    connect(m_runner, &Flows::FlowRunner::finished, this, [this](const Flows::FlowResult& r) {
        m_run->setEnabled(true);
        m_start->setEnabled(true);
        m_tick->stop();
        showFacts();
        emit flowFinished(r);
    });
}

void FlowView::setSimulator(Mock::Simulator* simulator)
{
    if (m_runner->isRunning())
        return;
    m_simulator = simulator;
    delete m_runner;
    m_runner = new Flows::FlowRunner(m_session, m_listener, simulator, this);
    m_runner->setLanguage(m_language);
    connectRunner();
    retranslate();
}

void FlowView::setLanguage(Protocol::Language language)
{
    m_language = language;
    m_diagram->setLanguage(language);
    m_runner->setLanguage(language); // the ${lang} of the steps still to come follows the console
    retranslate();
}

bool FlowView::selectFlow(const QString& id)
{
    const int index = m_flowCombo->findData(id);
    if (index < 0)
        return false;
    m_flowCombo->setCurrentIndex(index);
    return true;
}

void FlowView::setPhoneDecision(const QString& decision)
{
    m_phoneCombo->setCurrentIndex(std::max(0, m_phoneCombo->findData(decision)));
}

QString FlowView::stateText(Flows::StepState state) const
{
    switch (state) {
    case Flows::StepState::Pending:
        return tr("pending");
    case Flows::StepState::Running:
        return tr("running");
    case Flows::StepState::WaitingForPhone:
        return tr("waiting for the phone");
    case Flows::StepState::WaitingForCallback:
        return tr("waiting for the callback");
    case Flows::StepState::Passed:
        return tr("passed");
    case Flows::StepState::Failed:
        return tr("failed");
    }
    return {};
}

void FlowView::run()
{
    const int index = m_flowCombo->currentIndex();
    if (index < 0 || index >= m_flows.size() || m_runner->isRunning())
        return;
    const Flows::FlowSpec& flow = m_flows.at(index);
    m_steps->clear();
    m_stepFacts.clear();
    for (const Flows::StepSpec& s : flow.steps) {
        Flows::StepResult pending;
        pending.stepId = s.id;
        pending.apiId = s.apiId;
        m_stepFacts.append(pending);
        m_steps->addItem(stepText(pending));
    }
    m_qrExpiresAt = 0;
    m_countdown->clear();
    m_diagram->clear();
    m_summary->clear();
    m_run->setEnabled(false);
    m_start->setEnabled(false);
    Flows::PhoneScript script;
    script.decision = m_phoneCombo->currentData().toString();
    m_runner->setPhoneScript(script);
    m_runner->setLanguage(m_language);
    m_runner->start(flow);
}

bool FlowView::runOnPhone(const QString& id)
{
    if (m_runner->isRunning() || !selectFlow(id))
        return false;
    setPhoneDecision(QStringLiteral("manual"));
    run();
    return true;
}

void FlowView::showStep(int index, const Flows::StepResult& step)
{
    if (index >= 0 && index < m_stepFacts.size())
        m_stepFacts[index] = step;
    if (QListWidgetItem* item = m_steps->item(index)) {
        item->setText(stepText(step));
        item->setToolTip(step.detail);
        item->setForeground(step.state == Flows::StepState::Failed ? QColor(0xb0, 0x00, 0x20)
                : step.state == Flows::StepState::Passed           ? QColor(0x1b, 0x7f, 0x3b)
                                                                   : palette().color(QPalette::Text));
        m_steps->setCurrentItem(item);
    }
    if (!step.qrText.isEmpty() && step.qrText != m_qr->text()) {
        m_qr->setText(step.qrText);
        m_qrExpiresAt = m_session->clock().nowMs() + Protocol::Duration::ticketMs;
        m_tick->start();
        updateCountdown();
    }
}

namespace {
QList<Session::Exchange> exchangesOf(const Session::ConsoleSession* session, const Flows::FlowResult& result)
{
    QList<Session::Exchange> out;
    for (const QString& id : result.exchangeIds) {
        if (const Session::Exchange* e = session->exchange(id))
            out.append(*e);
    }
    return out;
}
} // namespace

bool FlowView::saveReport(const QString& path) const
{
    const Flows::FlowResult& r = m_runner->result();
    if (!r.finished)
        return false;
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly)
        && f.write(Flows::Report::html(m_runner->flow(), r, exchangesOf(m_session, r), m_session->environment(),
               m_language, QCoreApplication::applicationVersion()))
        > 0
        && f.commit();
}

bool FlowView::saveHar(const QString& path) const
{
    const Flows::FlowResult& r = m_runner->result();
    return r.finished
        && Session::Har::write(exchangesOf(m_session, r), path, QCoreApplication::applicationVersion(),
            Session::HistorySettings::load().keepPersonalData)
               .ok();
}

QString FlowView::failureText(const QString& code, const QString& detail) const
{
    // The code's meaning in the current language when the catalog knows it; the runner's detail (English) otherwise.
    const Protocol::ReturnCode* rc = Protocol::ApiCatalog::builtin().returnCode(code);
    return rc ? QString(rc->meaning.get(m_language)).replace(QLatin1String("%1"), QStringLiteral("…")) : detail;
}

QString FlowView::stepText(const Flows::StepResult& step) const
{
    QString text = QStringLiteral("%1 (%2) — %3").arg(step.stepId, step.apiId, stateText(step.state));
    if (step.state == Flows::StepState::Failed)
        text += QStringLiteral(": %1 %2").arg(step.code, failureText(step.code, step.detail));
    return text;
}

void FlowView::showFacts()
{
    for (int i = 0; i < m_stepFacts.size(); ++i) {
        if (QListWidgetItem* item = m_steps->item(i))
            item->setText(stepText(m_stepFacts.at(i)));
    }
    const Flows::FlowResult& r = m_runner->result();
    if (r.finished && !m_runner->isRunning() && !m_stepFacts.isEmpty())
        m_summary->setText(r.passed ? tr("Passed in %1 ms.").arg(r.finishedAt - r.startedAt)
                                    : tr("Failed: %1 — %2").arg(r.failureCode, failureText(r.failureCode, r.failureDetail)));
    if (m_qrExpiresAt > 0)
        updateCountdown();
}

void FlowView::updateCountdown()
{
    const qint64 left = std::max<qint64>(0, m_qrExpiresAt - m_session->clock().nowMs()) / 1000;
    m_countdown->setText(tr("QR expires in %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
}

void FlowView::retranslate()
{
    const QString current = m_flowCombo->currentData().toString();
    m_flowCombo->blockSignals(true);
    m_flowCombo->clear();
    for (const Flows::FlowSpec& f : m_flows)
        m_flowCombo->addItem(f.label.get(m_language), f.id);
    m_flowCombo->setCurrentIndex(std::max(0, m_flowCombo->findData(current)));
    m_flowCombo->blockSignals(false);
    const QString decision = m_phoneCombo->currentData().toString();
    m_phoneCombo->clear();
    m_phoneCombo->addItem(tr("Phone approves"), QStringLiteral("approve"));
    m_phoneCombo->addItem(tr("Phone rejects"), QStringLiteral("reject"));
    m_phoneCombo->addItem(tr("User cancels"), QStringLiteral("cancel"));
    m_phoneCombo->addItem(tr("Request expires"), QStringLiteral("expire"));
    m_phoneCombo->addItem(tr("You decide on the virtual phone"), QStringLiteral("manual"));
    m_phoneCombo->setCurrentIndex(std::max(0, m_phoneCombo->findData(decision)));
    m_phoneCombo->setEnabled(m_simulator != nullptr);
    m_phoneCombo->setToolTip(
        m_simulator ? tr("What the virtual phone answers") : tr("A person answers on a real phone"));
    m_run->setText(tr("&Run flow"));
    m_run->setAccessibleName(m_run->text().remove(QRegularExpression(QStringLiteral("\\(&.\\)|&"))));
    m_exportPng->setText(tr("Export PNG…"));
    m_exportSvg->setText(tr("Export SVG…"));
    m_saveReport->setText(tr("Save report…"));
    m_saveHar->setText(tr("Save HAR…"));
    m_flowCombo->setAccessibleName(tr("Flow"));
    m_steps->setAccessibleName(tr("Flow steps"));
    const int index = m_flowCombo->currentIndex();
    if (index >= 0 && index < m_flows.size()) {
        const Flows::FlowSpec& f = m_flows.at(index);
        m_description->setText(f.description.get(m_language));
    }
    m_zoomIn->setToolTip(tr("Zoom in (Ctrl+wheel)"));
    m_zoomIn->setAccessibleName(tr("Zoom in"));
    m_zoomOut->setToolTip(tr("Zoom out (Ctrl+wheel)"));
    m_zoomOut->setAccessibleName(tr("Zoom out"));
    m_countdown->setAccessibleName(tr("QR expiry"));
    showFacts();
    updateStartButton();
}

QString FlowView::startButtonKind() const
{
    const int index = m_flowCombo->currentIndex();
    if (index < 0 || index >= m_flows.size())
        return Branding::Kind::login();
    const Flows::FlowSpec& f = m_flows.at(index);
    // On the same device the user opens the app; from another device the button names the journey.
    if (f.variant == QLatin1String("app"))
        return Branding::Kind::openApp();
    if (f.id.contains(QLatin1String("reauth")))
        return Branding::Kind::reauth();
    if (f.id.contains(QLatin1String("sign")))
        return Branding::Kind::signing();
    if (f.id.contains(QLatin1String("eme")))
        return Branding::Kind::formFilling();
    return Branding::Kind::login();
}

void FlowView::updateStartButton()
{
    const Branding::ButtonAssets& assets = Branding::ButtonAssets::builtin();
    const QString kind = startButtonKind();
    const QString text = assets.text(kind, m_language);
    m_start->setProperty("brandingKind", kind);
    // The button grows with the font (presenter mode), never below the data file's default size.
    const int height = std::max(assets.defaultHeight(), fontMetrics().height() * 5 / 2);
    const QImage image = Branding::buttonImage(kind, m_language, height, devicePixelRatioF());
    if (image.isNull()) {
        m_start->setIcon(QIcon());
        m_start->setText(tr("Start with iAM Smart"));
        m_start->setToolTip(Branding::ButtonAssets::builtinErrors());
    } else {
        m_start->setText(QString());
        m_start->setIcon(QIcon(QPixmap::fromImage(image)));
        m_start->setIconSize(image.deviceIndependentSize().toSize());
        m_start->setToolTip(text);
    }
    m_start->setAccessibleName(text);
    const QString moreInfo = assets.url(Branding::Kind::moreInfo(), m_language);
    m_moreInfo->setText(
        QStringLiteral("<a href=\"%1\">%2</a>")
            .arg(moreInfo.toHtmlEscaped(), assets.text(Branding::Kind::moreInfo(), m_language).toHtmlEscaped()));
    m_moreInfo->setToolTip(moreInfo);
}

void FlowView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::FontChange)
        updateStartButton();
    QWidget::changeEvent(event);
}
