#include "Report.h"

#include <array>

#include "qr/QrEncoder.h"
#include "session/History.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QXmlStreamWriter>

namespace Flows {
namespace {

using Protocol::Language;
using Protocol::Text;

QString t(Language l, const char* en, const char* hk, const char* cn)
{
    return Text(QString::fromUtf8(en), QString::fromUtf8(hk), QString::fromUtf8(cn)).get(l);
}

/// A sequence message's label in `l`: the runner keeps its facts in English (paths, codes and the words below);
/// they are put into the language when drawn, so a diagram follows a language switch.
QString messageLabel(const QString& label, Language l)
{
    if (l == Language::English)
        return label;
    static const QList<std::array<const char*, 3>> words {
        {"JWE decrypted", "JWE 已解密", "JWE 已解密"},
        {"GET QR page", "GET 二維碼頁面", "GET 二维码页面"},
        {"QR page", "二維碼頁面", "二维码页面"},
        {"302 redirect", "302 重新導向", "302 重定向"},
        {"GET callback", "GET 回調", "GET 回调"},
        {"approve", "批准", "批准"},
        {"reject", "拒絕", "拒绝"},
        {"cancel", "取消", "取消"},
        {"expire", "逾時", "超时"},
        {"auth", "登入", "登录"},
        {"profile", "提供個人資料", "提供个人资料"},
        {"eme", "填表", "填表"},
        {"anon-eme", "填表", "填表"},
        {"reauth", "確認身份", "确认身份"},
        {"sign", "簽署", "签署"},
        {"bulksign", "簽署文件", "签署文件"},
    };
    for (const auto& w : words) {
        if (label == QLatin1String(w[0]))
            return t(l, w[0], w[1], w[2]);
    }
    return label;
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

QString Report::laneName(const QString& lane, Language l)
{
    if (lane == Lane::Browser)
        return t(l, "Browser / App", "瀏覽器／應用程式", "浏览器／应用程序");
    if (lane == Lane::Service)
        return t(l, "Online service (this console)", "網上服務（本控制台）", "网上服务（本控制台）");
    if (lane == Lane::IamSmart)
        return t(l, "iAM Smart", "智方便", "智方便");
    return t(l, "Phone", "手機", "手机");
}

QByteArray Report::junit(const FlowSpec& flow, const FlowResult& result)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeStartElement(QStringLiteral("testsuite"));
    int failures = 0;
    int skipped = 0;
    for (const StepResult& s : result.steps) {
        failures += s.state == StepState::Failed ? 1 : 0;
        skipped += s.state == StepState::Pending ? 1 : 0;
    }
    xml.writeAttribute(QStringLiteral("name"), flow.id);
    xml.writeAttribute(QStringLiteral("tests"), QString::number(result.steps.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    xml.writeAttribute(
        QStringLiteral("time"), QString::number(double(result.finishedAt - result.startedAt) / 1000.0, 'f', 3));
    for (const StepResult& s : result.steps) {
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), flow.id);
        xml.writeAttribute(QStringLiteral("name"), s.stepId + QStringLiteral(" (") + s.apiId + QLatin1Char(')'));
        xml.writeAttribute(QStringLiteral("time"),
            QString::number(s.finishedAt > 0 ? double(s.finishedAt - s.startedAt) / 1000.0 : 0.0, 'f', 3));
        if (s.state == StepState::Failed) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("type"), s.code);
            xml.writeAttribute(QStringLiteral("message"), s.code + QStringLiteral(": ") + s.detail);
            xml.writeCharacters(s.detail);
            xml.writeEndElement();
        } else if (s.state == StepState::Pending) {
            xml.writeEmptyElement(QStringLiteral("skipped"));
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QString Report::sequenceSvg(const QList<SequenceMessage>& messages, Language language)
{
    const QStringList lanes {Lane::Browser, Lane::Service, Lane::IamSmart, Lane::Phone};
    const int laneWidth = 240; // room for the longest lane title ("Online service (this console)") in its box
    const int top = 60;
    const int step = 34;
    const int width = laneWidth * int(lanes.size());
    const int height = top + step * int(messages.size() + 1);
    auto x = [&](const QString& lane) { return laneWidth / 2 + laneWidth * int(lanes.indexOf(lane)); };
    QString svg = QStringLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
        "font-family=\"Noto Sans CJK TC, Noto Sans, sans-serif\" font-size=\"13\">"
        "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
                      .arg(QString::number(width), QString::number(height));
    for (const QString& lane : lanes) {
        svg += QStringLiteral(
            "<rect x=\"%1\" y=\"10\" width=\"%2\" height=\"30\" rx=\"4\" fill=\"#e8f3f1\" stroke=\"#2b7366\"/>"
            "<text x=\"%3\" y=\"30\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"12\">%4</text>"
            "<line x1=\"%3\" y1=\"40\" x2=\"%3\" y2=\"%5\" stroke=\"#9bb\" stroke-dasharray=\"4 4\"/>")
                   .arg(QString::number(x(lane) - laneWidth / 2 + 8), QString::number(laneWidth - 16),
                       QString::number(x(lane)), esc(laneName(lane, language)), QString::number(height - 10));
    }
    int y = top;
    for (const SequenceMessage& m : messages) {
        y += step;
        const int x1 = x(m.from);
        const int x2 = x(m.to);
        // The head is a plain polygon: SVG markers are not drawn by Qt SVG (SVG Tiny), browsers draw both alike.
        const int dir = x2 >= x1 ? 1 : -1;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%3\" x2=\"%2\" y2=\"%3\" stroke=\"#2b7366\" stroke-width=\"1.6\"/>"
                              "<polygon points=\"%2,%3 %7,%8 %7,%9\" fill=\"#2b7366\"/>"
                              "<text x=\"%4\" y=\"%5\" text-anchor=\"middle\">%6</text>")
                   .arg(QString::number(x1), QString::number(x2), QString::number(y), QString::number((x1 + x2) / 2),
                       QString::number(y - 6), esc(messageLabel(m.label, language)), QString::number(x2 - dir * 10),
                       QString::number(y - 5), QString::number(y + 5));
    }
    return svg + QStringLiteral("</svg>");
}

QByteArray Report::html(const FlowSpec& flow, const FlowResult& result, const QList<Session::Exchange>& exchanges,
    const Session::Environment& environment, Language l, const QString& version)
{
    const QString htmlLang = l == Language::English ? QStringLiteral("en") : Protocol::languageKey(l);
    QString h
        = QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title><style>"
                         "body{font-family:'Noto Sans CJK TC','Noto Sans',sans-serif;margin:2em;color:#222}"
                         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                         ".passed{color:#1b7f3b;font-weight:bold}.failed{color:#b00020;font-weight:bold}"
                         "pre{background:#f6f6f6;padding:8px;white-space:pre-wrap;word-break:break-all}"
                         "</style></head><body>")
              .arg(htmlLang, esc(flow.label.get(l)));
    h += QStringLiteral("<h1>%1</h1><p>%2</p>").arg(esc(flow.label.get(l)), esc(flow.description.get(l)));
    h += QStringLiteral("<p class=\"%1\">%2</p>")
             .arg(result.passed ? QStringLiteral("passed") : QStringLiteral("failed"),
                 result.passed ? t(l, "Passed", "通過", "通过")
                               : t(l, "Failed", "失敗", "失败") + QStringLiteral(": ") + esc(result.failureCode)
                         + QStringLiteral(" — ") + esc(result.failureDetail));
    h += QStringLiteral(
        "<table><tr><th>%1</th><td>%2</td></tr><tr><th>%3</th><td>%4</td></tr><tr><th>%5</th><td>%6</td></tr>"
        "<tr><th>%7</th><td>%8</td></tr><tr><th>%9</th><td>%10 ms</td></tr></table>")
             .arg(t(l, "Environment", "環境", "环境"),
                 esc(environment.name + QStringLiteral(" — ") + environment.baseUrl),
                 t(l, "Client ID", "用戶端識別碼", "客户端标识"), esc(environment.clientId),
                 t(l, "Tool", "工具", "工具"), esc(QStringLiteral("iAM Smart Sandbox Console ") + version),
                 t(l, "Started", "開始時間", "开始时间"),
                 QDateTime::fromMSecsSinceEpoch(result.startedAt).toString(Qt::ISODate),
                 t(l, "Duration", "所需時間", "所需时间"), QString::number(result.finishedAt - result.startedAt));
    h += QStringLiteral("<h2>%1</h2><table><tr><th>#</th><th>%2</th><th>API</th><th>%3</th><th>%4</th><th>%5</th></tr>")
             .arg(t(l, "Steps", "步驟", "步骤"), t(l, "Step", "步驟", "步骤"), t(l, "Result", "結果", "结果"),
                 t(l, "Code", "代碼", "代码"), t(l, "Time", "時間", "时间"));
    for (int i = 0; i < result.steps.size(); ++i) {
        const StepResult& s = result.steps.at(i);
        const bool passed = s.state == StepState::Passed;
        const bool failed = s.state == StepState::Failed;
        h += QStringLiteral(
            "<tr><td>%1</td><td>%2</td><td><code>%3</code></td><td class=\"%4\">%5</td><td>%6</td><td>%7</td></tr>")
                 .arg(QString::number(i + 1), esc(s.stepId), esc(s.apiId),
                     passed       ? QStringLiteral("passed")
                         : failed ? QStringLiteral("failed")
                                  : QString(),
                     passed       ? t(l, "Passed", "通過", "通过")
                         : failed ? t(l, "Failed", "失敗", "失败") + QStringLiteral(" — ") + esc(s.detail)
                                  : t(l, "Not run", "未執行", "未执行"),
                     esc(s.code),
                     s.finishedAt > 0 ? QStringLiteral("%1 ms").arg(s.finishedAt - s.startedAt) : QString());
    }
    h += QStringLiteral("</table>");
    h += QStringLiteral("<h2>%1</h2>").arg(t(l, "Sequence", "序列圖", "序列图")) + sequenceSvg(result.messages, l);
    if (!result.qrTexts.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2>").arg(t(l, "QR codes", "二維碼", "二维码"));
        for (const QString& text : result.qrTexts) {
            auto m = Qr::QrEncoder::encode(text.toUtf8());
            h += QStringLiteral("<div>%1<pre>%2</pre></div>")
                     .arg(m ? Qr::QrEncoder::toSvg(m.value(), 3) : QString(), esc(text));
        }
    }
    h += QStringLiteral("<h2>%1</h2>").arg(t(l, "Exchanges", "請求及回應", "请求及响应"));
    for (const Session::Exchange& e : exchanges) {
        QString request = QString::fromLatin1(e.request.method) + QLatin1Char(' ') + QString::fromUtf8(e.request.url)
            + QLatin1Char('\n');
        for (const auto& hd : e.request.headers)
            request += QString::fromLatin1(hd.first) + QStringLiteral(": ")
                + (Session::Har::isSecretHeader(hd.first) ? QStringLiteral("[redacted]")
                                                          : QString::fromLatin1(hd.second))
                + QLatin1Char('\n');
        request += QLatin1Char('\n') + QString::fromUtf8(e.request.plaintext);
        h += QStringLiteral("<h3>%1 — %2</h3><pre>%3</pre><pre>HTTP %4 (%5 ms)\n%6</pre>")
                 .arg(esc(e.apiId), esc(e.returnCode()), esc(request), QString::number(e.httpStatus),
                     QString::number(e.latencyMs), esc(QString::fromUtf8(e.responseBody)));
    }
    if (!result.callbacks.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2>").arg(t(l, "Callbacks", "回調", "回调"));
        for (const Callback::CallbackRecord& c : result.callbacks)
            h += QStringLiteral("<h3>%1 — %2</h3><pre>%3</pre>")
                     .arg(esc(c.callbackId), esc(c.matchStatus),
                         esc(QString::fromUtf8(QJsonDocument(c.content.toObject()).toJson(QJsonDocument::Indented))));
    }
    h += QStringLiteral("</body></html>");
    return h.toUtf8();
}

} // namespace Flows
