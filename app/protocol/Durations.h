// The protocol's time windows (protocol.md §3–§7), in one place. Everything that waits, expires or forgets
// by one of these uses the constant, never a spelled-out number.
#pragma once

#include <QtGlobal>

namespace Protocol::Duration {

constexpr qint64 minuteMs = 60'000;
/// A ticket (QR session, initiated request) and the gateway's kept result: 18 minutes.
constexpr qint64 ticketMs = 18 * minuteMs;
/// A content encryption key (getKey): 24 hours.
constexpr qint64 cekMs = 24 * 60 * minuteMs;
/// An access token (getToken): 4 hours.
constexpr qint64 accessTokenMs = 4 * 60 * minuteMs;
/// An authorisation code, between the redirect and getToken: 60 seconds.
constexpr qint64 authCodeMs = minuteMs;
/// How far a signed request's timestamp may be from the server's time; a nonce is remembered this long (the
/// simulator's replay window).
constexpr qint64 clockSkewMs = 5 * minuteMs;
/// Longest pause between two callback delivery attempts (exponential back-off from one second).
constexpr qint64 deliveryBackoffMaxMs = minuteMs;

} // namespace Protocol::Duration
