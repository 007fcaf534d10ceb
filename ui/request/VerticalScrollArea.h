#pragma once

#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>

/// Scrolls its widget down, never across: it asks for the widget's width (plus the scroll bar), so the splitter
/// keeps the column as wide as its content needs, while its height never pushes the window past the screen.
class VerticalScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;

    QSize minimumSizeHint() const override { return withWidgetWidth(QScrollArea::minimumSizeHint(), true); }
    QSize sizeHint() const override { return withWidgetWidth(QScrollArea::sizeHint(), false); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry(); // the content's width changed (a language switch, a panel shown)
        return QScrollArea::eventFilter(watched, event);
    }

private:
    QSize withWidgetWidth(QSize size, bool minimum) const
    {
        if (const QWidget* w = widget()) {
            const int content = minimum ? w->minimumSizeHint().width() : w->sizeHint().width();
            size.setWidth(content + verticalScrollBar()->sizeHint().width() + 2 * frameWidth());
        }
        return size;
    }
};
