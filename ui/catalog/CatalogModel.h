#pragma once

#include "protocol/Text.h"

#include <QSortFilterProxyModel>
#include <QStandardItemModel>

#include <functional>

namespace Protocol {
class ApiCatalog;
}

/// The API catalog as a tree: one group per category (in the catalog's order), its APIs under it.
class CatalogModel : public QStandardItemModel
{
    Q_OBJECT

public:
    /// The API id of an API row (empty for a group).
    static constexpr int IdRole = Qt::UserRole + 1;

    using Wording = std::function<QString(const QString& category)>;
    explicit CatalogModel(const Protocol::ApiCatalog& catalog, QObject* parent = nullptr);
    /// Rebuilds the rows in `language`, the groups named by `categoryLabel`.
    void populate(Protocol::Language language, const Wording& categoryLabel);
    /// The row of an API, or an invalid index.
    QModelIndex indexOf(const QString& apiId) const;

private:
    const Protocol::ApiCatalog& m_catalog;
};

/// Shows the APIs whose label, method and path, or id contain a text (case-insensitive), and the groups that
/// still hold one.
class CatalogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CatalogFilter(QObject* parent = nullptr);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
};
