#pragma once

#include "ConsoleSession.h"
#include "util/Clock.h"

#include <QJsonObject>
#include <QList>

namespace Session {

/// What history keeps and for how long; the console shows and stores these in QSettings ("history/...").
struct HistorySettings
{
    /// Off (the default): tokens and decrypted personal data are "[redacted]" in history files and HAR.
    bool keepPersonalData = false;
    int retentionDays = 30; ///< 0: no age limit
    int retentionCount = 1000; ///< 0: no count limit

    static HistorySettings load();
    void save() const;
};

/// The exchange as history and HAR keep it: bodies, plaintext and decrypted content redacted
/// (Protocol::redactPersonalData) unless `keepPersonalData`.
Exchange redactedForStorage(const Exchange& exchange, bool keepPersonalData);

/// Exchanges on disk, one JSON file each (atomic writes), so the console reopens them after a restart.
/// Only what went over the wire is kept; the subscription key header is redacted before writing.
class ExchangeHistory
{
public:
    explicit ExchangeHistory(
        QString directory = {}, HistorySettings settings = {}, const Util::Clock& clock = Util::Clock::system());
    void setSettings(const HistorySettings& settings) { m_settings = settings; }
    const HistorySettings& settings() const { return m_settings; }
    /// Writes the exchange (0600 in a 0700 folder, redacted as the settings say), then applies retention.
    Util::Status append(const Exchange& exchange) const;
    /// Applies retention first, so what is older than the settings allow is gone before it is read.
    QList<Exchange> load() const;
    /// Removes what retention no longer allows; returns how many files went.
    int prune(qint64 nowMs) const;

    static QJsonObject toJson(const Exchange& exchange);
    static Exchange fromJson(const QJsonObject& object);

private:
    QString m_directory;
    HistorySettings m_settings;
    const Util::Clock* m_clock; ///< retention's "now"
};

/// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) of exchanges, with secrets redacted:
/// the subscription key header never leaves, and decrypted content rides along in `_decryptedContent`.
class Har
{
public:
    /// Tokens and decrypted personal data (_plaintextBody, _decryptedContent, bodies) are redacted unless
    /// `keepPersonalData`.
    static QJsonObject build(
        const QList<Exchange>& exchanges, const QString& creatorVersion, bool keepPersonalData = false);
    static Util::Status write(const QList<Exchange>& exchanges, const QString& path, const QString& creatorVersion,
        bool keepPersonalData = false);
    /// Header names whose values are replaced by "[redacted]".
    static bool isSecretHeader(const QByteArray& name);
};

} // namespace Session
