#include "CliCommands.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iamsmart"));
    QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IAMSMART_VERSION));
    return Cli::run(QCoreApplication::arguments());
}
