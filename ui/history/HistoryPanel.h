#pragma once

#include "session/ConsoleSession.h"
#include "session/History.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

/// Every exchange of the console, kept across restarts: reopen one in its page, resend it as new
/// (fresh timestamp and nonce), or export all as HAR 1.2 with secrets redacted.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget* parent = nullptr);
    void setExchanges(const QList<Session::Exchange>& exchanges);
    void add(const Session::Exchange& exchange);
    const QList<Session::Exchange>& exchanges() const { return m_exchanges; }
    /// The selected exchange, or null.
    const Session::Exchange* selected() const;
    void select(int row);
    /// What history keeps and for how long (shown as a check box and two spin boxes under the list).
    void setSettings(const Session::HistorySettings& settings);
    Session::HistorySettings settings() const;

signals:
    void settingsChanged(const Session::HistorySettings& settings);
    void reopenRequested(const Session::Exchange& exchange);
    void resendRequested(const Session::Exchange& exchange);
    void exportRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QList<Session::Exchange> m_exchanges;
    QTreeWidget* m_list;
    QPushButton* m_reopen;
    QPushButton* m_resend;
    QPushButton* m_export;
    QCheckBox* m_keepPersonalData;
    QLabel* m_retentionLabel;
    QSpinBox* m_retentionDays;
    QSpinBox* m_retentionCount;
};
