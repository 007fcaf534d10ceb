// ApiPage: showing an answer (status, code explained, decrypted content, JOSE), the notes above Send, and what
// blocks sending.
#include "ApiPage.h"
#include "protocol/ReturnCodes.h"
#include "ApiPageText.h"

#include "PdfSigningPanel.h"
#include "SpecPage.h"
#include "forms/ExtrasEditor.h"

#include "forms/TryItForm.h"
#include "protocol/CodeSamples.h"
#include "protocol/Links.h"
#include "session/ConsoleSession.h"
#include "session/History.h"
#include "util/Masking.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QRegularExpression>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace ApiPageText;

void ApiPage::showJose(const Session::Exchange& e)
{
    const int at = m_responseTabs->indexOf(m_responseJose);
    const bool has = !e.joseHeader.isEmpty() || !e.joseError.isEmpty();
    if (!has) {
        if (at >= 0)
            m_responseTabs->removeTab(at);
        return;
    }
    if (at < 0)
        m_responseTabs->addTab(m_responseJose, tr("JWE result"));
    auto json
        = [](const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)); };
    QString text = tr("Protected header:\n%1\n").arg(json(e.joseHeader));
    if (!e.joseError.isEmpty()) {
        text += tr("Could not decrypt: %1").arg(e.joseError);
    } else {
        QJsonObject claims = e.joseClaims;
        const QJsonObject result = claims.take(QLatin1String("result")).toObject();
        const QJsonObject shown = m_masking ? Util::maskPersonalData(result).toObject() : result;
        text += tr("Claims:\n%1\nResult:\n%2").arg(json(claims), json(shown));
    }
    m_responseJose->setPlainText(text);
    m_responseTabs->setCurrentWidget(m_responseJose);
}

void ApiPage::showExchange(const Session::Exchange& e)
{
    m_lastExchange = e;
    m_send->setEnabled(m_jsonProblem.isEmpty());
    m_cancel->setEnabled(false);
    m_pendingExchange.clear();
    if (!e.errorCode.isEmpty() && e.httpStatus == 0) {
        m_responseStatus->setText(e.errorCode == QLatin1String("timeout") ? tr("No answer in time.")
                : e.errorCode == QLatin1String("cancelled")               ? tr("Cancelled.")
                                                                          : tr("Network error: %1").arg(e.errorDetail));
        return;
    }
    m_responseStatus->setText(tr("HTTP %1 in %2 ms").arg(e.httpStatus).arg(e.latencyMs));
    QByteArray raw;
    for (const auto& h : e.responseHeaders)
        raw += h.first + ": " + h.second + '\n';
    raw += '\n' + e.responseBody;
    m_responseRaw->setPlainText(QString::fromUtf8(raw));
    if (e.content.isObject())
        m_responseContent->setPlainText(
            QString::fromUtf8(QJsonDocument(e.content.toObject()).toJson(QJsonDocument::Indented)));
    else if (!e.errorCode.isEmpty())
        m_responseContent->setPlainText(tr("Could not read the content: %1 (%2)").arg(e.errorCode, e.errorDetail));
    else
        m_responseContent->setPlainText(pretty(e.responseBody));
    showJose(e);
    // Same-device answers carry a ticketID: offer the app link as a QR code.
    const QString ticket = e.content.toObject().value(QLatin1String("ticketID")).toString();
    // A gateway answer carries the QR page (browser) or the universal link (mobile) as `url`.
    const QString gatewayUrl
        = m_api.isGateway() ? e.content.toObject().value(QLatin1String("url")).toString() : QString();
    m_ticketQr->setVisible(!ticket.isEmpty() || !gatewayUrl.isEmpty());
    if (!gatewayUrl.isEmpty())
        m_ticketLink = gatewayUrl;
    // An answer that carries the QR page: the browser opens it, as after Send on the QR page itself.
    if (!gatewayUrl.isEmpty() && e.succeeded() && !m_showingHistory && gatewayUrl.startsWith(QLatin1String("http")))
        emit openQrPageRequested(gatewayUrl);
    if (!ticket.isEmpty()) {
        m_ticketLink
            = Protocol::Links::appLink(&m_api, ticket, QJsonDocument::fromJson(e.request.plaintext).object());
    }
    const QString code = e.returnCode();
    if (!code.isEmpty()) {
        const QString message
            = e.envelope ? e.envelope->message : e.content.toObject().value(QLatin1String("message")).toString();
        m_responseCode->setText(QStringLiteral("%1 — %2\n%3").arg(code, explainCode(code, message), message));
    }
    // Simulator only: where our string-to-sign and the server's part ways.
    const QString server = e.envelope
        ? e.envelope->extra.value(QLatin1String("debug")).toObject().value(QLatin1String("stringToSign")).toString()
        : QString();
    if (code == Protocol::Code::SignatureInvalid && !server.isEmpty() && e.request.signature) {
        const QString ours = QString::fromUtf8(e.request.signature->stringToSign);
        if (ours == server) {
            m_signatureDiff->setText(tr("The strings to sign are identical, so the client secret must differ."));
            m_signatureDiff->show();
            return;
        }
        qsizetype at = 0;
        while (at < ours.size() && at < server.size() && ours.at(at) == server.at(at))
            ++at;
        auto mark = [at](const QString& s) {
            return esc(s.left(at)) + QStringLiteral("<span style=\"background:#ffd54f\">") + esc(s.mid(at, 24))
                + QStringLiteral("</span>") + esc(s.mid(at + 24, 40));
        };
        m_signatureDiff->setText(
            tr("The strings to sign differ from character %1:<br><b>Console:</b> <code>%2</code><br>"
               "<b>Simulator:</b> <code>%3</code>")
                .arg(at)
                .arg(mark(ours), mark(server)));
        m_signatureDiff->show();
    }
}

