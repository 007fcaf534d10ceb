#pragma once

#include "util/Result.h"

#include <QString>
#include <QVariantMap>

namespace Util {

/// Mustache templates (https://mustache.github.io), rendered by kainjow/mustache (Debian libkainjow-mustache-dev);
/// this is the only file that includes it. Values go in unescaped ({{x}} and {{{x}}} alike): the templates make
/// program text and plain text, never HTML, so callers escape for their own target. A context value is a bool, a
/// string (or anything QVariant converts to one), a QVariantList (a section repeats per item) or a QVariantMap (a
/// nested object). Standalone section lines ("{{#flag}}" alone on a line) leave no line behind.
/// Errors: "bad-template" with the parser's message (an unclosed section, a bad delimiter).
Result<QString> renderMustache(const QString& templateText, const QVariantMap& context);

} // namespace Util
