#pragma once

#include "mock/Simulator.h"

#include <QTemporaryDir>

#include <memory>

namespace TestSupport {

/// An in-process simulator on a loopback port, its state in `dir`/state: null when it did not start.
inline std::unique_ptr<Mock::Simulator> startSimulator(const QTemporaryDir& dir)
{
    auto simulator = std::make_unique<Mock::Simulator>();
    Mock::SimulatorOptions options;
    options.stateDir = dir.filePath(QStringLiteral("state"));
    if (!simulator->start(options).ok())
        return nullptr;
    return simulator;
}

} // namespace TestSupport
