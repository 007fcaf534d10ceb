#include "ApiRoutes.h"

namespace Mock {

void ApiRoutes::add(const QString& apiId, Stage stage, Handler handler)
{
    m_routes.insert(apiId, Route {stage, std::move(handler)});
}

void ApiRoutes::setFallback(Handler handler)
{
    m_fallback = Route {Stage::Authorised, std::move(handler)};
}

const ApiRoutes::Route& ApiRoutes::route(const QString& apiId) const
{
    const auto it = m_routes.constFind(apiId);
    return it == m_routes.constEnd() ? m_fallback : *it;
}

} // namespace Mock
