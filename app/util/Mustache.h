#pragma once

#include "util/Result.h"

#include <QString>
#include <QVariantMap>

namespace Util {

/// How {{x}} writes a value ({{{x}}} never escapes): as it is (program text, whose values the caller quotes for
/// its language), or HTML-escaped (& < > ").
enum class MustacheEscape
{
    None,
    Html,
};

/// Mustache templates (https://mustache.github.io), rendered by kainjow/mustache (Debian libkainjow-mustache-dev);
/// this is the only file that includes it. A context value is a bool, a
/// string (or anything QVariant converts to one), a QVariantList (a section repeats per item) or a QVariantMap (a
/// nested object). Standalone section lines ("{{#flag}}" alone on a line) leave no line behind.
/// Errors: "bad-template" with the parser's message (an unclosed section, a bad delimiter).
Result<QString> renderMustache(
    const QString& templateText, const QVariantMap& context, MustacheEscape escape = MustacheEscape::None);

} // namespace Util
