#include "RandomSource.h"

#include <openssl/rand.h>

#include <QRandomGenerator>

namespace Util {
namespace {
class SystemRandomSource : public RandomSource
{
public:
    QByteArray bytes(int count) override
    {
        QByteArray out(count, Qt::Uninitialized);
        // OpenSSL's DRBG (seeded from the OS, thread-safe): fast enough for an id per request, where asking the
        // CPU's RDRAND once per byte through QRandomGenerator::system() was a quarter of the simulator's time.
        if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) == 1)
            return out;
        auto* rng = QRandomGenerator::system();
        for (int i = 0; i < count; ++i)
            out[i] = char(rng->bounded(256));
        return out;
    }
};
} // namespace

RandomSource& RandomSource::system()
{
    static SystemRandomSource source;
    return source;
}

QByteArray FixedRandomSource::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        out[i] = m_pattern.isEmpty() ? char(m_counter++) : m_pattern.at(i % m_pattern.size());
    return out;
}

} // namespace Util
