#pragma once

#include <QByteArray>

namespace Util {

/// Source of random bytes. The system one is cryptographically secure; tests inject a fixed one.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    virtual QByteArray bytes(int count) = 0;

    /// A CSPRNG: OpenSSL's DRBG seeded from the OS (QRandomGenerator::system() if it ever fails).
    static RandomSource& system();
};

/// Deterministic bytes for known-answer tests: repeats `pattern`, or counts up from `start` when empty.
class FixedRandomSource : public RandomSource
{
public:
    explicit FixedRandomSource(QByteArray pattern = {}, quint8 start = 0)
        : m_pattern(std::move(pattern))
        , m_counter(start)
    {
    }
    QByteArray bytes(int count) override;

private:
    QByteArray m_pattern;
    quint8 m_counter;
};

} // namespace Util
