#include "LanguageManager.h"
#include "MainWindow.h"

#include <QApplication>

#include <cstdio>
#include <cstring>

int main(int argc, char** argv)
{
    // --version must work without a display (package smoke test).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("iamsmart-console %s\n", IAMSMART_VERSION);
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("iamsmart-console"));
    QApplication::setOrganizationName(QStringLiteral("iamsmart-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("iAM Smart Sandbox Console"));
    QApplication::setApplicationVersion(QStringLiteral(IAMSMART_VERSION));

    LanguageManager languages;
    languages.setLanguage(LanguageManager::systemLanguage());
    MainWindow window(&languages);
    window.show();
    return app.exec();
}
