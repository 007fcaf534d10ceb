// Bulk signing enquiry and cancellation (seed 002 §3.14, §3.15; modelled: no wire format is published).
#include "OutcomeCodes.h"
#include "Simulator.h"
#include "SimulatorInternal.h"

namespace Mock {

std::optional<Net::HttpResponse> Simulator::bulkAnswer(
    const Protocol::ApiSpec& api, const QString& clientId, const QString& businessId, const QByteArray& cek)
{
    const bool enquiry = api.id == QLatin1String("signing.bulkSign.enquiry");
    if (!enquiry && api.id != QLatin1String("signing.bulkSign.cancel"))
        return std::nullopt;
    const PendingRequest* found = nullptr;
    for (const PendingRequest& p : std::as_const(m_pending)) {
        if (p.clientId == clientId && p.businessId == businessId && p.kind == QLatin1String("bulksign"))
            found = &p;
    }
    if (!found)
        return envelope(QLatin1String(OutcomeCodes::bulkNotFound),
            QStringLiteral("no bulk signing request with businessID %1 (modelled)").arg(businessId));
    const QString id = found->id;
    QJsonObject content {{QStringLiteral("businessID"), businessId}};
    if (enquiry) {
        content.insert(QStringLiteral("status"), found->status);
        if (found->status == QLatin1String("pending") || found->resultCode == QLatin1String(OutcomeCodes::success)) {
            for (const char* key : {"documents", "cert"}) {
                if (found->result.contains(QLatin1String(key)))
                    content.insert(QLatin1String(key), found->result.value(QLatin1String(key)));
            }
            return envelope(QLatin1String(OutcomeCodes::success), {}, content, cek);
        }
        return envelope(found->resultCode,
            QStringLiteral("the bulk signing request ended with %1 (modelled)").arg(found->resultCode));
    }
    if (found->status != QLatin1String("pending"))
        return envelope(QLatin1String(OutcomeCodes::bulkNotPending),
            QStringLiteral("the bulk signing request is %1, not pending for signing (modelled)").arg(found->status));
    (void)cancel(id); // the callback reports the cancellation as the phone's would
    content.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    return envelope(QLatin1String(OutcomeCodes::success), {}, content, cek);
}

} // namespace Mock
