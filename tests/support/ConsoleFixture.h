#pragma once

#include "LanguageManager.h"
#include "MainWindow.h"
#include "mock/Simulator.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace TestSupport {

/// The console as a window test meets it: a fresh profile in QStandardPaths' test mode (named after the test), a
/// simulator keeping its state in `dir`, and the main window shown (at `size` when given). QVERIFY failures end
/// the calling test too (check QTest::currentTestFailed()).
inline void openConsole(const QString& testName, const QTemporaryDir& dir, std::unique_ptr<Mock::Simulator>& simulator,
    std::unique_ptr<LanguageManager>& languages, std::unique_ptr<MainWindow>& window, QSize size = {})
{
    QVERIFY(dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console-test"));
    QCoreApplication::setApplicationName(testName);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();
    simulator = std::make_unique<Mock::Simulator>();
    Mock::SimulatorOptions options;
    options.stateDir = dir.filePath(QStringLiteral("state"));
    QVERIFY(simulator->start(options).ok());
    languages = std::make_unique<LanguageManager>();
    window = std::make_unique<MainWindow>(languages.get(), simulator.get());
    if (size.isValid())
        window->resize(size);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
}

} // namespace TestSupport
