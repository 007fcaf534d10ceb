#include "CatalogModel.h"

#include "protocol/ApiCatalog.h"

CatalogModel::CatalogModel(const Protocol::ApiCatalog& catalog, QObject* parent)
    : QStandardItemModel(parent)
    , m_catalog(catalog)
{
}

void CatalogModel::populate(Protocol::Language language, const Wording& categoryLabel)
{
    clear();
    QHash<QString, QStandardItem*> groups;
    for (const Protocol::ApiSpec& api : m_catalog.apis()) {
        QStandardItem*& group = groups[api.category];
        if (!group) {
            group = new QStandardItem(categoryLabel(api.category));
            group->setFlags(Qt::ItemIsEnabled);
            appendRow(group);
        }
        auto* item = new QStandardItem(api.label.get(language));
        item->setData(api.id, IdRole);
        item->setToolTip(api.method + QLatin1Char(' ') + api.path);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        group->appendRow(item);
    }
}

QModelIndex CatalogModel::indexOf(const QString& apiId) const
{
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        for (int i = 0; i < rowCount(group); ++i) {
            const QModelIndex api = index(i, 0, group);
            if (api.data(IdRole).toString() == apiId)
                return api;
        }
    }
    return {};
}

CatalogFilter::CatalogFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // a group stays while one of its APIs matches
}

void CatalogFilter::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool CatalogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString id = row.data(CatalogModel::IdRole).toString();
    if (id.isEmpty())
        return false; // a group: shown through its APIs
    return row.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || row.data(Qt::ToolTipRole).toString().contains(m_text, Qt::CaseInsensitive)
        || id.contains(m_text, Qt::CaseInsensitive);
}
