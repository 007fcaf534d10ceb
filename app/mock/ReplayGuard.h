// The simulator's replay guard for signed requests (protocol.md §2): per client, timestamps never go back, stay
// within the allowed clock skew of the server's time, and each nonce is accepted once while it could be replayed.
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>

namespace Mock {

/// Why a request was refused: an iAM Smart code, a detail naming the field, and the HTTP status.
struct Refusal
{
    QString code;
    QString detail;
    int httpStatus = 200;
};

class ReplayGuard
{
public:
    /// Signed requests one client may send within the skew window (more get HTTP 429).
    static constexpr qsizetype maxNoncesPerClient = 100'000;

    /// `seed` keys the nonce hashes (random per simulator run, so stored hashes say nothing across runs).
    explicit ReplayGuard(size_t seed = 0);
    void reset(size_t seed);

    /// Admits one signed request of `clientId` (its signature already verified) and remembers its nonce, or says
    /// why it is a replay: Code::DuplicatedRequest for an old timestamp, a timestamp too far from `now` or a nonce seen before,
    /// Code::TooManyPending (HTTP 429) when the client holds maxNoncesPerClient nonces.
    std::optional<Refusal> admit(const QString& clientId, qint64 timestamp, const QString& nonce, qint64 now);
    /// Forgets the nonces whose timestamps are out of the window.
    void sweep(qint64 now);
    /// Nonces remembered over all clients.
    qsizetype nonceCount() const;

private:
    struct ClientNonces
    {
        qint64 lastTimestamp = 0;
        QSet<size_t> nonces; ///< keyed hashes of the nonces seen within the window
        std::deque<std::pair<qint64, size_t>> age; ///< (timestamp, nonce hash), oldest first, for O(1) expiry
    };
    static void forget(ClientNonces& state, qint64 now);

    size_t m_seed = 0;
    QHash<QString, ClientNonces> m_clients;
};

} // namespace Mock
