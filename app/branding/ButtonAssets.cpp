#include "ButtonAssets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace Branding {

QStringList Kind::required()
{
    return {login(), reauth(), openApp(), formFilling(), signing(), moreInfo()};
}

namespace {

Util::Error bad(const QString& detail)
{
    return Util::Error {QStringLiteral("bad-branding"), detail};
}

bool isColour(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    return re.match(text).hasMatch();
}

/// Reads {"en": …, "zh-HK": …, "zh-CN": …} and says, per language, what is missing or empty.
Protocol::Text readTexts(const QJsonObject& button, const QString& key, const QString& kind, QStringList* errors)
{
    const QJsonValue value = button.value(key);
    if (!value.isObject()) {
        errors->append(QStringLiteral("button '%1': '%2' must be an object with en, zh-HK and zh-CN").arg(kind, key));
        return {};
    }
    const QJsonObject o = value.toObject();
    for (Protocol::Language l : Protocol::allLanguages()) {
        const QString lang = Protocol::languageKey(l);
        if (!o.contains(lang))
            errors->append(QStringLiteral("button '%1': %2 in %3 is missing").arg(kind, key, lang));
        else if (!o.value(lang).isString())
            errors->append(QStringLiteral("button '%1': %2 in %3 is not a string").arg(kind, key, lang));
        else if (o.value(lang).toString().trimmed().isEmpty())
            errors->append(QStringLiteral("button '%1': %2 in %3 is empty").arg(kind, key, lang));
    }
    return Protocol::Text::fromJson(o);
}

/// Numbers of the SVG: at most two decimals, no trailing zeros, the same on every machine.
QString num(double v)
{
    QString s = QString::number(std::round(v * 100.0) / 100.0, 'f', 2);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

struct BuiltinAssets
{
    ButtonAssets assets;
    QString errors;
};

const BuiltinAssets& builtinAssets()
{
    static const BuiltinAssets instance = [] {
        BuiltinAssets b;
        auto loaded = ButtonAssets::load();
        if (loaded)
            b.assets = loaded.value();
        else
            b.errors = loaded.error().detail;
        return b;
    }();
    return instance;
}

} // namespace

Util::Result<ButtonAssets> ButtonAssets::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return bad(QStringLiteral("not a JSON object: ") + parseError.errorString());
    const QJsonObject root = doc.object();
    ButtonAssets a;
    QStringList errors;

    const QJsonObject colours = root.value(QLatin1String("colours")).toObject();
    a.m_background = colours.value(QLatin1String("background")).toString();
    a.m_foreground = colours.value(QLatin1String("text")).toString();
    a.m_colourNote = colours.value(QLatin1String("note")).toString();
    if (!isColour(a.m_background))
        errors << QStringLiteral("colours.background: '%1' is not #RRGGBB").arg(a.m_background);
    if (!isColour(a.m_foreground))
        errors << QStringLiteral("colours.text: '%1' is not #RRGGBB").arg(a.m_foreground);

