#include "ReplayGuard.h"

#include "protocol/Durations.h"
#include "protocol/ReturnCodes.h"

#include <cstdlib>

namespace Mock {

using Protocol::Duration::clockSkewMs;

ReplayGuard::ReplayGuard(size_t seed)
    : m_seed(seed)
{
}

void ReplayGuard::reset(size_t seed)
{
    m_seed = seed;
    m_clients.clear();
}

std::optional<Refusal> ReplayGuard::admit(const QString& clientId, qint64 ts, const QString& nonce, qint64 now)
{
    ClientNonces& state = m_clients[clientId];
    if (ts < state.lastTimestamp)
        return Refusal {Protocol::Code::DuplicatedRequest,
            QStringLiteral("duplicated request: timestamp %1 is older than the previous %2")
                .arg(ts)
                .arg(state.lastTimestamp)};
    if (std::abs(ts - now) > clockSkewMs)
        return Refusal {Protocol::Code::DuplicatedRequest,
            QStringLiteral("duplicated request: timestamp is more than %1 minutes from the server's time")
                .arg(clockSkewMs / Protocol::Duration::minuteMs)};
    // A nonce is remembered while its request's timestamp is within the allowed skew: a replay after that is
    // refused for its timestamp anyway. Kept as a keyed 64-bit hash, at most maxNoncesPerClient.
    forget(state, now);
    const size_t key = qHash(nonce, m_seed);
    if (state.nonces.contains(key))
        return Refusal {Protocol::Code::DuplicatedRequest,
            QStringLiteral("duplicated request: nonce %1 was used before").arg(nonce)};
    if (state.nonces.size() >= maxNoncesPerClient)
        return Refusal {Protocol::Code::TooManyPending,
            QStringLiteral("too many requests: %1 signed requests within %2 minutes")
                .arg(maxNoncesPerClient)
                .arg(clockSkewMs / Protocol::Duration::minuteMs),
            429};
    state.nonces.insert(key);
    state.age.emplace_back(ts, key);
    state.lastTimestamp = ts;
    return std::nullopt;
}

void ReplayGuard::forget(ClientNonces& state, qint64 now)
{
    // Accepted timestamps never go back, so the oldest is always in front.
    while (!state.age.empty() && now - state.age.front().first > clockSkewMs) {
        state.nonces.remove(state.age.front().second);
        state.age.pop_front();
    }
}

void ReplayGuard::sweep(qint64 now)
{
    for (ClientNonces& c : m_clients)
        forget(c, now);
}

qsizetype ReplayGuard::nonceCount() const
{
    qsizetype n = 0;
    for (const ClientNonces& c : m_clients)
        n += c.nonces.size();
    return n;
}

} // namespace Mock
