// libFuzzer target for the simulator's admin API (the virtual phone): /__mock/* routes with any method and
// JSON body, called on the simulator directly (fast), with requests pending so approve/reject/cancel/expire
// reach real state. Every answer must be a complete HTTP response.
#include "FuzzSupport.h"
#include "mock/Simulator.h"

#include <QUrl>

namespace {

const char* const routes[] = {"/__mock/personas", "/__mock/pending", "/__mock/faults", "/__mock/approve",
    "/__mock/reject", "/__mock/cancel", "/__mock/expire", "/__mock/qr/", "/__mock/"};

struct Harness : Fuzz::App
{
    Mock::Simulator simulator;
    QByteArray host;
    int counter = 0;

    Harness()
    {
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        if (!simulator.start(options))
            abort();
        host = "127.0.0.1:" + QByteArray::number(QUrl(simulator.baseUrl()).port());
    }

    /// A fresh pending request now and then, so decisions have something to act on.
    void addPending()
    {
        const auto& dev = simulator.clients().devClient();
        Net::HttpRequest r;
        r.method = "GET";
        r.path = "/api/v1/auth/getQR";
        r.query = "clientID=" + dev.clientId.toUtf8() + "&responseType=code&source=PC_Browser&redirectURI="
            + QUrl::toPercentEncoding(QStringLiteral("http://127.0.0.1:9/callback/auth")) + "&scope=eidapi_auth&lang=en-US&state=s";
        r.target = r.path + '?' + r.query;
        r.headers = {{"Host", host}};
        r.peer = QHostAddress(QHostAddress::LocalHost);
        (void)simulator.respond(r);
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
    if (size < 2)
        return 0;
    if (++h.counter % 16 == 1)
        h.addPending();
    const QByteArray rest(reinterpret_cast<const char*>(data) + 2, qsizetype(size - 2));
    Net::HttpRequest request;
    request.method = (data[0] & 0x80) ? "GET" : (data[0] & 0x40) ? "DELETE" : "POST";
    request.path = routes[(data[0] & 0x3f) % (sizeof(routes) / sizeof(*routes))];
    if (request.path.endsWith('/'))
        request.path += rest.left(data[1] & 0x1f).toPercentEncoding();
    request.target = request.path;
    request.body = rest;
    request.headers = {{"Host", h.host}};
    request.peer = QHostAddress(QHostAddress::LocalHost);
    if (!(data[1] & 0x80))
        request.headers.append(Net::HeaderList::value_type("Content-Type", "application/json"));
    if (data[1] & 0x40)
        request.headers.append(Net::HeaderList::value_type("Origin", "http://" + h.host));
    const Net::HttpResponse response = h.simulator.respond(request);
    if (response.status < 200 || response.status > 599)
        abort();
    return 0;
}
