#include "ButtonGallery.h"

#include "ButtonImage.h"
#include "LanguageManager.h"
#include "branding/ButtonAssets.h"

#include <QButtonGroup>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QShowEvent>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
const char* KindProperty = "brandingKind";
const char* LanguageProperty = "brandingLanguage";
const char* HeightProperty = "brandingHeight";
} // namespace

ButtonGallery::ButtonGallery(QWidget* parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_colourNote(new QLabel(this))
    , m_selected(new QLabel(this))
    , m_heightLabel(new QLabel(this))
    , m_height(new QSpinBox(this))
    , m_exportPng(new QPushButton(this))
    , m_exportSvg(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("buttonGallery"));
    m_selected->setObjectName(QStringLiteral("brandingSelectedLabel"));
    m_height->setObjectName(QStringLiteral("brandingHeightSpinBox"));
    m_exportPng->setObjectName(QStringLiteral("brandingPngButton"));
    m_exportSvg->setObjectName(QStringLiteral("brandingSvgButton"));
    m_status->setObjectName(QStringLiteral("brandingStatusLabel"));
    m_intro->setWordWrap(true);
    m_colourNote->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_height->setRange(Branding::ButtonAssets::MinHeight, Branding::ButtonAssets::MaxHeight);
    m_height->setValue(Branding::ButtonAssets::builtin().defaultHeight());
    m_heightLabel->setBuddy(m_height);
    m_group->setExclusive(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_selected, 1);
    bar->addWidget(m_heightLabel);
    bar->addWidget(m_height);
    bar->addWidget(m_exportPng);
    bar->addWidget(m_exportSvg);

    auto* content = new QWidget(this);
    content->setObjectName(QStringLiteral("brandingPreviews"));
    m_grid = new QGridLayout(content);
    m_grid->setHorizontalSpacing(24);
    m_grid->setVerticalSpacing(12);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_colourNote);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);

    connect(m_exportPng, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    connect(m_exportSvg, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    retranslate();
}

void ButtonGallery::showEvent(QShowEvent* event)
{
    ensureBuilt();
    QWidget::showEvent(event);
}

void ButtonGallery::ensureBuilt()
{
    if (m_built)
        return;
    m_built = true;
    build();
    retranslate();
}

void ButtonGallery::build()
{
    const Branding::ButtonAssets& assets = Branding::ButtonAssets::builtin();
    int column = 0;
    for (Protocol::Language language : Protocol::allLanguages()) {
        auto* header = new QLabel(LanguageManager::nativeName(language));
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        m_grid->addWidget(header, 0, column++, Qt::AlignLeft);
        m_languageHeaders << header;
    }
    int row = 1;
    for (const Branding::ButtonSpec& spec : assets.buttons()) {
        // Each kind: its name and whether the wording is official, then its buttons under each language.
        auto* heading = new QHBoxLayout;
        heading->setSpacing(12);
        heading->setContentsMargins(0, row > 1 ? 12 : 0, 0, 0);
        auto* name = new QLabel;
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        auto* official = new QLabel;
        official->setObjectName(QStringLiteral("brandingOfficial_") + spec.kind);
        official->setToolTip(spec.official ? spec.source : spec.note);
        official->setStyleSheet(spec.official ? QStringLiteral("color:#1b5e20") : QStringLiteral("color:#8a5a00"));
        heading->addWidget(name);
        heading->addWidget(official, 1);
        m_grid->addLayout(heading, row++, 0, 1, 3);
        m_kindLabels.insert(spec.kind, name);
        m_officialLabels.insert(spec.kind, official);
        column = 0;
        for (Protocol::Language language : Protocol::allLanguages()) {
            auto* cell = new QVBoxLayout;
            for (const Branding::ButtonSize& size : assets.sizes()) {
                auto* preview = new QToolButton;
                preview->setObjectName(QStringLiteral("brandingPreview_%1_%2_%3")
                                           .arg(spec.kind, Protocol::languageKey(language))
                                           .arg(size.height));
                preview->setProperty(KindProperty, spec.kind);
                preview->setProperty(LanguageProperty, int(language));
                preview->setProperty(HeightProperty, size.height);
                preview->setCheckable(true);
                preview->setAutoRaise(true);
                const QImage image = Branding::buttonImage(spec.kind, language, size.height, devicePixelRatioF());
                preview->setIcon(QIcon(QPixmap::fromImage(image)));
                preview->setIconSize(image.deviceIndependentSize().toSize());
                preview->setAccessibleName(spec.text.get(language));
                connect(preview, &QToolButton::clicked, this, [this, preview] {
                    select(preview->property(KindProperty).toString(),
                        Protocol::Language(preview->property(LanguageProperty).toInt()));
                    setExportHeight(preview->property(HeightProperty).toInt());
                    preview->setChecked(true);
                });
                m_group->addButton(preview);
                m_previews << preview;
                cell->addWidget(preview, 0, Qt::AlignLeft);
            }
            if (!spec.url.get(language).isEmpty()) {
                auto* link = new QLabel(spec.url.get(language));
                link->setTextInteractionFlags(Qt::TextSelectableByMouse);
                cell->addWidget(link);
            }
            cell->addStretch();
            m_grid->addLayout(cell, row, column++);
        }
        ++row;
    }
    m_grid->setRowStretch(row, 1);
    m_grid->setColumnStretch(3, 1);
    if (m_kind.isEmpty() && !assets.buttons().isEmpty())
        select(assets.buttons().first().kind, Protocol::Language::English);
}

bool ButtonGallery::select(const QString& kind, Protocol::Language language)
{
    if (!Branding::ButtonAssets::builtin().button(kind))
        return false;
    m_kind = kind;
    ensureBuilt();
    m_language = language;
    for (QToolButton* preview : std::as_const(m_previews)) {
        if (preview->property(KindProperty).toString() == kind
            && Protocol::Language(preview->property(LanguageProperty).toInt()) == language
            && preview->property(HeightProperty).toInt() == Branding::ButtonAssets::builtin().defaultHeight()) {
            preview->setChecked(true);
        }
    }
    retranslate();
    return true;
}

int ButtonGallery::exportHeight() const
{
    return m_height->value();
}

void ButtonGallery::setExportHeight(int height)
{
    m_height->setValue(height);
}

Util::Status ButtonGallery::exportPng(const QString& kind, Protocol::Language language, int height, const QString& path)
{
    auto svg = Branding::ButtonAssets::builtin().svg(kind, language, height);
    if (!svg)
        return svg.error();
    const QImage image = Branding::renderSvg(svg.value(), height);
    if (image.isNull())
        return Util::Error {
            QStringLiteral("render-failed"), QStringLiteral("the SVG of '%1' does not render").arg(kind)};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !image.save(&f, "PNG") || !f.commit())
        return Util::Error {QStringLiteral("write-failed"), path + QStringLiteral(": ") + f.errorString()};
    return Util::success();
}

