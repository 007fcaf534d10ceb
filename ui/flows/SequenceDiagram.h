#pragma once

#include "flows/FlowRunner.h"

#include <QWidget>

/// The live sequence diagram of a flow run (lanes: Browser / App, Online service, iAM Smart, Phone), drawn as
/// messages happen; exports PNG and SVG. Drawn at its own size times the zoom (never shrunk to fit its pane): the
/// scroll area around it scrolls, Ctrl+wheel and zoomIn()/zoomOut() change the zoom.
class SequenceDiagram : public QWidget
{
    Q_OBJECT

public:
    explicit SequenceDiagram(QWidget* parent = nullptr);
    void clear();
    void add(const Flows::SequenceMessage& message);
    const QList<Flows::SequenceMessage>& messages() const { return m_messages; }
    void setLanguage(Protocol::Language language);
    bool exportSvg(const QString& path) const;
    bool exportPng(const QString& path) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    void zoomIn() { setZoom(m_zoom * 1.25); }
    void zoomOut() { setZoom(m_zoom / 1.25); }

signals:
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    QList<Flows::SequenceMessage> m_messages;
    Protocol::Language m_language = Protocol::Language::English;
    double m_zoom = 1.0;
};
