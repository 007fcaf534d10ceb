#pragma once

#include "Clock.h"
#include "RandomSource.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace Util {

/// Issues the `timestamp` header value (protocol.md §2.1): epoch milliseconds that never decrease
/// for a given client, even when the wall clock goes back (the server rejects older ones as duplicated requests).
class TimestampSource
{
public:
    explicit TimestampSource(const Clock& clock = Clock::system())
        : m_clock(clock)
    {
    }
    qint64 next(const QString& clientId);

private:
    const Clock& m_clock;
    QMutex m_mutex;
    QHash<QString, qint64> m_last;
};

/// Issues `nonce` header values: 32 lower-case hex characters (128 random bits, ≤ 36 as required),
/// never repeating within this generator's lifetime.
class NonceGenerator
{
public:
    explicit NonceGenerator(RandomSource& random = RandomSource::system())
        : m_random(random)
    {
    }
    QString next();

private:
    RandomSource& m_random;
    QMutex m_mutex;
    quint32 m_counter = 0;
};

/// 32 lower-case hex characters from `random` (businessID, state, nonce-like identifiers).
QString randomHex32(RandomSource& random = RandomSource::system());

} // namespace Util
