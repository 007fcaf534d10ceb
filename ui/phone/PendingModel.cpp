#include "PendingModel.h"

#include "mock/Simulator.h"

PendingModel::PendingModel(Mock::Simulator* simulator, Wording wording, QObject* parent)
    : QAbstractListModel(parent)
    , m_simulator(nullptr)
    , m_wording(std::move(wording))
{
    setSimulator(simulator);
}

int PendingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant PendingModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    const QString& id = m_ids.at(index.row());
    if (role == IdRole)
        return id;
    if (role == Qt::DisplayRole) {
        const Mock::PendingRequest* p = m_simulator->request(id);
        return p ? m_wording(*p) : QString();
    }
    return {};
}

void PendingModel::setSimulator(Mock::Simulator* simulator)
{
    beginResetModel();
    m_simulator = simulator;
    m_ids.clear();
    for (const Mock::PendingRequest& p : simulator->pending())
        m_ids.append(p.id);
    endResetModel();
}

void PendingModel::add(const QString& id)
{
    if (!m_simulator->request(id) || m_ids.contains(id))
        return;
    beginInsertRows({}, int(m_ids.size()), int(m_ids.size()));
    m_ids.append(id);
    endInsertRows();
}

void PendingModel::remove(const QString& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    endRemoveRows();
}

void PendingModel::reword()
{
    if (!m_ids.isEmpty())
        emit dataChanged(index(0), index(int(m_ids.size()) - 1), {Qt::DisplayRole});
}
