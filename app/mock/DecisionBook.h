// The requests waiting on the virtual phone and their life: pending → decided (approved, rejected, cancelled)
// or expired → erased once their window has passed. Bounded per client. Knows nothing of HTTP or crypto.
#pragma once

#include "SimulatorTypes.h"
#include "util/Result.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <deque>

namespace Mock {

class DecisionBook
{
public:
    /// `maxPerClient` undecided requests per client (and as many decided ones kept); decided requests are
    /// forgotten `decidedLifetimeMs` after their decision.
    void configure(int maxPerClient, qint64 decidedLifetimeMs);

    /// The code a decision other than approval ends with, per kind (protocol.md §6.6): `status` is rejected,
    /// cancelled or expired.
    static QString decisionCode(const QString& kind, const QString& status);

    /// Whether the client may have one more undecided request.
    bool admits(const QString& clientId) const;
    /// Whether a request of the client still held uses this businessID.
    bool holdsBusinessId(const QString& clientId, const QString& businessId) const;
    void reserveBusinessId(const QString& clientId, const QString& businessId);
    /// Adds an undecided request.
    void add(const PendingRequest& request);

    PendingRequest* find(const QString& id);
    const PendingRequest* find(const QString& id) const;
    const QHash<QString, PendingRequest>& all() const { return m_requests; }
    /// The undecided requests, oldest first.
    QList<PendingRequest> pending() const;

    /// pending → decided: records the status, code and time. Errors "not-found", "not-pending".
    Util::Result<PendingRequest*> settle(const QString& id, const QString& status, const QString& code, qint64 now);
    /// Forgets a request (with its businessID unless `keepBusinessId`). True when it was still undecided.
    bool erase(const QString& id, bool keepBusinessId = false);
    /// The ids of the client's oldest decided requests beyond its limit (to erase).
    QStringList overLimit(const QString& clientId);
    /// The undecided requests whose ticket has run out at `now`.
    QStringList due(qint64 now) const;
    /// The decided requests whose window has passed at `now`, taken off the decided lists (to erase).
    QStringList stale(qint64 now);
    /// Drops erased ids from the order list once it has grown.
    void compact();

    qsizetype undecidedCount() const;
    qsizetype businessIdCount() const;

private:
    struct ClientBook
    {
        QSet<QString> businessIds; ///< of the requests still held (forgotten with them)
        int undecided = 0; ///< requests waiting on the phone
        std::deque<QString> decided; ///< ids of decided requests still held, in decision order
    };

    int m_maxPerClient = 1000;
    qint64 m_decidedLifetimeMs = 0;
    QHash<QString, PendingRequest> m_requests;
    QStringList m_order;
    QHash<QString, ClientBook> m_clients;
};

} // namespace Mock
