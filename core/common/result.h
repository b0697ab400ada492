#pragma once

#include "error.h"

#include <optional>
#include <utility>
#include <variant>

namespace ap {

/// A value or an Error (an `expected` for C++20). Accessing the wrong alternative is a bug and
/// asserts; callers test with ok()/operator bool first.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_v); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }
    std::optional<T> toOptional() const { return ok() ? std::optional<T>(value()) : std::nullopt; }

private:
    std::variant<T, Error> m_v;
};

/// Result of an operation with no value.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)), m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, QString where, QString detail, QString hint = {}, int kernelErrno = 0)
{
    return Error{code, std::move(where), std::move(detail), std::move(hint), kernelErrno};
}

} // namespace ap
