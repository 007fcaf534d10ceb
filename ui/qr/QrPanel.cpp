#include "QrPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

QString QrPanel::wrapAnywhere(const QString& text)
{
    // A zero-width space after every character of a run longer than 16 lets a URL or id break anywhere.
    QString out;
    out.reserve(text.size() * 2);
    int run = 0;
    for (const QChar c : text) {
        out += c;
        run = c.isSpace() ? 0 : run + 1;
        if (run >= 16 && !c.isHighSurrogate())
            out += QChar(0x200B);
    }
    return out;
}

QrPanel::QrPanel(QWidget* parent)
    : QWidget(parent)
    , m_image(new QLabel(this))
    , m_caption(new QLabel(this))
    , m_savePng(new QPushButton(this))
    , m_saveSvg(new QPushButton(this))
    , m_copy(new QPushButton(this))
{
    setObjectName(QStringLiteral("qrPanel"));
    m_image->setObjectName(QStringLiteral("qrImageLabel"));
    m_image->setAlignment(Qt::AlignCenter);
    // The symbol is drawn to the room the label is given, so it never asks for room itself (the panel never
    // widens its dock or the window).
    m_image->setMinimumSize(120, 120);
    m_image->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_caption->setObjectName(QStringLiteral("qrTextLabel"));
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long URL never widens the window
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_image->installEventFilter(this);
    m_caption->installEventFilter(this);
    m_savePng->setObjectName(QStringLiteral("qrSavePngButton"));
    m_saveSvg->setObjectName(QStringLiteral("qrSaveSvgButton"));
    m_copy->setObjectName(QStringLiteral("qrCopyButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_savePng);
    buttons->addWidget(m_saveSvg);
    buttons->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_image, 1);
    layout->addWidget(m_caption);
    layout->addLayout(buttons);
    connect(m_savePng, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save QR code"), QStringLiteral("qr.png"), tr("PNG image (*.png)"));
        if (!path.isEmpty())
            savePng(path);
    });
    connect(m_saveSvg, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save QR code"), QStringLiteral("qr.svg"), tr("SVG image (*.svg)"));
        if (!path.isEmpty())
            saveSvg(path);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_text); });
    retranslate();
}

void QrPanel::setText(const QString& text)
{
    m_text = text;
    auto matrix = Qr::QrEncoder::encode(text.toUtf8());
    m_matrix = matrix ? matrix.value() : Qr::QrMatrix {};
    m_error = matrix ? QString() : matrix.error().detail;
    refresh();
}

QImage QrPanel::render(int scale) const
{
    const int quiet = 4;
    const int side = (m_matrix.size + 2 * quiet) * scale;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < m_matrix.size; ++y) {
        for (int x = 0; x < m_matrix.size; ++x) {
            if (m_matrix.dark(x, y))
                painter.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
        }
    }
    return image;
}

bool QrPanel::savePng(const QString& path, int scale) const
{
    return m_matrix.size > 0 && render(scale).save(path, "PNG");
}

bool QrPanel::saveSvg(const QString& path) const
{
    QFile f(path);
    if (m_matrix.size == 0 || !f.open(QIODevice::WriteOnly))
        return false;
    return f.write(Qr::QrEncoder::toSvg(m_matrix).toUtf8()) > 0;
}

void QrPanel::showSymbol()
{
    if (m_matrix.size == 0)
        return;
    // Whole pixels per module, as large as the label's room allows: crisp enough for a phone camera.
    const int room = std::min(m_image->width(), m_image->height());
    const int scale = std::max(2, room / (m_matrix.size + 8));
    QPixmap symbol = QPixmap::fromImage(render(scale));
    if (symbol.width() > room && room > 0) // a short pane: the whole symbol, smaller, never cut off
        symbol = symbol.scaled(room, room, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_image->setPixmap(symbol);
}

void QrPanel::showCaption()
{
    // Compact: one line, elided in the middle (the whole text in the tooltip and "Copy text").
    m_caption->setText(m_compact
            ? m_caption->fontMetrics().elidedText(m_text, Qt::ElideMiddle, std::max(40, m_caption->width()))
            : wrapAnywhere(m_text));
}

void QrPanel::setCompact(bool compact)
{
    m_compact = compact;
    m_caption->setWordWrap(!compact);
    showCaption();
}

bool QrPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize) {
        if (watched == m_image)
            showSymbol();
        else if (watched == m_caption && m_compact)
            showCaption();
    }
    return QWidget::eventFilter(watched, event);
}

void QrPanel::refresh()
{
    const bool ok = m_matrix.size > 0;
    if (ok) {
        showSymbol();
    } else {
        m_image->setPixmap({});
        m_image->setText(m_text.isEmpty() ? tr("Nothing to show yet: use “Show QR code” on a page.")
                                          : tr("Cannot encode: %1").arg(m_error));
    }
    showCaption();
    m_caption->setToolTip(m_text);
    m_image->setAccessibleName(ok ? tr("QR code of: %1").arg(m_text) : tr("No QR code"));
    for (QPushButton* b : {m_savePng, m_saveSvg, m_copy})
        b->setEnabled(ok);
}

void QrPanel::retranslate()
{
    m_savePng->setText(tr("Save PNG…"));
    m_saveSvg->setText(tr("Save SVG…"));
    m_copy->setText(tr("Copy text"));
    refresh();
}

void QrPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QrPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    refresh();
}
