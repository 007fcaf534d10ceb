#include "DecisionBook.h"

#include "protocol/ReturnCodes.h"

namespace Mock {

namespace Code = Protocol::Code;

void DecisionBook::configure(int maxPerClient, qint64 decidedLifetimeMs)
{
    m_maxPerClient = maxPerClient;
    m_decidedLifetimeMs = decidedLifetimeMs;
}

QString DecisionBook::decisionCode(const QString& kind, const QString& status)
{
    struct Codes
    {
        QString rejected, cancelled, expired;
    };
    const Codes codes = kind == QLatin1String("auth") ? Codes {Code::AuthRejected, Code::AuthCancelled, Code::AuthTimedOut}
        : kind == QLatin1String("profile") ? Codes {Code::ProfileRejected, Code::ProfileRejected, Code::ProfileTimedOut}
        : kind == QLatin1String("eme") || kind == QLatin1String("anon-eme")
        ? Codes {Code::FormRejected, Code::FormCancelled, Code::FormTimedOut}
        : kind == QLatin1String("bulksign") ? Codes {Code::BulkSignRejected, Code::BulkSignCancelled, Code::BulkSignTimedOut}
        : kind == QLatin1String("reauth") ? Codes {Code::ReauthRejected, Code::ReauthRejected, Code::ReauthTimedOut}
                                          : Codes {Code::SignRejected, Code::SignCancelled, Code::SignTimedOut};
    return status == QLatin1String("rejected") ? codes.rejected
        : status == QLatin1String("cancelled") ? codes.cancelled
                                               : codes.expired;
}

bool DecisionBook::admits(const QString& clientId) const
{
    return m_clients.value(clientId).undecided < m_maxPerClient;
}

bool DecisionBook::holdsBusinessId(const QString& clientId, const QString& businessId) const
{
    const auto it = m_clients.constFind(clientId);
    return it != m_clients.constEnd() && it->businessIds.contains(businessId);
}

void DecisionBook::reserveBusinessId(const QString& clientId, const QString& businessId)
{
    m_clients[clientId].businessIds.insert(businessId);
}

void DecisionBook::add(const PendingRequest& request)
{
    m_requests.insert(request.id, request);
    m_order.append(request.id);
    ++m_clients[request.clientId].undecided;
}

PendingRequest* DecisionBook::find(const QString& id)
{
    const auto it = m_requests.find(id);
    return it == m_requests.end() ? nullptr : &*it;
}

const PendingRequest* DecisionBook::find(const QString& id) const
{
    const auto it = m_requests.constFind(id);
    return it == m_requests.constEnd() ? nullptr : &*it;
}

QList<PendingRequest> DecisionBook::pending() const
{
    QList<PendingRequest> out;
    for (const QString& id : m_order) {
        const auto it = m_requests.constFind(id);
        if (it != m_requests.constEnd() && it->status == QLatin1String("pending"))
            out.append(*it);
    }
    return out;
}

Util::Result<PendingRequest*> DecisionBook::settle(
    const QString& id, const QString& status, const QString& code, qint64 now)
{
    PendingRequest* p = find(id);
    if (!p)
        return Util::Error {QStringLiteral("not-found"), QStringLiteral("no pending request %1").arg(id)};
    if (p->status != QLatin1String("pending"))
        return Util::Error {
            QStringLiteral("not-pending"), QStringLiteral("request %1 is already %2").arg(id, p->status)};
    // A failed approval (the persona may not sign, …) ends as a rejection.
    p->status = Code::isSuccess(code) || status != QLatin1String("approved") ? status : QStringLiteral("rejected");
    p->resultCode = code;
    p->decidedAt = now;
    ClientBook& owner = m_clients[p->clientId];
    owner.undecided = std::max(0, owner.undecided - 1);
    owner.decided.push_back(p->id);
    return p;
}

bool DecisionBook::erase(const QString& id, bool keepBusinessId)
{
    const auto it = m_requests.constFind(id);
    if (it == m_requests.constEnd())
        return false;
    ClientBook& owner = m_clients[it->clientId];
    const bool wasPending = it->status == QLatin1String("pending");
    if (wasPending)
        owner.undecided = std::max(0, owner.undecided - 1);
    if (!it->businessId.isEmpty() && !keepBusinessId)
        owner.businessIds.remove(it->businessId);
    m_requests.erase(it);
    // m_order is compacted by compact(); pending() skips ids that are gone.
    return wasPending;
}

QStringList DecisionBook::overLimit(const QString& clientId)
{
    QStringList out;
    ClientBook& owner = m_clients[clientId];
    while (owner.decided.size() > size_t(std::max(1, m_maxPerClient))) {
        out << owner.decided.front();
        owner.decided.pop_front();
    }
    return out;
}

QStringList DecisionBook::due(qint64 now) const
{
    QStringList out;
    for (const PendingRequest& p : m_requests) {
        if (p.status == QLatin1String("pending") && now >= p.expiresAt)
            out << p.id;
    }
    return out;
}

QStringList DecisionBook::stale(qint64 now)
{
    QStringList out;
    for (ClientBook& c : m_clients) {
        while (!c.decided.empty()) {
            const auto it = m_requests.constFind(c.decided.front());
            if (it != m_requests.constEnd() && now < it->decidedAt + m_decidedLifetimeMs)
                break;
            out << c.decided.front();
            c.decided.pop_front();
        }
    }
    return out;
}

void DecisionBook::compact()
{
    if (m_order.size() > 2 * m_requests.size() + 64)
        m_order.removeIf([this](const QString& id) { return !m_requests.contains(id); });
}

qsizetype DecisionBook::undecidedCount() const
{
    qsizetype n = 0;
    for (const PendingRequest& p : m_requests)
        n += p.status == QLatin1String("pending") ? 1 : 0;
    return n;
}

qsizetype DecisionBook::businessIdCount() const
{
    qsizetype n = 0;
    for (const ClientBook& c : m_clients)
        n += c.businessIds.size();
    return n;
}

} // namespace Mock
