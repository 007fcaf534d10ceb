#pragma once

#include "util/Result.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <functional>

namespace Cli {

struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList&)> run;
};

/// Every subcommand; later modules (mock, listen, run) append theirs.
QList<Command>& commands();

/// QCommandLineParser with required options and exit codes: parse() returns -1 to go on,
/// 0 after --help, 2 (with a message naming the argument) on a usage error.
class Parser
{
public:
    Parser(const QString& command, const QString& description);
    void option(const QString& name, const QString& description, const QString& valueName = {}, bool required = false);
    void flag(const QString& name, const QString& description);
    void positional(const QString& name, const QString& description);
    int parse(const QStringList& arguments);

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }

private:
    QString m_command;
    QCommandLineParser m_parser;
    QStringList m_required;
    bool m_takesPositionals = false;
};

int usageError(const QString& message);
int failure(const Util::Error& error);
void printLine(const QByteArray& line);
void printRaw(const QByteArray& bytes);
void printJson(const QJsonObject& object);
void printJson(const QJsonArray& array);
/// Reads a file, or stdin for "-".
Util::Result<QByteArray> readInput(const QString& path);

} // namespace Cli
