#include "BrowserLauncher.h"

#include <QProcess>

namespace Util {

bool openWithBrowserCommand(const QString& command, const QString& url)
{
    QStringList args = QProcess::splitCommand(command);
    if (args.isEmpty())
        return false;
    const QString program = args.takeFirst();
    args << url;
    return QProcess::startDetached(program, args);
}

} // namespace Util
