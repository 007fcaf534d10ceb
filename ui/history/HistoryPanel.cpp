#include "HistoryPanel.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

HistoryPanel::HistoryPanel(QWidget* parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_reopen(new QPushButton(this))
    , m_resend(new QPushButton(this))
    , m_export(new QPushButton(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(5);
    m_reopen->setObjectName(QStringLiteral("historyReopenButton"));
    m_resend->setObjectName(QStringLiteral("historyResendButton"));
    m_export->setObjectName(QStringLiteral("historyExportHarButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_reopen);
    buttons->addWidget(m_resend);
    buttons->addStretch();
    buttons->addWidget(m_export);
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

void HistoryPanel::retranslate()
{
    m_list->setHeaderLabels({tr("Time"), tr("API"), tr("HTTP"), tr("Code"), tr("Latency")});
    m_list->setAccessibleName(tr("Exchange history"));
    m_reopen->setText(tr("Reopen"));
    m_reopen->setAccessibleName(m_reopen->text());
    m_resend->setText(tr("Resend as new"));
    m_export->setText(tr("Export HAR…"));
}

void HistoryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
