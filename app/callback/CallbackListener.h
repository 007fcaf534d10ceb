#pragma once

#include "CallbackHistory.h"
#include "CallbackRecord.h"
#include "crypto/RsaKeys.h"
#include "protocol/ApiCatalog.h"
#include "protocol/Text.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <deque>
#include <memory>

namespace Net {
class HttpServer;
}

namespace Callback {

/// A request the console sent that will be answered by a callback.
struct ExpectedCallback
{
    QString requestId; ///< the console's id of the exchange
    QString apiId; ///< e.g. auth.profile
    QString callbackId; ///< e.g. callback.profile
    QString businessId; ///< empty for the auth (getQR) flow
    QString state;
};

struct ListenerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0: the OS chooses (never a fixed default)
    bool allowNonLoopback = false; ///< binding beyond loopback must be asked for explicitly
    bool https = false; ///< serve HTTPS with a certificate generated on start
    QString historyDir; ///< empty: keep history in memory only
    bool keepPersonalData = false; ///< false: tokens and decrypted personal data are redacted in historyDir
    Protocol::Language language = Protocol::Language::English; ///< of the browser pages
    int maxRecords = 10'000; ///< records kept in memory; the oldest are dropped first (and counted)
    qint64 maxRecordBytes = 64 * 1024 * 1024; ///< bodies and headers kept in memory, the same way
    QStringList publicNames; ///< Host names a tunnel forwards with ("host" or "host:port"); see Net::RequestGuard
};

/// The online service's callback endpoints (protocol.md §4.2, §4.11): serves every callback of the
/// catalog on its path, decrypts POST callbacks (secretKey unwrapped with the KEK private key, or the
/// current CEK), checks their shape, matches them to the request by businessID and state, answers as
/// a well-behaved online service, and keeps every one of them — the malformed included.
class CallbackListener : public QObject
{
    Q_OBJECT

public:
    explicit CallbackListener(const Protocol::ApiCatalog& catalog = Protocol::ApiCatalog::builtin(),
        const Util::Clock& clock = Util::Clock::system(), QObject* parent = nullptr);
    ~CallbackListener() override;

    /// Errors: "not-loopback" (a wider bind without allowNonLoopback), "listen-failed", "crypto-failure".
    Util::Status start(const ListenerOptions& options = {});
    void stop();
    bool isListening() const;
    QString baseUrl() const;
    /// The full URL of a callback, e.g. urlFor("callback.profile") → http://127.0.0.1:PORT/callback/profile
    QString urlFor(const QString& callbackId) const;
    /// callback id → path, for every callback of the catalog.
    QMap<QString, QString> callbackPaths() const;
    /// PEM of the HTTPS certificate (empty for HTTP).
    QByteArray certificatePem() const { return m_certificatePem; }

    void setKekPrivateKey(const Crypto::RsaPrivateKey& key) { m_kek = key; }
    void setCurrentCek(const QByteArray& cek) { m_cek = cek; }
    void setLanguage(Protocol::Language language) { m_options.language = language; }
    /// Host names besides the bound address that requests may name (a tunnel's, or the environment's callback
    /// base URL host); takes effect at once.
    void setPublicNames(const QStringList& names);
    /// The HTTP server (null when stopped): its guard and back-pressure figures.
    const Net::HttpServer* server() const { return m_server.get(); }
    /// Registers a request whose callback is awaited.
    void expect(const ExpectedCallback& expected);

    /// The callbacks received (loaded history first), oldest first: at most maxRecords of them.
    const QList<CallbackRecord>& records() const { return m_records; }
    /// How many of the oldest records were dropped from memory to respect the limits (they stay in the history
    /// folder when there is one).
    qint64 droppedCount() const { return m_dropped; }

signals:
    /// A record was appended to records().
    void callbackReceived(const Callback::CallbackRecord& record);
    /// The `count` oldest records were removed from the front of records(); `total` dropped so far.
    void recordsDropped(int count, qint64 total);
    /// records() was replaced as a whole (history loaded on start).
    void recordsReset();

private:
    Net::HttpResponse handle(const Net::HttpRequest& request);
    void handlePost(const Protocol::ApiSpec& api, const Net::HttpRequest& request, CallbackRecord& record);
    void handleGet(const Protocol::ApiSpec& api, const Net::HttpRequest& request, CallbackRecord& record);
    void match(CallbackRecord& record);
    QByteArray resultPage(const CallbackRecord& record) const;
    void keep(const CallbackRecord& record);
    /// Drops the oldest records beyond the limits; returns how many.
    int trim();
    void rememberFingerprint(const QByteArray& fingerprint);
    static QByteArray fingerprint(const CallbackRecord& record);
    static qint64 footprint(const CallbackRecord& record);

    const Protocol::ApiCatalog& m_catalog;
    const Util::Clock& m_clock;
    std::unique_ptr<Net::HttpServer> m_server;
    ListenerOptions m_options;
    CallbackHistory m_history;
    Crypto::RsaPrivateKey m_kek;
    QByteArray m_cek;
    QByteArray m_certificatePem;
    QList<ExpectedCallback> m_expected; ///< newest last, at most maxRecords
    QSet<QString> m_completed; ///< requests whose callback already arrived (of those in m_expected)
    QSet<QByteArray> m_seenBodies; ///< SHA-256 of method, path, query and body: exact replays
    std::deque<QByteArray> m_seenOrder; ///< the same, oldest first, at most maxRecords
    QList<CallbackRecord> m_records;
    qint64 m_recordBytes = 0;
    qint64 m_dropped = 0;
};

} // namespace Callback
