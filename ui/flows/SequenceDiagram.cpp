#include "SequenceDiagram.h"

#include "flows/Report.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

SequenceDiagram::SequenceDiagram(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sequenceDiagram"));
    setMinimumHeight(200);
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
    return {880, 60 + 34 * int(m_messages.size() + 1)};
}

void SequenceDiagram::paintEvent(QPaintEvent*)
{
    // One drawing for screen and export: the SVG the report embeds, rendered to fit.
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    QSvgRenderer renderer(Flows::Report::sequenceSvg(m_messages, m_language).toUtf8());
    QSizeF size = renderer.defaultSize();
    size.scale(QSizeF(width(), height()), Qt::KeepAspectRatio);
    renderer.render(&painter, QRectF(QPointF(0, 0), size));
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
