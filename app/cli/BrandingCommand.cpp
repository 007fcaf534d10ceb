#include "CliCommands.h"
#include "CliSupport.h"
#include "branding/ButtonAssets.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace Cli {

/// `iamsmart branding list | export DIR [--height H] [--data FILE]`: the iAM Smart buttons of
/// resources/branding/buttons.json, and their SVG files (how resources/branding/svg/ is made).
int brandingCommand(const QStringList& args)
{
    Parser p(QStringLiteral("branding"),
        QStringLiteral("The iAM Smart buttons: list their texts, or write one SVG per button and language.\n"
                       "  iamsmart branding list\n  iamsmart branding export DIR [--height H]"));
    p.positional(QStringLiteral("action"), QStringLiteral("list or export"));
    p.positional(QStringLiteral("dir"), QStringLiteral("folder the SVG files go to (for export)"));
    p.option(QStringLiteral("height"), QStringLiteral("button height in pixels (default: the data file's defaultSize)"),
        QStringLiteral("H"));
    p.option(QStringLiteral("data"), QStringLiteral("a buttons.json to use instead of the built-in one"),
        QStringLiteral("FILE"));
    if (int rc = p.parse(args); rc >= 0)
        return rc;
    Util::Result<Branding::ButtonAssets> assets = p.isSet(QStringLiteral("data"))
        ? Branding::ButtonAssets::load(p.value(QStringLiteral("data")))
        : Branding::ButtonAssets::load();
    if (!assets)
        return p.isSet(QStringLiteral("data")) ? usageError(QStringLiteral("--data: ") + assets.error().detail)
                                               : failure(assets.error());
    const QStringList pos = p.positionalArguments();
    if (pos.size() == 1 && pos.first() == QLatin1String("list")) {
        QJsonArray list;
        for (const Branding::ButtonSpec& b : assets->buttons()) {
            QJsonObject text;
            QJsonObject url;
            for (Protocol::Language l : Protocol::allLanguages()) {
                text.insert(Protocol::languageKey(l), b.text.get(l));
                if (!b.url.get(l).isEmpty())
                    url.insert(Protocol::languageKey(l), b.url.get(l));
            }
            QJsonObject o {{QStringLiteral("kind"), b.kind}, {QStringLiteral("official"), b.official},
                {QStringLiteral("text"), text}};
            if (!url.isEmpty())
                o.insert(QLatin1String("url"), url);
            list.append(o);
        }
        printJson(list);
        return Ok;
    }
    if (pos.size() == 2 && pos.first() == QLatin1String("export")) {
        int height = assets->defaultHeight();
        if (p.isSet(QStringLiteral("height"))) {
            bool ok = false;
            height = p.value(QStringLiteral("height")).toInt(&ok);
            if (!ok || height < Branding::ButtonAssets::MinHeight || height > Branding::ButtonAssets::MaxHeight)
                return usageError(QStringLiteral("--height: '%1' is not a whole number from %2 to %3")
                                      .arg(p.value(QStringLiteral("height")))
                                      .arg(Branding::ButtonAssets::MinHeight)
                                      .arg(Branding::ButtonAssets::MaxHeight));
        }
        auto written = assets->exportAll(pos.at(1), height);
        if (!written)
            return failure(written.error());
        QJsonArray files;
        for (const QString& path : written.value())
            files.append(QDir::cleanPath(path));
        printJson(QJsonObject {{QStringLiteral("height"), height}, {QStringLiteral("files"), files}});
        return Ok;
    }
    if (pos.size() == 1 && pos.first() == QLatin1String("export"))
        return usageError(QStringLiteral("branding export: name the folder to write the SVGs to (export DIR)"));
    return usageError(QStringLiteral("branding: '%1' is not 'list' or 'export DIR'").arg(pos.join(QLatin1Char(' '))));
}

} // namespace Cli
