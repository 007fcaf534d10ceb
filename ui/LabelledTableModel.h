#pragma once

#include <QAbstractTableModel>
#include <QStringList>

/// A table model whose column titles are set by its view's owner (translated there, at every language switch).
class LabelledTableModel : public QAbstractTableModel
{
public:
    LabelledTableModel(int columns, QObject* parent)
        : QAbstractTableModel(parent)
        , m_columns(columns)
    {
    }

    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : m_columns; }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
            return m_headers.at(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

    void setHeaderLabels(const QStringList& labels)
    {
        m_headers = labels;
        emit headerDataChanged(Qt::Horizontal, 0, m_columns - 1);
    }

private:
    int m_columns;
    QStringList m_headers;
};
