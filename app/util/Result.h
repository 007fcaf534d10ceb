#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Util {

/// An error as a value: a stable machine-readable code and a human-readable detail.
/// Core code never translates; the UI maps `code` to translated text and shows `detail` verbatim.
struct Error
{
    QString code;
    QString detail;

    bool operator==(const Error&) const = default;
    QString toString() const { return detail.isEmpty() ? code : code + QLatin1String(": ") + detail; }
};

/// Either a value or an Error. Core functions that can fail return one of these instead of throwing.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::move(error))
    {
    }
    static Result failure(const QString& code, const QString& detail = {}) { return Result(Error {code, detail}); }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result for operations that produce nothing but may fail.
struct Nothing
{
};
using Status = Result<Nothing>;
inline Status success()
{
    return Status(Nothing {});
}

} // namespace Util
