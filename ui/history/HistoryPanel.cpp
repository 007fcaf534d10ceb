#include "HistoryPanel.h"

#include "HistoryModel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
    , m_filterModel(new HistoryFilter(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeView(this))
    , m_reopen(new QPushButton(this))
    , m_resend(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_keepPersonalData(new QCheckBox(this))
    , m_retentionLabel(new QLabel(this))
    , m_retentionDays(new QSpinBox(this))
    , m_retentionCount(new QSpinBox(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_list->setObjectName(QStringLiteral("historyList"));
    m_filterModel->setSourceModel(m_model);
    m_list->setModel(m_filterModel);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true); // 100,000 rows lay out without measuring each
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_filter->setObjectName(QStringLiteral("historyFilterLineEdit"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryPanel::setFilterText);
    m_reopen->setObjectName(QStringLiteral("historyReopenButton"));
    m_resend->setObjectName(QStringLiteral("historyResendButton"));
    m_export->setObjectName(QStringLiteral("historyExportHarButton"));
    m_keepPersonalData->setObjectName(QStringLiteral("historyKeepPersonalDataCheck"));
    m_retentionDays->setObjectName(QStringLiteral("historyRetentionDaysSpin"));
    m_retentionDays->setRange(0, 3650);
    m_retentionCount->setObjectName(QStringLiteral("historyRetentionCountSpin"));
    m_retentionCount->setRange(0, 1000000);
    m_retentionCount->setSingleStep(100);
    m_retentionLabel->setBuddy(m_retentionDays);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reopen);
    buttons->addWidget(m_resend);
    buttons->addWidget(m_filter, 1); // the short dock keeps its height for rows
    buttons->addWidget(m_keepPersonalData);
    buttons->addWidget(m_retentionLabel);
    buttons->addWidget(m_retentionDays);
    buttons->addWidget(m_retentionCount);
    buttons->addWidget(m_export);
    setSettings({});
    connect(m_keepPersonalData, &QCheckBox::toggled, this, [this] { emit settingsChanged(settings()); });
    for (QSpinBox* spin : {m_retentionDays, m_retentionCount})
        connect(spin, &QSpinBox::valueChanged, this, [this] { emit settingsChanged(settings()); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    connect(m_reopen, &QPushButton::clicked, this, [this] {
        if (const auto e = selected())
            emit reopenRequested(*e);
    });
    connect(m_resend, &QPushButton::clicked, this, [this] {
        if (const auto e = selected())
            emit resendRequested(*e);
    });
    connect(m_export, &QPushButton::clicked, this, &HistoryPanel::exportRequested);
    connect(m_list, &QTreeView::doubleClicked, this, [this] {
        if (const auto e = selected())
            emit reopenRequested(*e);
    });
    retranslate();
}

void HistoryPanel::setExchanges(const QList<Session::Exchange>& exchanges)
{
    m_model->setExchanges(exchanges);
    m_list->scrollToBottom();
}

void HistoryPanel::load(const Session::ExchangeHistory& history)
{
    m_pendingLoad = std::make_unique<Session::ExchangeHistory>(history);
    window()->installEventFilter(this); // read once the window has painted: a big history never delays it
}

bool HistoryPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && m_pendingLoad && watched == window()) {
        watched->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] {
            if (!m_pendingLoad)
                return;
            connect(m_model, &HistoryModel::loaded, m_list, [this] {
                if (!m_list->currentIndex().isValid())
                    m_list->scrollToBottom(); // the newest in view, as when the rows were added one by one
            }, Qt::SingleShotConnection);
            m_model->load(*m_pendingLoad);
            m_pendingLoad.reset();
        });
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryPanel::add(const Session::Exchange& e)
{
    m_model->append(e);
    m_list->scrollTo(m_filterModel->mapFromSource(m_model->index(m_model->rowCount() - 1, 0)));
}

bool HistoryPanel::isLoading() const
{
    return m_pendingLoad || m_model->isLoading();
}

QList<Session::Exchange> HistoryPanel::exchanges() const
{
    return m_model->exchanges();
}

std::optional<Session::Exchange> HistoryPanel::selected() const
{
    const QModelIndex current = m_filterModel->mapToSource(m_list->currentIndex());
    return current.isValid() ? m_model->exchange(current.row()) : std::nullopt;
}

void HistoryPanel::setFilterText(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    else
        m_filterModel->setText(text);
}

void HistoryPanel::setSettings(const Session::HistorySettings& settings)
{
    const QSignalBlocker a(m_keepPersonalData), b(m_retentionDays), c(m_retentionCount);
    m_keepPersonalData->setChecked(settings.keepPersonalData);
    m_retentionDays->setValue(settings.retentionDays);
    m_retentionCount->setValue(settings.retentionCount);
}

Session::HistorySettings HistoryPanel::settings() const
{
    Session::HistorySettings out;
    out.keepPersonalData = m_keepPersonalData->isChecked();
    out.retentionDays = m_retentionDays->value();
    out.retentionCount = m_retentionCount->value();
    return out;
}

void HistoryPanel::retranslate()
{
    m_model->setHeaderLabels({tr("Time"), tr("API"), tr("HTTP"), tr("Code"), tr("Latency")});
    m_filter->setPlaceholderText(tr("Filter history…"));
    m_filter->setAccessibleName(tr("Filter history"));
    m_list->setAccessibleName(tr("Exchange history"));
    m_reopen->setText(tr("Reopen"));
    m_reopen->setAccessibleName(m_reopen->text());
    m_resend->setText(tr("Resend as new"));
    m_export->setText(tr("Export HAR…"));
    m_keepPersonalData->setText(tr("Keep personal data in history"));
    m_keepPersonalData->setToolTip(tr("Off: access tokens, openIDs and decrypted personal data are replaced by "
                                      "[redacted] in history files and HAR exports."));
    m_retentionLabel->setText(tr("Keep for"));
    m_retentionDays->setSuffix(tr(" days"));
    m_retentionDays->setSpecialValueText(tr("ever"));
    m_retentionDays->setAccessibleName(tr("Days history is kept"));
    m_retentionCount->setSuffix(tr(" entries"));
    m_retentionCount->setSpecialValueText(tr("no entry limit"));
    m_retentionCount->setAccessibleName(tr("Entries history keeps at most"));
}

void HistoryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
