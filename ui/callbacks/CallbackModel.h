#pragma once

#include "LabelledTableModel.h"

#include <QStringList>

#include <functional>

namespace Callback {
class CallbackListener;
}

/// The listener's records as a table, row i being record i: rows are appended and dropped as the listener keeps
/// and drops records (never rebuilt on each change), and no record is copied.
class CallbackModel : public LabelledTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, CallbackColumn, BusinessIdColumn, MatchColumn, ColumnCount };
    /// The record's match status (Callback::Match), in every column.
    static constexpr int MatchRole = Qt::UserRole;
    using Wording = std::function<QString(const QString& match)>;

    CallbackModel(Callback::CallbackListener* listener, Wording matchText, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    /// The wording changed (language): the match column is shown again.
    void reword();

private:
    Callback::CallbackListener* m_listener;
    Wording m_matchText;
    int m_count = 0; ///< rows announced (the listener's records may already hold one more)
};
