#pragma once

#include <QHash>
#include <QString>

namespace Mock {

/// `--rate-limit N`: at most N requests per client in each one-second window (fixed windows on the simulator's
/// clock). The table of clients is bounded: past maxClients, clients idle in the current second are forgotten,
/// and while it is still full every further client shares one overflow entry.
class RateLimiter
{
public:
    static constexpr qsizetype maxClients = 10'000;

    /// 0 (the default) admits everything.
    void setLimit(int perSecond) { m_limit = std::max(0, perSecond); }
    int limit() const { return m_limit; }
    /// Counts one request of `client` at `nowMs`; false when it is over the limit for this second.
    bool admit(const QString& client, qint64 nowMs);
    qsizetype size() const { return m_windows.size(); }

private:
    struct Window
    {
        qint64 second = -1;
        int count = 0;
    };
    int m_limit = 0;
    QHash<QString, Window> m_windows;
};

} // namespace Mock
