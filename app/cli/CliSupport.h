#pragma once

#include "util/Result.h"

#include <QCommandLineParser>
#include <QHash>
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
    /// A secret: from `--NAME-file FILE` (FILE "-": standard input), from the environment variable `envVar`,
    /// or from `--NAME VALUE` (still accepted, with a one-line warning on stderr: ps and shell history show
    /// it; `--NAME -` reads standard input without a warning). A required secret must come from one of them.
    void secretOption(const QString& name, const QString& description, const QString& envVar, bool required = false);
    int parse(const QStringList& arguments);
    /// Whether any source of the secret was given.
    bool hasSecret(const QString& name) const;
    /// The secret's bytes (a file's trailing newline dropped); empty when none was given. Error "io-error"
    /// naming the option when its file cannot be read.
    Util::Result<QByteArray> secret(const QString& name) const;

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }

private:
    QString m_command;
    QCommandLineParser m_parser;
    QStringList m_required;
    QHash<QString, QString> m_secretEnv; ///< secret option -> environment variable
    QStringList m_requiredSecrets;
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
