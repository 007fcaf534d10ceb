#pragma once

#include <QtGlobal>

namespace Util {

/// Source of wall-clock time in milliseconds since the epoch. Injected so tests can move time.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;

    /// The process-wide real clock.
    static const Clock& system();
};

/// A clock that only moves when told to (tests, simulations).
class ManualClock : public Clock
{
public:
    explicit ManualClock(qint64 nowMs = 0)
        : m_now(nowMs)
    {
    }
    qint64 nowMs() const override { return m_now; }
    void set(qint64 nowMs) { m_now = nowMs; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

} // namespace Util
