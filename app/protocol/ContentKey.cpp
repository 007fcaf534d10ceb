#include "ContentKey.h"

#include <QMutexLocker>

namespace Protocol {

void ContentKeyCache::put(const QString& clientId, const ContentKey& key)
{
    QMutexLocker lock(&m_mutex);
    m_keys.insert(clientId, key);
}

std::optional<ContentKey> ContentKeyCache::valid(const QString& clientId, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_keys.constFind(clientId);
    if (it == m_keys.constEnd() || !it->isValidAt(nowMs))
        return std::nullopt;
    return *it;
}

std::optional<ContentKey> ContentKeyCache::any(const QString& clientId) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_keys.constFind(clientId);
    if (it == m_keys.constEnd())
        return std::nullopt;
    return *it;
}

void ContentKeyCache::remove(const QString& clientId)
{
    QMutexLocker lock(&m_mutex);
    m_keys.remove(clientId);
}

} // namespace Protocol
