#pragma once

#include "flows/FlowRunner.h"

#include <QWidget>

/// The live sequence diagram of a flow run (lanes: Browser / App, Online service, iAM Smart, Phone), drawn as
/// messages happen; exports PNG and SVG.
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

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<Flows::SequenceMessage> m_messages;
    Protocol::Language m_language = Protocol::Language::English;
};
