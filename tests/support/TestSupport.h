#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

namespace TestSupport {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs a program to completion (30 s at most) with optional stdin; fails the test if it cannot start.
inline ProcessResult run(
    const QString& program, const QStringList& args, const QByteArray& input = {}, const QString& workDir = {})
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "could not start " + program.toUtf8();
        return r;
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// The project's `iamsmart` tool.
inline QString iamsmartBinary()
{
    return QStringLiteral(IAMSMART_BIN_DIR "/iamsmart");
}

/// Runs the openssl command line (an independent implementation to check ours against).
inline ProcessResult openssl(const QStringList& args, const QByteArray& input = {}, const QString& workDir = {})
{
    return run(QStringLiteral("openssl"), args, input, workDir);
}

} // namespace TestSupport
