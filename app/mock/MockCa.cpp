#include "MockCa.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <functional>

namespace Mock {

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Util::Status writeFile(const QString& path, const QByteArray& data, bool secret)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
    f.setPermissions(secret ? QFile::ReadOwner | QFile::WriteOwner
                            : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    f.write(data);
    return f.commit() ? Util::success()
                      : Util::Status(
                          Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())});
}

/// A stored key and certificate pair, or a new one made and stored.
Util::Result<Crypto::CertifiedKey> loadOrMake(
    const QDir& dir, const QString& name, const std::function<Util::Result<Crypto::CertifiedKey>()>& make)
{
    const QString keyPath = dir.filePath(name + QStringLiteral(".key"));
    const QString certPath = dir.filePath(name + QStringLiteral(".crt"));
    auto loaded = Crypto::Signing::load(readFile(keyPath), readFile(certPath));
    if (loaded)
        return loaded;
    auto made = make();
    if (!made)
        return made;
    if (auto s = writeFile(keyPath, made->key.toPem(), true); !s)
        return s.error();
    if (auto s = writeFile(certPath, made->certificatePem, false); !s)
        return s.error();
    return made;
}

} // namespace

Util::Status MockCa::loadOrCreate(const QString& stateDir, const QList<Persona>& personas)
{
    const QDir dir(QDir(stateDir).filePath(QStringLiteral("ca")));
    if (!QDir().mkpath(dir.path()))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot create %1").arg(dir.path())};
    auto ca = loadOrMake(dir, QStringLiteral("mock-ca"),
        [] { return Crypto::Signing::createAuthority(QStringLiteral("iAM Smart Mock CA")); });
    if (!ca)
        return ca.error();
    m_certificatePath = dir.filePath(QStringLiteral("mock-ca.crt"));
    m_certificatePem = ca->certificatePem;
    m_signers.clear();
    for (const Persona& p : personas) {
        if (!p.canSign())
            continue;
        const QString cn = p.displayName.en().isEmpty() ? p.id : p.displayName.en();
        auto signer = loadOrMake(dir, QStringLiteral("persona-") + p.id,
            [&] { return Crypto::Signing::issue(*ca, cn, QStringLiteral("iAM Smart Mock CA")); });
        if (!signer)
            return signer.error();
        m_signers.insert(p.id, *signer);
    }
    return Util::success();
}

const Crypto::CertifiedKey* MockCa::signer(const QString& personaId) const
{
    const auto it = m_signers.constFind(personaId);
    return it == m_signers.constEnd() ? nullptr : &*it;
}

Util::Result<QJsonObject> MockCa::sign(
    const QJsonObject& request, const Crypto::CertifiedKey& signer, qint64 nowMs) const
{
    if (request.contains(QLatin1String("docDigest"))) {
        // PDF signing: the CMS a PDF signer embeds (adbe.pkcs7.detached): docDigest is its messageDigest.
        const QByteArray digest
            = QByteArray::fromBase64(request.value(QLatin1String("docDigest")).toString().toLatin1());
        auto cms = Crypto::Signing::cmsForDigest(
            signer, m_certificatePem, digest, QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC));
        if (!cms)
            return cms.error();
        return QJsonObject {{QStringLiteral("docDigest"), request.value(QLatin1String("docDigest"))},
            {QStringLiteral("pdfSignature"), QString::fromLatin1(cms->toBase64())}};
    }
    const QString hashCode = request.value(QLatin1String("hashCode")).toString();
    const QString algorithm = request.value(QLatin1String("sigAlgo")).toString(QStringLiteral("SHA256withRSA"));
    auto signature = Crypto::Signing::sign(signer.key, QByteArray::fromBase64(hashCode.toLatin1()), algorithm);
    if (!signature)
        return signature.error();
    return QJsonObject {{QStringLiteral("hashCode"), hashCode}, {QStringLiteral("timestamp"), nowMs},
        {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}};
}

} // namespace Mock
