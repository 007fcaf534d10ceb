#pragma once

#include "CallbackRecord.h"
#include "util/Result.h"

#include <QList>
#include <QString>

namespace Callback {

/// Received callbacks on disk: one JSON file per callback, each written atomically (QSaveFile), so a
/// crash mid-write loses at most that entry and never corrupts the others. Files are 0600 in a 0700
/// folder; tokens and decrypted personal data are "[redacted]" unless `keepPersonalData`.
class CallbackHistory
{
public:
    /// An empty `directory` keeps the history in memory only.
    explicit CallbackHistory(QString directory = {}, bool keepPersonalData = false);

    /// Reads every stored record, oldest first; unreadable files are skipped and reported in `problems`.
    QList<CallbackRecord> load(QStringList* problems = nullptr) const;
    /// Error "io-error" if the record could not be written.
    Util::Status append(const CallbackRecord& record) const;
    QString directory() const { return m_directory; }

private:
    QString m_directory;
    bool m_keepPersonalData = false;
};

} // namespace Callback
