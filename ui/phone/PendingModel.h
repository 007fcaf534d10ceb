#pragma once

#include <QAbstractListModel>
#include <QStringList>

#include <functional>

namespace Mock {
class Simulator;
struct PendingRequest;
}

/// The requests waiting on the virtual phone, one row each, oldest first: the rows follow the simulator's
/// pendingAdded / pendingRemoved one by one, and their text is worded when shown (never stored).
class PendingModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole;
    using Wording = std::function<QString(const Mock::PendingRequest&)>;

    PendingModel(Mock::Simulator* simulator, Wording wording, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Lists what `simulator` has waiting (a reset).
    void setSimulator(Mock::Simulator* simulator);
    void add(const QString& id);
    void remove(const QString& id);
    /// The wording changed (language): every row is shown again.
    void reword();
    int rowOf(const QString& id) const { return int(m_ids.indexOf(id)); }

private:
    Mock::Simulator* m_simulator;
    Wording m_wording;
    QStringList m_ids;
};
