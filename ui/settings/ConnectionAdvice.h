#pragma once

#include "session/ConnectionCheck.h"

#include <QCoreApplication>

/// What a connection test's verdict means for the person at the console, in the UI language: used by
/// Test connection in the environment editor and by an API page that gets the gateway's 401.
class ConnectionAdvice
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionAdvice)

public:
    static QString explain(const Session::ConnectionVerdict& verdict);
};
