// The simulator's mock certificate authority and the personas' signing keys: created once in the state dir
// (keys 0600), loaded afterwards; signs a hash (sign, bulk sign) or makes a PDF signature's CMS (pdfSign).
#pragma once

#include "Persona.h"
#include "crypto/Signing.h"
#include "util/Result.h"

#include <QHash>
#include <QJsonObject>

namespace Mock {

class MockCa
{
public:
    /// Loads `{stateDir}/ca/mock-ca.*` and `persona-<id>.*` for every persona that may sign, making and storing
    /// whatever is missing. Errors "io-error", "crypto-failure".
    Util::Status loadOrCreate(const QString& stateDir, const QList<Persona>& personas);
    QString certificatePath() const { return m_certificatePath; }
    QByteArray certificatePem() const { return m_certificatePem; }
    /// The persona's signing key and certificate, or null.
    const Crypto::CertifiedKey* signer(const QString& personaId) const;

    /// What a signing request's answer carries: {docDigest, pdfSignature} when the request has a docDigest (a CMS
    /// over it, signed at `nowMs`), else {hashCode, timestamp, signature}. Error "crypto-failure" (answered as Code::SignFailed).
    Util::Result<QJsonObject> sign(const QJsonObject& request, const Crypto::CertifiedKey& signer, qint64 nowMs) const;

private:
    QHash<QString, Crypto::CertifiedKey> m_signers; ///< persona id → signing key and certificate
    QString m_certificatePath;
    QByteArray m_certificatePem; ///< included in PDF signatures (the chain a PDF reader shows)
};

} // namespace Mock
