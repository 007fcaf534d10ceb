#pragma once

#include "session/History.h"

#include "LabelledTableModel.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

/// One row of the history list: what its columns show, and where the whole exchange is.
struct HistoryRow
{
    QString id;
    qint64 startedAt = 0;
    QString apiId;
    QString status; ///< the HTTP status, or the transport error code
    QString returnCode;
    qint64 latencyMs = 0;
    QString path; ///< the stored file (exchanges of earlier sessions, read again when reopened)
    std::shared_ptr<const Session::Exchange> exchange; ///< this session's exchanges, kept whole
    QString search; ///< lower-case text the filter matches (API, status, code)

    static HistoryRow of(const Session::Exchange& exchange);
};

/// The exchange history as a table: the stored exchanges (read in a worker thread after the window is up, in
/// batches, and kept as their rows only) first, then this session's as they finish.
class HistoryModel : public LabelledTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ApiColumn, HttpColumn, CodeColumn, LatencyColumn, ColumnCount };
    static constexpr int SearchRole = Qt::UserRole + 1;

    explicit HistoryModel(QObject* parent = nullptr);
    ~HistoryModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Starts reading `history`'s files in a worker thread; the rows arrive in order, before this session's.
    void load(const Session::ExchangeHistory& history);
    bool isLoading() const { return m_loader != nullptr; }
    /// Rows read from files so far (they come before this session's).
    qsizetype storedRows() const { return m_stored; }
    /// The lower-case text the filter matches for a row.
    const QString& searchText(int row) const { return m_rows.at(row).search; }
    /// Replaces every row by these exchanges (kept whole).
    void setExchanges(const QList<Session::Exchange>& exchanges);
    void append(const Session::Exchange& exchange);
    /// The whole exchange of a row (a stored one is read again); nothing when its file has gone.
    std::optional<Session::Exchange> exchange(int row) const;
    QList<Session::Exchange> exchanges() const;

signals:
    /// Every stored exchange has arrived.
    void loaded();

private:
    void receive(QList<HistoryRow> batch, bool last);
    void stopLoading();

    QList<HistoryRow> m_rows;
    qsizetype m_stored = 0; ///< rows read from files, ahead of this session's
    QSet<QString> m_sessionIds; ///< this session's exchanges (their files must not come twice)
    QThread* m_loader = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

/// Narrows the history to the rows whose API, status or return code contain a word (case-insensitive).
class HistoryFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString& text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};
