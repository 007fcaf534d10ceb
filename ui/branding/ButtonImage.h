#pragma once

#include "protocol/Text.h"

#include <QByteArray>
#include <QImage>

namespace Branding {

/// Renders a button's SVG `height` logical pixels high (the image holds height × devicePixelRatio device
/// pixels, transparent around the rounded corners). Null image when the SVG does not parse.
QImage renderSvg(const QByteArray& svg, int height, qreal devicePixelRatio = 1.0);
/// The built-in button (ButtonAssets::builtin()) of `kind` in `language`; null image for an unknown kind.
QImage buttonImage(const QString& kind, Protocol::Language language, int height, qreal devicePixelRatio = 1.0);

} // namespace Branding
