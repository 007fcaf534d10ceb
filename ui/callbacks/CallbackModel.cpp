#include "CallbackModel.h"

#include "callback/CallbackListener.h"

#include <QColor>
#include <QDateTime>

CallbackModel::CallbackModel(Callback::CallbackListener* listener, Wording matchText, QObject* parent)
    : LabelledTableModel(ColumnCount, parent)
    , m_listener(listener)
    , m_matchText(std::move(matchText))
    , m_count(int(listener->records().size()))
{
    connect(listener, &Callback::CallbackListener::callbackReceived, this, [this] {
        const int total = int(m_listener->records().size());
        if (total <= m_count)
            return;
        beginInsertRows({}, m_count, total - 1);
        m_count = total;
        endInsertRows();
    });
    connect(listener, &Callback::CallbackListener::recordsDropped, this, [this](int count) {
        // The listener removed its `count` oldest records: the first rows go with them.
        count = std::min(count, m_count);
        if (count <= 0)
            return;
        beginRemoveRows({}, 0, count - 1);
        m_count -= count;
        endRemoveRows();
    });
    connect(listener, &Callback::CallbackListener::recordsReset, this, [this] {
        beginResetModel();
        m_count = int(m_listener->records().size());
        endResetModel();
    });
}

int CallbackModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant CallbackModel::data(const QModelIndex& index, int role) const
{
    const QList<Callback::CallbackRecord>& records = m_listener->records();
    if (!index.isValid() || index.row() >= m_count || index.row() >= records.size())
        return {};
    const Callback::CallbackRecord& r = records.at(index.row());
    if (role == MatchRole)
        return r.matchStatus;
    if (role == Qt::ForegroundRole && index.column() == MatchColumn && r.matchStatus != Callback::Match::Matched)
        return QColor(0xb0, 0x00, 0x20);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.receivedAt).toString(QStringLiteral("HH:mm:ss"));
    case CallbackColumn:
        return r.callbackId.isEmpty() ? QString::fromUtf8(r.path) : r.callbackId;
    case BusinessIdColumn:
        return r.businessId;
    case MatchColumn:
        return m_matchText(r.matchStatus);
    default:
        return {};
    }
}

void CallbackModel::reword()
{
    if (m_count > 0)
        emit dataChanged(index(0, MatchColumn), index(m_count - 1, MatchColumn), {Qt::DisplayRole});
}
