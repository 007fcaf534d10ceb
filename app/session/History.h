#pragma once

#include "ConsoleSession.h"

#include <QJsonObject>
#include <QList>

namespace Session {

/// Exchanges on disk, one JSON file each (atomic writes), so the console reopens them after a restart.
/// Only what went over the wire is kept; the subscription key header is redacted before writing.
class ExchangeHistory
{
public:
    explicit ExchangeHistory(QString directory = {});
    Util::Status append(const Exchange& exchange) const;
    QList<Exchange> load() const;

    static QJsonObject toJson(const Exchange& exchange);
    static Exchange fromJson(const QJsonObject& object);

private:
    QString m_directory;
};

/// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of exchanges, with secrets redacted:
/// the subscription key header never leaves, and decrypted content rides along in `_decryptedContent`.
class Har
{
public:
    static QJsonObject build(const QList<Exchange>& exchanges, const QString& creatorVersion);
    static Util::Status write(const QList<Exchange>& exchanges, const QString& path, const QString& creatorVersion);
    /// Header names whose values are replaced by "[redacted]".
    static bool isSecretHeader(const QByteArray& name);
};

} // namespace Session
