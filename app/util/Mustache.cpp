#include "Mustache.h"

#include <QRegularExpression>
#include <QUuid>

#include <kainjow/mustache.hpp>

namespace Util {
namespace {

namespace mstch = kainjow::mustache;

mstch::data toData(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return mstch::data(value.toBool());
    case QMetaType::QVariantList: {
        mstch::data list = mstch::data::type::list;
        for (const QVariant& item : value.toList())
            list.push_back(toData(item));
        return list;
    }
    case QMetaType::QVariantMap: {
        mstch::data object = mstch::data::type::object;
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            object.set(it.key().toStdString(), toData(it.value()));
        return object;
    }
    default:
        return mstch::data(value.toString().toStdString());
    }
}

bool contains(const QVariant& value, const QString& text)
{
    if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList list = value.toList();
        return std::any_of(list.begin(), list.end(), [&text](const QVariant& v) { return contains(v, text); });
    }
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        return std::any_of(map.begin(), map.end(), [&text](const QVariant& v) { return contains(v, text); });
    }
    return value.toString().contains(text);
}

/// A text that occurs in neither the template nor the values.
QString uniqueMark(const QString& templateText, const QVariantMap& context)
{
    for (;;) {
        const QString mark = QUuid::createUuid().toString(QUuid::Id128);
        if (!templateText.contains(mark) && !contains(context, mark))
            return mark;
    }
}

} // namespace

Result<QString> renderMustache(const QString& templateText, const QVariantMap& context, MustacheEscape escape)
{
    // kainjow/mustache 4.1 drops a standalone section line only when the section renders: the closing line of a
    // section it skips (a false {{#x}}, a true {{^x}}) leaves an empty line. So every standalone section or
    // comment line gets a mark that makes it an ordinary line, and the lines that are just the mark go afterwards.
    static const QRegularExpression standalone(
        QStringLiteral(R"(^[ \t]*(\{\{[#^/!][^}]*\}\})[ \t]*(?=\r?\n|$))"), QRegularExpression::MultilineOption);
    const QString mark = uniqueMark(templateText, context);
    QString marked = templateText;
    marked.replace(standalone, QStringLiteral("\\1") + mark);

    mstch::mustache tmpl(marked.toStdString());
    if (!tmpl.is_valid())
        return Result<QString>::failure(QStringLiteral("bad-template"), QString::fromStdString(tmpl.error_message()));
    if (escape == MustacheEscape::Html)
        tmpl.set_custom_escape(
            [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped().toStdString(); });
    else
        tmpl.set_custom_escape([](const std::string& s) { return s; });
    const QString rendered = QString::fromStdString(tmpl.render(toData(context)));
    if (!tmpl.is_valid())
        return Result<QString>::failure(QStringLiteral("bad-template"), QString::fromStdString(tmpl.error_message()));

    QString out;
    out.reserve(rendered.size());
    qsizetype at = 0;
    while (at < rendered.size()) {
        qsizetype end = rendered.indexOf(QLatin1Char('\n'), at);
        end = end < 0 ? rendered.size() : end + 1; // the line with its newline
        const QStringView line = QStringView(rendered).mid(at, end - at);
        QStringView bare = line;
        while (bare.endsWith(QLatin1Char('\n')) || bare.endsWith(QLatin1Char('\r')))
            bare.chop(1);
        if (bare != mark)
            out += line;
        at = end;
    }
    return out;
}

} // namespace Util
