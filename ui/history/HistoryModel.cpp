#include "HistoryModel.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>

namespace {
constexpr qsizetype FirstBatch = 200; ///< small, so the first rows show at once
constexpr qsizetype Batch = 2000;
} // namespace

HistoryRow HistoryRow::of(const Session::Exchange& e)
{
    HistoryRow r;
    r.id = e.id;
    r.startedAt = e.startedAt;
    r.apiId = e.apiId;
    r.status = e.httpStatus ? QString::number(e.httpStatus) : e.errorCode;
    r.returnCode = e.returnCode();
    r.latencyMs = e.latencyMs;
    r.search = QStringList {r.apiId, r.status, r.returnCode}.join(QLatin1Char(' ')).toLower();
    return r;
}

HistoryModel::HistoryModel(QObject* parent)
    : LabelledTableModel(ColumnCount, parent)
{
}

HistoryModel::~HistoryModel()
{
    stopLoading();
}

void HistoryModel::stopLoading()
{
    if (!m_loader)
        return;
    m_cancel->store(true);
    m_loader->wait();
    delete m_loader;
    m_loader = nullptr;
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HistoryRow& r = m_rows.at(index.row());
    if (role == SearchRole)
        return r.search;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.startedAt).toString(QStringLiteral("MM-dd HH:mm:ss"));
    case ApiColumn:
        return r.apiId;
    case HttpColumn:
        return r.status;
    case CodeColumn:
        return r.returnCode;
    case LatencyColumn:
        return QStringLiteral("%1 ms").arg(r.latencyMs);
    default:
        return {};
    }
}

void HistoryModel::load(const Session::ExchangeHistory& history)
{
    stopLoading();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_loader = QThread::create([this, history, cancel = m_cancel] {
        const QStringList files = history.files();
        QList<HistoryRow> batch;
        for (qsizetype i = 0; i < files.size() && !cancel->load(); ++i) {
            if (std::optional<Session::Exchange> e = Session::ExchangeHistory::read(files.at(i))) {
                HistoryRow r = HistoryRow::of(*e);
                r.path = files.at(i);
                batch.append(std::move(r));
            }
            if (batch.size() >= (i < Batch ? FirstBatch : Batch)) {
                QMetaObject::invokeMethod(
                    this, [this, b = std::move(batch)] { receive(b, false); }, Qt::QueuedConnection);
                batch = {};
            }
        }
        QMetaObject::invokeMethod(this, [this, b = std::move(batch)] { receive(b, true); }, Qt::QueuedConnection);
    });
    m_loader->setObjectName(QStringLiteral("historyLoader"));
    m_loader->start(QThread::LowPriority);
}

void HistoryModel::receive(QList<HistoryRow> batch, bool last)
{
    batch.removeIf([this](const HistoryRow& r) { return m_sessionIds.contains(r.id); });
    if (!batch.isEmpty()) {
        beginInsertRows({}, int(m_stored), int(m_stored + batch.size() - 1));
        m_rows.insert(m_stored, batch.size(), HistoryRow());
        std::move(batch.begin(), batch.end(), m_rows.begin() + m_stored);
        m_stored += batch.size();
        endInsertRows();
    }
    if (last) {
        stopLoading();
        emit loaded();
    }
}

void HistoryModel::setExchanges(const QList<Session::Exchange>& exchanges)
{
    stopLoading();
    beginResetModel();
    m_rows.clear();
    m_sessionIds.clear();
    m_stored = 0;
    for (const Session::Exchange& e : exchanges) {
        HistoryRow r = HistoryRow::of(e);
        r.exchange = std::make_shared<const Session::Exchange>(e);
        m_sessionIds.insert(e.id);
        m_rows.append(std::move(r));
    }
    endResetModel();
}

void HistoryModel::append(const Session::Exchange& e)
{
    HistoryRow r = HistoryRow::of(e);
    r.exchange = std::make_shared<const Session::Exchange>(e);
    m_sessionIds.insert(e.id);
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(std::move(r));
    endInsertRows();
}

std::optional<Session::Exchange> HistoryModel::exchange(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    const HistoryRow& r = m_rows.at(row);
    if (r.exchange)
        return *r.exchange;
    return Session::ExchangeHistory::read(r.path);
}

QList<Session::Exchange> HistoryModel::exchanges() const
{
    QList<Session::Exchange> out;
    out.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        if (std::optional<Session::Exchange> e = exchange(i))
            out.append(std::move(*e));
    }
    return out;
}

void HistoryFilter::setText(const QString& text)
{
    const QString lower = text.trimmed().toLower();
    if (lower == m_text)
        return;
    m_text = lower;
    // One layout change, not a removal or insertion per run of rows: over 100,000 rows those signals cost seconds.
    invalidate();
}

bool HistoryFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    if (const auto* history = qobject_cast<const HistoryModel*>(sourceModel())) // no QVariant per row
        return history->searchText(sourceRow).contains(m_text);
    return sourceModel()
        ->data(sourceModel()->index(sourceRow, 0, sourceParent), HistoryModel::SearchRole)
        .toString()
        .contains(m_text);
}