    const QJsonArray sizes = root.value(QLatin1String("sizes")).toArray();
    if (sizes.isEmpty())
        errors << QStringLiteral("sizes: at least one size is needed");
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const QJsonObject s = sizes.at(i).toObject();
        ButtonSize size {s.value(QLatin1String("name")).toString(), s.value(QLatin1String("height")).toInt(-1)};
        if (size.name.isEmpty())
            errors << QStringLiteral("sizes[%1]: no name").arg(i);
        if (size.height < MinHeight || size.height > MaxHeight)
            errors << QStringLiteral("sizes[%1] (%2): height must be %3 to %4 pixels")
                          .arg(i)
                          .arg(size.name)
                          .arg(MinHeight)
                          .arg(MaxHeight);
        a.m_sizes.append(size);
    }
    const QString defaultSize = root.value(QLatin1String("defaultSize")).toString();
    bool foundDefault = false;
    for (const ButtonSize& s : std::as_const(a.m_sizes)) {
        if (s.name == defaultSize) {
            a.m_defaultHeight = s.height;
            foundDefault = true;
        }
    }
    if (!foundDefault)
        errors << QStringLiteral("defaultSize: '%1' is not one of the sizes").arg(defaultSize);

    const QJsonArray buttons = root.value(QLatin1String("buttons")).toArray();
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        const QJsonObject o = buttons.at(i).toObject();
        ButtonSpec b;
        b.kind = o.value(QLatin1String("kind")).toString();
        if (b.kind.isEmpty()) {
            errors << QStringLiteral("buttons[%1]: no kind").arg(i);
            continue;
        }
        // The kind names the exported files: only the known kinds, so never a path.
        if (!Kind::required().contains(b.kind)) {
            errors << QStringLiteral("buttons[%1]: kind '%2' is not one of %3")
                          .arg(QString::number(i), b.kind, Kind::required().join(QStringLiteral(", ")));
            continue;
        }
        if (a.button(b.kind)) {
            errors << QStringLiteral("button '%1' is defined twice").arg(b.kind);
            continue;
        }
        b.text = readTexts(o, QStringLiteral("text"), b.kind, &errors);
        if (b.kind == Kind::moreInfo() || o.contains(QLatin1String("url"))) {
            b.url = readTexts(o, QStringLiteral("url"), b.kind, &errors);
            for (Protocol::Language l : Protocol::allLanguages()) {
                const QString url = b.url.get(l);
                const QUrl parsed(url, QUrl::StrictMode);
                if (!url.isEmpty() && (!parsed.isValid() || parsed.scheme() != QLatin1String("https")))
                    errors << QStringLiteral("button '%1': url in %2 ('%3') is not an https URL")
                                  .arg(b.kind, Protocol::languageKey(l), url);
            }
        }
        const QJsonValue official = o.value(QLatin1String("official"));
        if (!official.isBool())
            errors << QStringLiteral("button '%1': 'official' must be true or false").arg(b.kind);
        b.official = official.toBool();
        b.source = o.value(QLatin1String("source")).toString();
        b.note = o.value(QLatin1String("note")).toString();
        if (b.official && b.source.trimmed().isEmpty())
            errors << QStringLiteral("button '%1': an official text needs its 'source'").arg(b.kind);
        if (official.isBool() && !b.official && b.note.trimmed().isEmpty())
            errors << QStringLiteral("button '%1': an unofficial text needs a 'note' saying so").arg(b.kind);
        const QString style = o.value(QLatin1String("style")).toString(QStringLiteral("filled"));
        if (style != QLatin1String("filled") && style != QLatin1String("outline"))
            errors << QStringLiteral("button '%1': style '%2' is not filled or outline").arg(b.kind, style);
        b.outline = style == QLatin1String("outline");
        a.m_buttons.append(b);
    }
    for (const QString& kind : Kind::required()) {
        if (!a.button(kind))
            errors << QStringLiteral("button '%1' is missing").arg(kind);
    }
    if (!errors.isEmpty())
        return bad(errors.join(QStringLiteral("; ")));
    return a;
}

Util::Result<ButtonAssets> ButtonAssets::load(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return bad(path + QStringLiteral(": ") + f.errorString());
    auto assets = fromJson(f.readAll());
    if (!assets)
        return bad(QFileInfo(path).fileName() + QStringLiteral(": ") + assets.error().detail);
    return assets;
}

const ButtonAssets& ButtonAssets::builtin()
{
    return builtinAssets().assets;
}

QString ButtonAssets::builtinErrors()
{
    return builtinAssets().errors;
}

QStringList ButtonAssets::kinds() const
{
    QStringList out;
    for (const ButtonSpec& b : m_buttons)
        out << b.kind;
    return out;
}

const ButtonSpec* ButtonAssets::button(const QString& kind) const
{
    for (const ButtonSpec& b : m_buttons) {
        if (b.kind == kind)
            return &b;
    }
    return nullptr;
}

QString ButtonAssets::text(const QString& kind, Protocol::Language language) const
{
    const ButtonSpec* b = button(kind);
    return b ? b->text.get(language) : QString();
}

QString ButtonAssets::url(const QString& kind, Protocol::Language language) const
{
    const ButtonSpec* b = button(kind);
    return b ? b->url.get(language) : QString();
}

double ButtonAssets::textWidthEm(const QString& text)
{
    // Advances of a bold sans (Source Sans / Noto Sans CJK's Latin, Arial, Segoe UI), rounded up so the text
    // fits in any of them.
    static const QString veryNarrow = QStringLiteral("ijl.,:;!'|");
    static const QString narrow = QStringLiteral("ftrI()[]-\"");
    static const QString wide = QStringLiteral("mwMW@");
    double em = 0;
    for (char32_t c : text.toUcs4()) {
        if (isWide(c))
            em += 1.0;
        else if (c == U' ')
            em += 0.3;
        else if (c < 0x80 && veryNarrow.contains(QChar(c)))
            em += 0.3;
        else if (c < 0x80 && narrow.contains(QChar(c)))
            em += 0.42;
        else if (c < 0x80 && wide.contains(QChar(c)))
            em += 0.92;
        else if (c >= U'A' && c <= U'Z')
            em += 0.7;
        else
            em += 0.6;
    }
    return em;
}

QString ButtonAssets::fontFamily(Protocol::Language language)
{
    switch (language) {
    case Protocol::Language::TraditionalChinese:
        return QStringLiteral("'Noto Sans CJK HK', 'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', "
                              "'PingFang HK', sans-serif");
    case Protocol::Language::SimplifiedChinese:
        return QStringLiteral("'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif");
    case Protocol::Language::English:
        break;
    }
    // The Latin of Noto Sans CJK (Source Sans) first, so the three languages look alike.
    return QStringLiteral("'Noto Sans CJK TC', 'Source Sans Pro', 'Segoe UI', Arial, Helvetica, sans-serif");
}

