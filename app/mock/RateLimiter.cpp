#include "RateLimiter.h"

namespace Mock {

bool RateLimiter::admit(const QString& client, qint64 nowMs)
{
    if (m_limit <= 0)
        return true;
    const qint64 second = nowMs / 1000;
    QString key = client;
    if (!m_windows.contains(key) && m_windows.size() >= maxClients) {
        m_windows.removeIf([second](const auto& w) { return w->second != second; });
        if (m_windows.size() >= maxClients)
            key = QStringLiteral("\x01overflow");
    }
    Window& w = m_windows[key];
    if (w.second != second) {
        w.second = second;
        w.count = 0;
    }
    return ++w.count <= m_limit;
}

} // namespace Mock
