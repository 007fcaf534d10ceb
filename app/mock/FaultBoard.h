#pragma once

#include "protocol/ApiCatalog.h"
#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Mock {

/// One armed answer: the next `times` requests to `api` (every API when empty) answer `code`.
struct ArmedFault
{
    QString api;
    QString code;
    int times = 1;

    QJsonObject toJson() const;
};

/// "Any code on demand" (POST /__mock/faults {"api","code","times"}): a bounded list of armed answers, checked
/// against the catalog when armed and consumed one request at a time.
class FaultBoard
{
public:
    static constexpr int maxFaults = 64; ///< distinct (api, code) entries armed at once
    static constexpr int maxTimes = 10'000; ///< requests one entry may answer

    /// Why an arming was refused: the request field at fault and what is wrong with it.
    struct Refusal
    {
        QString field;
        QString detail;
    };

    /// Checks `body` (api optional, code required, times optional, default 1) against `catalog`: the api must be a
    /// catalog id of the iAM Smart family, the code one it lists (any listed D-code without an api). Arming an entry
    /// already armed adds to its times.
    std::optional<Refusal> arm(const Protocol::ApiCatalog& catalog, const QJsonObject& body);
    /// The code the next request to `apiId` answers, consumed; the API's own entries before the every-API ones
    /// (those only when `everyApi`: callbacks take their own entries alone).
    std::optional<QString> take(const QString& apiId, bool everyApi = true);
    void clear() { m_faults.clear(); }
    QJsonArray toJson() const;
    qsizetype size() const { return m_faults.size(); }

private:
    QList<ArmedFault> m_faults;
};

} // namespace Mock
