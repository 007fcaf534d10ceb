#pragma once

#include <QAbstractItemView>
#include <QTest>

namespace TestSupport {

/// The first index of `view`'s model (any depth) in `column` whose `role` data is `value`; invalid when none.
inline QModelIndex findIndex(QAbstractItemView* view, const QVariant& value, int role = Qt::DisplayRole, int column = 0)
{
    QAbstractItemModel* model = view->model();
    const QModelIndexList hits = model->match(model->index(0, column), role, value, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.isEmpty() ? QModelIndex() : hits.first();
}

/// Clicks `index` of `view` with the mouse, scrolled into view first; false when it cannot be seen.
inline bool clickIndex(QAbstractItemView* view, const QModelIndex& index)
{
    if (!index.isValid())
        return false;
    view->scrollTo(index);
    const QRect r = view->visualRect(index);
    if (r.isEmpty() || !view->viewport()->rect().intersects(r))
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, r.center());
    return view->currentIndex() == index;
}

/// The rows of a model shown (any depth, collapsed ones included) that have no children: the leaves.
inline int leafRows(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    int n = 0;
    for (int i = 0; i < model->rowCount(parent); ++i) {
        const QModelIndex child = model->index(i, 0, parent);
        n += model->hasChildren(child) ? leafRows(model, child) : 1;
    }
    return n;
}

} // namespace TestSupport
