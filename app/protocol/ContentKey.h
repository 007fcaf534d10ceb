#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace Protocol {

/// A content encryption key (CEK) and its validity (protocol.md §3.3).
struct ContentKey
{
    QByteArray key; ///< 32 bytes
    qint64 issueAt = 0;
    qint64 expiresAt = 0; ///< absolute epoch ms

    bool isValidAt(qint64 nowMs) const { return key.size() == 32 && nowMs < expiresAt; }

    /// `expiresIn` is a duration, or an absolute epoch-ms time when it exceeds 10^12 (disagreement 4).
    static qint64 expiryFrom(qint64 issueAt, qint64 expiresIn)
    {
        return expiresIn > 1'000'000'000'000LL ? expiresIn : issueAt + expiresIn;
    }
};

/// CEKs per clientID, thread-safe.
class ContentKeyCache
{
public:
    void put(const QString& clientId, const ContentKey& key);
    /// The client's key if it is still valid at `nowMs`.
    std::optional<ContentKey> valid(const QString& clientId, qint64 nowMs) const;
    /// The client's key even if it expired (to tell Code::CekInvalid from Code::DecryptionError, or decrypt late callbacks).
    std::optional<ContentKey> any(const QString& clientId) const;
    void remove(const QString& clientId);

private:
    mutable QMutex m_mutex;
    QHash<QString, ContentKey> m_keys;
};

} // namespace Protocol
