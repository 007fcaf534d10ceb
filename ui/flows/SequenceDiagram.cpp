#include "SequenceDiagram.h"

#include "flows/Report.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QWheelEvent>

#include <algorithm>

SequenceDiagram::SequenceDiagram(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sequenceDiagram"));
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Minimum);
}

void SequenceDiagram::setZoom(double zoom)
{
    zoom = std::clamp(zoom, 0.4, 4.0);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    updateGeometry();
    update();
    emit zoomChanged(m_zoom);
}

void SequenceDiagram::wheelEvent(QWheelEvent* event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        event->ignore(); // the scroll area scrolls
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta > 0)
        zoomIn();
    else if (delta < 0)
        zoomOut();
    event->accept();
}

void SequenceDiagram::clear()
{
    m_messages.clear();
    updateGeometry();
    update();
}

void SequenceDiagram::add(const Flows::SequenceMessage& message)
{
    m_messages.append(message);
    updateGeometry();
    update();
}

void SequenceDiagram::setLanguage(Protocol::Language language)
{
    m_language = language;
    update();
}

QSize SequenceDiagram::sizeHint() const
{
    // The drawing's own size (Report::sequenceSvg) at the zoom; the font follows presenter mode.
    const double font = fontInfo().pixelSize() > 0 ? std::max(1.0, fontInfo().pixelSize() / 13.0) : 1.0;
    const QSize natural = QSvgRenderer(Flows::Report::sequenceSvg(m_messages, m_language).toUtf8()).defaultSize();
    return (QSizeF(natural) * m_zoom * font).toSize();
}

QSize SequenceDiagram::minimumSizeHint() const
{
    return sizeHint();
}

void SequenceDiagram::paintEvent(QPaintEvent*)
{
    // One drawing for screen and export: the SVG the report embeds, at its own size times the zoom.
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    QSvgRenderer renderer(Flows::Report::sequenceSvg(m_messages, m_language).toUtf8());
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(sizeHint())));
}

bool SequenceDiagram::exportSvg(const QString& path) const
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(Flows::Report::sequenceSvg(m_messages, m_language).toUtf8()) > 0;
}

bool SequenceDiagram::exportPng(const QString& path) const
{
    QSvgRenderer renderer(Flows::Report::sequenceSvg(m_messages, m_language).toUtf8());
    QImage image(renderer.defaultSize() * 2, QImage::Format_RGB32); // 2x for slides
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    return image.save(path, "PNG");
}
