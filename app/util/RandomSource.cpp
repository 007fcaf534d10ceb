#include "RandomSource.h"

#include <QRandomGenerator>

namespace Util {
namespace {
class SystemRandomSource : public RandomSource
{
public:
    QByteArray bytes(int count) override
    {
        QByteArray out(count, Qt::Uninitialized);
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
