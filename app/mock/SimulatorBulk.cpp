// Bulk signing enquiry and cancellation (seed 002 §3.14, §3.15; modelled: no wire format is published).
#include "Simulator.h"

namespace Mock {

namespace Code = Protocol::Code;

Net::HttpResponse Simulator::bulkAnswer(const ApiCall& call)
{
    const bool enquiry = call.api.id == QLatin1String("signing.bulkSign.enquiry");
    const QString businessId = call.body.value(QLatin1String("businessID")).toString();
    const PendingRequest* found = nullptr;
    for (const PendingRequest& p : m_book.all()) {
        if (p.clientId == call.client.clientId && p.businessId == businessId && p.kind == QLatin1String("bulksign"))
            found = &p;
    }
    if (!found)
        return envelope(Code::BulkSignNotFound,
            QStringLiteral("no bulk signing request with businessID %1 (modelled)").arg(businessId));
    const QString id = found->id;
    QJsonObject content {{QStringLiteral("businessID"), businessId}};
    if (enquiry) {
        content.insert(QStringLiteral("status"), found->status);
        if (found->status == QLatin1String("pending") || Code::isSuccess(found->resultCode)) {
            for (const char* key : {"documents", "cert"}) {
                if (found->result.contains(QLatin1String(key)))
                    content.insert(QLatin1String(key), found->result.value(QLatin1String(key)));
            }
            return envelope(Code::Success, {}, content, call.cek);
        }
        return envelope(found->resultCode,
            QStringLiteral("the bulk signing request ended with %1 (modelled)").arg(found->resultCode));
    }
    if (found->status != QLatin1String("pending"))
        return envelope(Code::BulkSignNotPending,
            QStringLiteral("the bulk signing request is %1, not pending for signing (modelled)").arg(found->status));
    (void)cancel(id); // the callback reports the cancellation as the phone's would
    content.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    return envelope(Code::Success, {}, content, call.cek);
}

} // namespace Mock