Util::Status ButtonGallery::exportSvg(const QString& kind, Protocol::Language language, int height, const QString& path)
{
    auto svg = Branding::ButtonAssets::builtin().svg(kind, language, height);
    if (!svg)
        return svg.error();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(svg.value()) != svg->size() || !f.commit())
        return Util::Error {QStringLiteral("write-failed"), path + QStringLiteral(": ") + f.errorString()};
    return Util::success();
}

void ButtonGallery::exportWithDialog(bool png)
{
    if (m_kind.isEmpty())
        return;
    const QString suggested = QStringLiteral("%1-%2-%3.%4")
                                  .arg(m_kind, Protocol::languageKey(m_language))
                                  .arg(exportHeight())
                                  .arg(png ? QStringLiteral("png") : QStringLiteral("svg"));
    const QString path = png
        ? QFileDialog::getSaveFileName(this, tr("Export button"), suggested, tr("PNG image (*.png)"))
        : QFileDialog::getSaveFileName(this, tr("Export button"), suggested, tr("SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    showResult(
        png ? exportPng(m_kind, m_language, exportHeight(), path) : exportSvg(m_kind, m_language, exportHeight(), path),
        path);
}

void ButtonGallery::showResult(const Util::Status& status, const QString& path)
{
    m_status->setText(status ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
                             : tr("Could not save: %1").arg(status.error().detail));
}

QString ButtonGallery::kindName(const QString& kind) const
{
    if (kind == Branding::Kind::login())
        return tr("Log in");
    if (kind == Branding::Kind::reauth())
        return tr("Re-authentication");
    if (kind == Branding::Kind::openApp())
        return tr("Open the app (same device)");
    if (kind == Branding::Kind::formFilling())
        return tr("Form filling");
    if (kind == Branding::Kind::signing())
        return tr("Signing");
    if (kind == Branding::Kind::moreInfo())
        return tr("More info link");
    return kind;
}

void ButtonGallery::retranslate()
{
    const Branding::ButtonAssets& assets = Branding::ButtonAssets::builtin();
    m_intro->setText(assets.buttons().isEmpty()
            ? tr("The button data failed to load: %1").arg(Branding::ButtonAssets::builtinErrors())
            : tr("The iAM Smart buttons in the three languages at each size. Click one to select it, choose the "
                 "height and export it as PNG or SVG. The texts live in resources/branding/buttons.json."));
    m_colourNote->setText(tr("Background colour %1: the “iAM Smart green” seen in third-party integrations, not an "
                             "official colour.")
                              .arg(assets.background()));
    m_heightLabel->setText(tr("&Height:"));
    m_height->setSuffix(tr(" px"));
    m_height->setAccessibleName(tr("Export height"));
    m_exportPng->setText(tr("Export PNG…"));
    m_exportSvg->setText(tr("Export SVG…"));
    if (!m_kind.isEmpty())
        m_selected->setText(
            tr("Selected: %1 — %2 (%3)")
                .arg(kindName(m_kind), assets.text(m_kind, m_language), LanguageManager::nativeName(m_language)));
    for (auto it = m_kindLabels.constBegin(); it != m_kindLabels.constEnd(); ++it)
        it.value()->setText(kindName(it.key()));
    for (auto it = m_officialLabels.constBegin(); it != m_officialLabels.constEnd(); ++it) {
        const Branding::ButtonSpec* spec = assets.button(it.key());
        it.value()->setText(spec && spec->official
                ? tr("Official text")
                : tr("Not an official text: follows the pattern of the official re-authentication button"));
    }
    for (QToolButton* preview : std::as_const(m_previews)) {
        const QString kind = preview->property(KindProperty).toString();
        const auto language = Protocol::Language(preview->property(LanguageProperty).toInt());
        QString tip
            = tr("%1, %2 px high").arg(assets.text(kind, language)).arg(preview->property(HeightProperty).toInt());
        if (!assets.url(kind, language).isEmpty())
            tip += QLatin1Char('\n') + assets.url(kind, language);
        preview->setToolTip(tip);
    }
}

void ButtonGallery::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
