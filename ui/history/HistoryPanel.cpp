#include "HistoryPanel.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
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
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(5);
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
    buttons->addStretch();
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
        if (const auto* e = selected())
            emit reopenRequested(*e);
    });
    connect(m_resend, &QPushButton::clicked, this, [this] {
        if (const auto* e = selected())
            emit resendRequested(*e);
    });
    connect(m_export, &QPushButton::clicked, this, &HistoryPanel::exportRequested);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (const auto* e = selected())
            emit reopenRequested(*e);
    });
    retranslate();
}

void HistoryPanel::setExchanges(const QList<Session::Exchange>& exchanges)
{
    m_exchanges.clear();
    m_list->clear();
    for (const Session::Exchange& e : exchanges)
        add(e);
}

void HistoryPanel::add(const Session::Exchange& e)
{
    m_exchanges.append(e);
    auto* item = new QTreeWidgetItem(m_list);
    item->setText(0, QDateTime::fromMSecsSinceEpoch(e.startedAt).toString(QStringLiteral("MM-dd HH:mm:ss")));
    item->setText(1, e.apiId);
    item->setText(2, e.httpStatus ? QString::number(e.httpStatus) : e.errorCode);
    item->setText(3, e.returnCode());
    item->setText(4, QStringLiteral("%1 ms").arg(e.latencyMs));
    m_list->scrollToItem(item);
}

const Session::Exchange* HistoryPanel::selected() const
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row >= 0 && row < m_exchanges.size() ? &m_exchanges.at(row) : nullptr;
}

void HistoryPanel::select(int row)
{
    m_list->setCurrentItem(m_list->topLevelItem(row));
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
    m_list->setHeaderLabels({tr("Time"), tr("API"), tr("HTTP"), tr("Code"), tr("Latency")});
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
