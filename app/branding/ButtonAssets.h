#pragma once

#include "protocol/Text.h"
#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// The iAM Smart buttons: their wording in the three languages (resources/branding/buttons.json, the one
/// data file) and the SVG drawn from it. Core only: no Gui; the UI renders the SVG with QSvgRenderer.
namespace Branding {

/// The button kinds the console uses (ids in buttons.json).
namespace Kind {
inline QString login()
{
    return QStringLiteral("login");
}
inline QString reauth()
{
    return QStringLiteral("reauth");
}
inline QString openApp()
{
    return QStringLiteral("openApp");
}
inline QString formFilling()
{
    return QStringLiteral("formFilling");
}
inline QString signing()
{
    return QStringLiteral("signing");
}
inline QString moreInfo()
{
    return QStringLiteral("moreInfo");
}
/// Every kind the data file must define, in display order.
QStringList required();
} // namespace Kind

/// One button of the data file.
struct ButtonSpec
{
    QString kind;
    Protocol::Text text;
    Protocol::Text url; ///< where the button links to (moreInfo), by language; empty otherwise
    bool official = false; ///< the wording is given by an official source (then `source` names it)
    QString source;
    QString note; ///< why an unofficial wording is what it is
    bool outline = false; ///< drawn as an outlined link button (white, green border and text), no mark
};

/// A named preview size.
struct ButtonSize
{
    QString name;
    int height = 0;
};

class ButtonAssets
{
public:
    /// Heights the generator accepts, in pixels.
    static constexpr int MinHeight = 16;
    static constexpr int MaxHeight = 512;

    /// Parses and checks a data file: every required kind present, each with a non-empty text in en, zh-HK
    /// and zh-CN, moreInfo with an https URL per language, colours as #RRGGBB, sizes in range. The error
    /// (code "bad-branding") names the kind and language at fault.
    static Util::Result<ButtonAssets> fromJson(const QByteArray& json);
    static Util::Result<ButtonAssets> load(const QString& path = QStringLiteral(":/branding/buttons.json"));
    /// The data file compiled into the binary; empty (no buttons) if it failed, builtinErrors() says why.
    static const ButtonAssets& builtin();
    static QString builtinErrors();

    const QList<ButtonSpec>& buttons() const { return m_buttons; }
    QStringList kinds() const;
    const ButtonSpec* button(const QString& kind) const;
    /// The text of a button in a language; empty for an unknown kind.
    QString text(const QString& kind, Protocol::Language language) const;
    /// The link of a button in a language (moreInfo); empty when it has none.
    QString url(const QString& kind, Protocol::Language language) const;
    const QList<ButtonSize>& sizes() const { return m_sizes; }
    int defaultHeight() const { return m_defaultHeight; }
    QString background() const { return m_background; }
    QString foreground() const { return m_foreground; }
    QString colourNote() const { return m_colourNote; }

    /// The SVG of a button: `height` pixels high, as wide as its text needs (estimated without a font
    /// engine: CJK 1 em, Latin by letter class), well-formed XML with the text in a font list for the
    /// language. Deterministic: the same data gives the same bytes.
    Util::Result<QByteArray> svg(const QString& kind, Protocol::Language language, int height) const;
    /// "<kind>-<lang>.svg", e.g. "reauth-zh-HK.svg".
    static QString fileName(const QString& kind, Protocol::Language language);
    /// Writes every button in every language into `dir` (created if needed); returns the paths written.
    Util::Result<QStringList> exportAll(const QString& dir, int height) const;

    /// The estimated advance of `text` in em (what the SVG width is computed from).
    static double textWidthEm(const QString& text);
    /// The font-family list of the SVG text for a language.
    static QString fontFamily(Protocol::Language language);

private:
    QList<ButtonSpec> m_buttons;
    QList<ButtonSize> m_sizes;
    int m_defaultHeight = 40;
    QString m_background;
    QString m_foreground;
    QString m_colourNote;
};

} // namespace Branding
