#pragma once

#include "net/HttpMessage.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Callback {

/// How a received callback relates to the requests the console sent.
namespace Match {
inline const QString Matched = QStringLiteral("matched");
inline const QString StateMismatch = QStringLiteral("state-mismatch"); ///< possible CSRF
inline const QString Duplicate = QStringLiteral("duplicate"); ///< replayed or delivered twice
inline const QString UnknownBusinessId = QStringLiteral("unknown-business-id"); ///< kept, flagged
inline const QString UnknownState = QStringLiteral("unknown-state"); ///< GET callbacks carry no businessID
inline const QString Undecryptable = QStringLiteral("undecryptable");
inline const QString Rejected = QStringLiteral("rejected"); ///< not a callback we serve, or malformed
} // namespace Match

/// Everything known about one received callback: the raw request, what it decrypted to, how it matched.
struct CallbackRecord
{
    QString id;
    qint64 receivedAt = 0;
    QString callbackId; ///< catalog id, e.g. callback.profile; empty for an unknown path
    QByteArray method;
    QByteArray path;
    QByteArray query;
    Net::HeaderList headers;
    QByteArray body;
    int httpStatus = 200; ///< what the listener answered
    QString envelopeCode; ///< the envelope's `code` (POST) or `error_code` (GET)
    QJsonValue content; ///< decrypted content (POST) or the query as an object (GET)
    QString errorCode; ///< why decryption or parsing failed; empty on success
    QString errorDetail;
    QStringList shapeProblems; ///< content fields that break the catalog's callback shape
    QString businessId;
    QString state;
    QString matchStatus;
    QString matchedRequestId;

    QJsonObject toJson() const;
    static CallbackRecord fromJson(const QJsonObject& object);
};

} // namespace Callback
