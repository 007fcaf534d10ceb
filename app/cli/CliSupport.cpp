#include "CliSupport.h"
#include "protocol/Envelope.h"

#include "CliCommands.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace Cli {

Parser::Parser(const QString& command, const QString& description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
}

void Parser::option(const QString& name, const QString& description, const QString& valueName, bool required)
{
    m_parser.addOption(QCommandLineOption(name, description, valueName));
    if (required)
        m_required << name;
}

void Parser::flag(const QString& name, const QString& description)
{
    m_parser.addOption(QCommandLineOption(name, description));
}

void Parser::positional(const QString& name, const QString& description)
{
    m_parser.addPositionalArgument(name, description);
    m_takesPositionals = true;
}

void Parser::secretOption(const QString& name, const QString& description, const QString& envVar, bool required)
{
    m_parser.addOption(QCommandLineOption(name,
        QStringLiteral("%1 (visible to ps: prefer %2 or --%3-file)").arg(description, envVar, name),
        QStringLiteral("VALUE")));
    m_parser.addOption(QCommandLineOption(name + QStringLiteral("-file"),
        QStringLiteral("read --%1 from FILE, - for standard input").arg(name), QStringLiteral("FILE")));
    m_secretEnv.insert(name, envVar);
    if (required)
        m_requiredSecrets << name;
}

bool Parser::hasSecret(const QString& name) const
{
    return m_parser.isSet(name) || m_parser.isSet(name + QStringLiteral("-file"))
        || qEnvironmentVariableIsSet(m_secretEnv.value(name).toLatin1().constData());
}

Util::Result<QByteArray> Parser::secret(const QString& name) const
{
    QString file = m_parser.value(name + QStringLiteral("-file"));
    if (file.isEmpty() && m_parser.value(name) == QLatin1String("-"))
        file = QStringLiteral("-");
    if (!file.isEmpty()) {
        auto bytes = readInput(file);
        if (!bytes)
            return Util::Error {bytes.error().code, QStringLiteral("--%1-file: %2").arg(name, bytes.error().detail)};
        QByteArray value = bytes.value();
        if (value.endsWith('\n'))
            value.chop(value.endsWith("\r\n") ? 2 : 1);
        return value;
    }
    if (m_parser.isSet(name))
        return m_parser.value(name).toUtf8();
    return qgetenv(m_secretEnv.value(name).toLatin1().constData());
}

int Parser::parse(const QStringList& arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(QStringLiteral("%1: %2").arg(m_command, m_parser.errorText()));
    if (m_parser.isSet(QStringLiteral("help"))) {
        printRaw(
            m_parser.helpText()
                .replace(QStringLiteral("Usage: ") + arguments.first(), QStringLiteral("Usage: iamsmart ") + m_command)
                .toUtf8());
        return Ok;
    }
    for (const QString& name : m_required) {
        if (!m_parser.isSet(name))
            return usageError(QStringLiteral("%1: missing required option --%2").arg(m_command, name));
    }
    for (auto it = m_secretEnv.cbegin(); it != m_secretEnv.cend(); ++it) {
        if (m_requiredSecrets.contains(it.key()) && !hasSecret(it.key()))
            return usageError(QStringLiteral("%1: missing required option --%2 (or --%2-file, or %3)")
                                  .arg(m_command, it.key(), it.value()));
        if (m_parser.isSet(it.key()) && m_parser.isSet(it.key() + QStringLiteral("-file")))
            return usageError(
                QStringLiteral("%1: give --%2 or --%2-file, not both").arg(m_command, it.key()));
        if (m_parser.isSet(it.key()) && m_parser.value(it.key()) != QLatin1String("-"))
            std::fprintf(stderr,
                "iamsmart: warning: --%s on the command line is visible to other users and in shell history; "
                "use %s or --%s-file\n",
                qPrintable(it.key()), qPrintable(it.value()), qPrintable(it.key()));
    }
    if (!m_takesPositionals && !m_parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("%1: unexpected argument '%2'").arg(m_command, m_parser.positionalArguments().first()));
    return -1;
}

int usageError(const QString& message)
{
    std::fprintf(stderr, "iamsmart: %s\n", message.toLocal8Bit().constData());
    return Usage;
}

int failure(const Util::Error& error)
{
    std::fprintf(stderr, "iamsmart: error %s: %s\n", error.code.toLocal8Bit().constData(),
        error.detail.toLocal8Bit().constData());
    return Failed;
}

void printRaw(const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printLine(const QByteArray& line)
{
    printRaw(line + '\n');
}

void printJson(const QJsonObject& object)
{
    printLine(Protocol::compactJson(object));
}

void printJson(const QJsonArray& array)
{
    printLine(Protocol::compactJson(array));
}

Util::Result<QByteArray> readInput(const QString& path)
{
    QFile file;
    const bool ok = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                               : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!ok)
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, file.errorString())};
    return file.readAll();
}

} // namespace Cli
