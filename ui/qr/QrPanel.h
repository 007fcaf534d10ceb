#pragma once

#include "qr/QrEncoder.h"

#include <QImage>
#include <QWidget>

class QLabel;
class QPushButton;

/// Shows any ticket, getQR URL or app-scheme URL as a QR code big enough to scan from a screen, with the
/// encoded text beneath; saves PNG or SVG and copies.
class QrPanel : public QWidget
{
    Q_OBJECT

public:
    explicit QrPanel(QWidget* parent = nullptr);
    void setText(const QString& text);
    QString text() const { return m_text; }
    /// The matrix on display (empty size when the text could not be encoded).
    const Qr::QrMatrix& matrix() const { return m_matrix; }
    /// The symbol rendered at `scale` pixels per module with a 4-module quiet zone.
    QImage render(int scale) const;
    bool savePng(const QString& path, int scale = 8) const;
    bool saveSvg(const QString& path) const;
    /// `text` with break opportunities (zero-width spaces) inside long runs, so a label wraps a URL or id anywhere
    /// instead of growing to its width.
    static QString wrapAnywhere(const QString& text);
    /// Compact (the Flows tab): the text on one line, elided in the middle, so the symbol keeps its room.
    void setCompact(bool compact);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void refresh();
    void showSymbol();
    void showCaption();

    QString m_text;
    Qr::QrMatrix m_matrix;
    QString m_error;
    bool m_compact = false;
    QLabel* m_image;
    QLabel* m_caption;
    QPushButton* m_savePng;
    QPushButton* m_saveSvg;
    QPushButton* m_copy;
};
