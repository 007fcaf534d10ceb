#include "RequestStamp.h"

#include <QMutexLocker>

namespace Util {

qint64 TimestampSource::next(const QString& clientId)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    qint64& last = m_last[clientId];
    last = std::max(last, now);
    return last;
}

QString NonceGenerator::next()
{
    QMutexLocker lock(&m_mutex);
    // 12 random bytes keep nonces unpredictable across processes; the 4-byte counter makes them
    // unique within this generator even if the random source repeats itself.
    QByteArray raw = m_random.bytes(12);
    const quint32 n = m_counter++;
    raw.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
    return QString::fromLatin1(raw.toHex());
}

QString randomHex32(RandomSource& random)
{
    return QString::fromLatin1(random.bytes(16).toHex());
}

} // namespace Util
