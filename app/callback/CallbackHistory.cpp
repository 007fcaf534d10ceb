#include "CallbackHistory.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Callback {

CallbackHistory::CallbackHistory(QString directory)
    : m_directory(std::move(directory))
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
    if (!QDir().mkpath(m_directory))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot create %1").arg(m_directory)};
    // Zero-padded time first, so names sort by arrival.
    const QString name = QStringLiteral("%1-%2.json").arg(record.receivedAt, 15, 10, QLatin1Char('0')).arg(record.id);
    QSaveFile f(QDir(m_directory).filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return Util::Error {QStringLiteral("io-error"), f.errorString()};
    f.write(QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Util::Error {QStringLiteral("io-error"), f.errorString()};
    return Util::success();
}

} // namespace Callback
