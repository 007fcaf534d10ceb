#pragma once

#include "protocol/Envelope.h"

#include <QWidget>

class QPushButton;
class QVBoxLayout;
class QLabel;

/// Try it's "+ Add header" / "+ Add parameter": name/value rows for headers and query parameters the catalog does
/// not know, for exploring. They go into the preview, curl and code samples; they are not signed (the protocol
/// signs the body only). A header name that is not an HTTP token is marked and left out.
class ExtrasEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ExtrasEditor(QWidget* parent = nullptr);

    Protocol::RequestExtras extras() const;
    /// Adds a row (as the buttons do) and returns its name editor.
    QWidget* addHeader(const QString& name = {}, const QString& value = {});
    QWidget* addParameter(const QString& name = {}, const QString& value = {});

signals:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* addRow(QVBoxLayout* into, bool header, const QString& name, const QString& value);
    void retranslate();
    void check();

    QVBoxLayout* m_headers;
    QVBoxLayout* m_query;
    QPushButton* m_addHeader;
    QPushButton* m_addParameter;
    QLabel* m_note;
};
