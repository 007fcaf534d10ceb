// The simulator's browser pages, as HTML templates in resources/mock/pages/*.html (compiled into the resource
// file). A template names its slots: {{name}} takes a value, HTML-escaped; {{{name}}} takes markup the code made
// itself (the QR code's SVG), never a value from a request.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Mock::PageTemplates {

/// The template `resources/mock/pages/<name>.html` with its slots filled; slots with no value are left empty.
QByteArray render(const QString& name, const QHash<QString, QString>& values, const QHash<QString, QString>& markup = {});
/// Fills the slots of `html` (the renderer, exposed for tests).
QString fill(const QString& html, const QHash<QString, QString>& values, const QHash<QString, QString>& markup);

} // namespace Mock::PageTemplates