QString ButtonAssets::fileName(const QString& kind, Protocol::Language language)
{
    return kind + QLatin1Char('-') + Protocol::languageKey(language) + QStringLiteral(".svg");
}

Util::Result<QByteArray> ButtonAssets::svg(const QString& kind, Protocol::Language language, int height) const
{
    const ButtonSpec* b = button(kind);
    if (!b)
        return Util::Error {QStringLiteral("unknown-kind"), QStringLiteral("no button of kind '%1'").arg(kind)};
    if (height < MinHeight || height > MaxHeight)
        return Util::Error {QStringLiteral("bad-height"),
            QStringLiteral("height %1 is not %2 to %3 pixels").arg(height).arg(MinHeight).arg(MaxHeight)};
    const QString text = b->text.get(language);
    const double h = height;
    const double fontSize = h * 0.4;
    const double textWidth = textWidthEm(text) * fontSize;
    const double mark = b->outline ? 0 : h * 0.5; // the neutral mark: a rounded square with an "i"
    const double inset = (h - mark) / 2;
    const double left = b->outline ? h * 0.4 : inset + mark + h * 0.25;
    const double width = std::ceil(left + textWidth + h * 0.4);
    const double radius = h * 0.15;
    const QString ink = b->outline ? m_background : m_foreground;

    QString out;
    out += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out += QStringLiteral("<!-- Generated from resources/branding/buttons.json by 'iamsmart branding export'. -->\n");
    out += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.2\" baseProfile=\"tiny\" "
                          "width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" xml:lang=\"%3\">\n")
               .arg(num(width), num(h), Protocol::languageKey(language));
    out += QStringLiteral("  <title>%1</title>\n").arg(text.toHtmlEscaped());
    if (b->outline) {
        const double stroke = std::max(1.0, h / 32);
        out += QStringLiteral("  <rect x=\"%1\" y=\"%1\" width=\"%2\" height=\"%3\" rx=\"%4\" ry=\"%4\" fill=\"%5\" "
                              "stroke=\"%6\" stroke-width=\"%7\"/>\n")
                   .arg(num(stroke / 2), num(width - stroke), num(h - stroke), num(radius), m_foreground, m_background,
                       num(stroke));
    } else {
        out += QStringLiteral("  <rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" rx=\"%3\" ry=\"%3\" fill=\"%4\"/>\n")
                   .arg(num(width), num(h), num(radius), m_background);
        const double cx = inset + mark / 2;
        out += QStringLiteral(
            "  <rect x=\"%1\" y=\"%1\" width=\"%2\" height=\"%2\" rx=\"%3\" ry=\"%3\" fill=\"%4\"/>\n")
                   .arg(num(inset), num(mark), num(mark * 0.22), m_foreground);
        out += QStringLiteral("  <circle cx=\"%1\" cy=\"%2\" r=\"%3\" fill=\"%4\"/>\n")
                   .arg(num(cx), num(inset + mark * 0.27), num(mark * 0.1), m_background);
        out += QStringLiteral(
            "  <rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"%5\" ry=\"%5\" fill=\"%6\"/>\n")
                   .arg(num(cx - mark * 0.085), num(inset + mark * 0.43), num(mark * 0.17), num(mark * 0.37),
                       num(mark * 0.05), m_background);
    }
    out += QStringLiteral("  <text x=\"%1\" y=\"%2\" font-family=\"%3\" font-size=\"%4\" font-weight=\"bold\" "
                          "text-anchor=\"middle\" fill=\"%5\">%6</text>\n")
               .arg(num(left + textWidth / 2), num(h / 2 + fontSize * 0.36), fontFamily(language), num(fontSize), ink,
                   text.toHtmlEscaped());
    out += QStringLiteral("</svg>\n");
    return out.toUtf8();
}

Util::Result<QStringList> ButtonAssets::exportAll(const QString& dir, int height) const
{
    if (!QDir().mkpath(dir))
        return Util::Error {QStringLiteral("write-failed"), QStringLiteral("%1: cannot create the folder").arg(dir)};
    QStringList written;
    for (const ButtonSpec& b : m_buttons) {
        for (Protocol::Language l : Protocol::allLanguages()) {
            auto bytes = svg(b.kind, l, height);
            if (!bytes)
                return bytes.error();
            const QString path = QDir(dir).filePath(fileName(b.kind, l));
            QSaveFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes.value()) != bytes->size() || !f.commit())
                return Util::Error {QStringLiteral("write-failed"), path + QStringLiteral(": ") + f.errorString()};
            written << path;
        }
    }
    return written;
}

} // namespace Branding
