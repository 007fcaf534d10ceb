#include "LanguageManager.h"
#include "MainWindow.h"
#include "mock/Simulator.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTimer>

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
    // The embedded iAM Smart: the default environment, ready with no setup on an OS-chosen port.
    Mock::Simulator simulator;
    Mock::SimulatorOptions options;
    options.stateDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/mock");
    const Util::Status started = simulator.start(options);
    if (!started)
        qWarning("embedded simulator did not start: %s", qPrintable(started.error().toString()));
    MainWindow window(&languages, &simulator);

    // Secrets go to the OS keychain when one answers (within 3 s); otherwise this session only, said visibly.
    Storage::KeychainSecretStore keychain;
    bool keychainWorks = false;
    {
        QEventLoop wait;
        Storage::KeychainSecretStore::probe(&wait, [&](Util::Status status) {
            keychainWorks = status.ok();
            wait.quit();
        });
        QTimer::singleShot(3000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    if (keychainWorks)
        window.setSecretStore(&keychain);
    window.show();
    return app.exec();
}
