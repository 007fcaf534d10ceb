#pragma once

#include <QElapsedTimer>
#include <QString>

class MainWindow;
namespace Mock {
class Simulator;
}

/// Measurement hooks of the console for ./scripts/bench (never used by tests): each prints one JSON line on
/// stdout and quits the application.
namespace Benchmarks {

/// --benchmark-history WORD: first paint, then the History dock brought to the front (time to its first painted
/// rows), the stored history read to the end, and the list filtered by WORD (time until it is painted again).
void history(MainWindow* window, const QString& word, const QElapsedTimer& sinceMain);

/// --benchmark-phone N: N login requests waiting on the virtual phone (made through the simulator's getQR), then
/// the time to show the phone with them, and to decide one (the list updated and painted).
void phone(MainWindow* window, Mock::Simulator* simulator, int count, const QElapsedTimer& sinceMain);

} // namespace Benchmarks
