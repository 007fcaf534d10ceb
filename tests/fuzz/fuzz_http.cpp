// libFuzzer target for the HTTP server glue: raw bytes (request lines, headers, chunked bodies, pipelined
// requests, garbage) on a real loopback connection to Net::HttpServer, behind which the simulator's routing
// (API, gateway, QR page and admin API) answers. The server must answer or close, and keep serving.
#include "FuzzSupport.h"
#include "mock/Simulator.h"

#include <QUrl>

namespace {

struct Harness : Fuzz::App
{
    Mock::Simulator simulator;
    quint16 port = 0;
    int counter = 0;

    Harness()
    {
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        if (!simulator.start(options))
            abort();
        port = quint16(QUrl(simulator.baseUrl()).port());
    }
};

} // namespace

namespace {
Harness* harness = nullptr;
} // namespace

// The harness (keys, servers) is made before the first input, so its start-up never counts as a slow input.
extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    harness = new Harness;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Harness& h = *harness;
    Fuzz::exchange(h.port, QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    Fuzz::assertServing(h.port, "/__mock/personas", h.counter);
    return 0;
}