bool ApiPage::playsBrowser() const
{
    using Kind = Session::Environment::Kind;
    return m_session
        && (m_session->environment().kind == Kind::LocalStrict || m_session->environment().kind == Kind::LocalSandbox);
}

QString ApiPage::sendBlocker() const
{
    return m_jsonProblem;
}

void ApiPage::setBrowserOutcome(const QString& text)
{
    m_responseStatus->setText(text);
}

void ApiPage::showHistoryExchange(const Session::Exchange& exchange)
{
    loadBody(QJsonDocument::fromJson(exchange.request.plaintext).object());
    m_pendingExchange.clear();
    m_showingHistory = true; // a reopened answer opens no QR page
    showExchange(exchange);
    m_showingHistory = false;
}

void ApiPage::updateNotes()
{
    if (!m_browserNote || !m_ruleDetails)
        return;
    m_browserNote->setText(playsBrowser()
            ? tr("Send opens this page as a browser would; the phone asks you, and the redirect returns here.")
            : tr("Send opens this page in your web browser; scan its QR code with iAM Smart."));
    m_browserNote->setToolTip(m_browserNote->text());
    const QStringList missing = m_form->missingEarned();
    m_missingNote->setText(missing.isEmpty()
            ? QString()
            : tr("No %1 from a login in this environment yet: the portal's sample value will be refused.")
                  .arg(missing.join(QStringLiteral(", "))));
    m_missingNote->setToolTip(m_missingNote->text());
    m_missingNote->setVisible(!missing.isEmpty());
    m_loginFirst->setVisible(!missing.isEmpty() && m_session);
    const QMap<QString, QString> problems = m_form->problems();
    QString line;
    if (!m_jsonProblem.isEmpty())
        line = tr("Send is blocked: the JSON tab does not parse (%1).").arg(m_jsonProblem);
    else if (!problems.isEmpty())
        line = tr("%n field(s) break their rules; Send still sends, to test the answer.", nullptr,
            int(problems.size()));
    else if (!m_preview && m_api.kind == Protocol::ApiKind::Request)
        line = m_previewStatus->text(); // why the preview could not be built (set by refreshPreview)
    m_previewStatus->setText(line);
    m_previewStatus->setToolTip(line);
    m_previewStatus->setStyleSheet(m_jsonProblem.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    QStringList details;
    for (auto it = problems.begin(); it != problems.end(); ++it)
        details << QStringLiteral("%1: %2").arg(it.key(), it.value());
    m_ruleDetails->setText(details.join(QLatin1Char('\n')));
    m_ruleDetailsButton->setVisible(m_jsonProblem.isEmpty() && !problems.isEmpty());
    m_ruleDetails->setVisible(m_ruleDetailsButton->isVisibleTo(this) && m_ruleDetailsButton->isChecked());
    if (m_pendingExchange.isEmpty())
        m_send->setEnabled(m_jsonProblem.isEmpty());
}

QString ApiPage::explainCode(const QString& code, const QString& message) const
{
    const Protocol::ReturnCode* rc = Protocol::ApiCatalog::builtin().returnCode(code);
    if (!rc)
        return tr("Unknown code");
    QString meaning = rc->meaning.get(m_language);
    if (meaning.contains(QLatin1String("%1"))) {
        // The parameter comes from the server's message, else from the field the form flags; never "…".
        static const QRegularExpression named(QStringLiteral("[Pp]arameter\\s+([A-Za-z][A-Za-z0-9_.-]*)"));
        QString name = named.match(message).captured(1);
        if (name.isEmpty() && !m_form->problems().isEmpty())
            name = m_form->problems().firstKey();
        if (name.isEmpty())
            meaning = meaning.replace(QRegularExpression(QStringLiteral("\\s*%1\\s*")), QStringLiteral(" ")).trimmed();
        else
            meaning.replace(QLatin1String("%1"), name);
    }
    if (code == Protocol::Code::AuthCodeInvalid)
        meaning += QLatin1Char(' ')
            + tr("Next: log in again (Request QR page, Send, approve on the phone) for a fresh code; a code works "
                 "once.");
    else if (code == Protocol::Code::InsufficientPermission)
        meaning += QLatin1Char(' ')
            + (m_api.scope.isEmpty()
                    ? tr("Next: log in again with the scope this API needs.")
                    : tr("Next: log in again requesting the scope %1, then use the new token.").arg(m_api.scope));
    return meaning;
}
