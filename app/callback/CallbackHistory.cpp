#include "CallbackHistory.h"

#include "protocol/Redaction.h"
#include "util/PrivateFile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Callback {

CallbackHistory::CallbackHistory(QString directory, bool keepPersonalData)
    : m_directory(std::move(directory))
    , m_keepPersonalData(keepPersonalData)
{
}

QList<CallbackRecord> CallbackHistory::load(QStringList* problems) const
{
    QList<CallbackRecord> out;
    if (m_directory.isEmpty())
        return out;
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        QJsonParseError error;
        const QJsonDocument doc
            = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll(), &error) : QJsonDocument();
        if (!doc.isObject()) {
            if (problems)
                *problems << name;
            continue;
        }
        out.append(CallbackRecord::fromJson(doc.object()));
    }
    std::stable_sort(out.begin(), out.end(),
        [](const CallbackRecord& a, const CallbackRecord& b) { return a.receivedAt < b.receivedAt; });
    return out;
}

Util::Status CallbackHistory::append(const CallbackRecord& record) const
{
    if (m_directory.isEmpty())
        return Util::success();
    if (auto made = Util::makePrivateDirectory(m_directory); !made)
        return made;
    // Zero-padded time first, so names sort by arrival.
    const QString name = QStringLiteral("%1-%2.json").arg(record.receivedAt, 15, 10, QLatin1Char('0')).arg(record.id);
    CallbackRecord stored = record;
    if (!m_keepPersonalData) {
        stored.body = Protocol::redactPersonalDataText(stored.body);
        if (!stored.content.isUndefined())
            stored.content = Protocol::redactPersonalData(stored.content);
    }
    return Util::writePrivateFile(
        QDir(m_directory).filePath(name), QJsonDocument(stored.toJson()).toJson(QJsonDocument::Indented));
}

} // namespace Callback
