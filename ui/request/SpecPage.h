#pragma once

#include "protocol/ApiCatalog.h"

#include <QCoreApplication>
#include <QString>

/// The HTML of an API's Specification tab (issue 16), built from the catalog only: method and URL, the scope it
/// needs, the header table with types, the fields with their rules and a table of every enumeration they use
/// (anchored `#enum-<name>`; a field links to its table), the full response envelope sample, the HTTP status
/// codes, the callbacks it leads to (or the requests that lead to it) as `iamsmart-api:<id>` links, and every
/// return code with its meaning in the UI language.
class SpecPage
{
    Q_DECLARE_TR_FUNCTIONS(SpecPage)

public:
    static QString html(const Protocol::ApiSpec& api, Protocol::Language language);
    /// The URL scheme of links to another API's page.
    static QString linkScheme() { return QStringLiteral("iamsmart-api"); }
};
