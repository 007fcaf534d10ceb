#pragma once

#include "session/ConsoleSession.h"
#include "session/History.h"

#include <QWidget>

#include <memory>
#include <optional>

class HistoryFilter;
class HistoryModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeView;

/// Every exchange of the console, kept across restarts: reopen one in its page, resend it as new
/// (fresh timestamp and nonce), or export all as HAR 1.2 with secrets redacted.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget* parent = nullptr);
    void setExchanges(const QList<Session::Exchange>& exchanges);
    /// Reads the stored exchanges in the background once the window has first painted (the rows arrive in
    /// batches, ahead of this session's).
    void load(const Session::ExchangeHistory& history);
    void add(const Session::Exchange& exchange);
    /// Every exchange listed (stored ones read again from their files), oldest first.
    QList<Session::Exchange> exchanges() const;
    HistoryModel* model() const { return m_model; }
    /// Until every stored exchange has arrived (also before the reading has begun).
    bool isLoading() const;
    /// The selected exchange, or nothing.
    std::optional<Session::Exchange> selected() const;
    /// Shows only the rows whose API, HTTP status or return code contain `text` (the filter box's text).
    void setFilterText(const QString& text);
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
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    std::unique_ptr<Session::ExchangeHistory> m_pendingLoad; ///< read after the window's first paint
    HistoryModel* m_model;
    HistoryFilter* m_filterModel;
    QLineEdit* m_filter;
    QTreeView* m_list;
    QPushButton* m_reopen;
    QPushButton* m_resend;
    QPushButton* m_export;
    QCheckBox* m_keepPersonalData;
    QLabel* m_retentionLabel;
    QSpinBox* m_retentionDays;
    QSpinBox* m_retentionCount;
};
