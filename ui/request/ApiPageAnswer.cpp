// ApiPage: showing an answer (status, code explained, decrypted content, JOSE), the notes above Send, and what
// blocks sending, as its RequestPresenter words them.
#include "ApiPage.h"

#include "forms/TryItForm.h"
#include "session/ConnectionCheck.h"
#include "session/ConsoleSession.h"
#include "settings/ConnectionAdvice.h"

#include <QCheckBox>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QToolButton>

void ApiPage::showJose(const Session::AnswerView& a)
{
    const int at = m_responseTabs->indexOf(m_responseJose);
    if (!a.hasJose) {
        if (at >= 0)
            m_responseTabs->removeTab(at);
        return;
    }
    if (at < 0)
        m_responseTabs->addTab(m_responseJose, tr("JWE result"));
    m_responseJose->setPlainText(a.jose);
    m_responseTabs->setCurrentWidget(m_responseJose);
}

void ApiPage::showExchange(const Session::Exchange& e)
{
    m_lastExchange = e;
    m_send->setEnabled(m_jsonProblem.isEmpty());
    m_cancel->setEnabled(false);
    m_pendingExchange.clear();
    const Session::AnswerView a = m_presenter.answer(e, m_masking, problemField());
    m_responseStatus->setText(a.status);
    if (!a.arrived)
        return;
    m_responseRaw->setPlainText(a.raw);
    m_responseContent->setPlainText(a.content);
    showJose(a);
    m_ticketQr->setVisible(!a.link.isEmpty());
    if (!a.link.isEmpty())
        m_ticketLink = a.link;
    if (!a.openUrl.isEmpty() && !m_showingHistory)
        emit openQrPageRequested(a.openUrl);
    if (!a.codeLine.isEmpty())
        m_responseCode->setText(a.codeLine);
    else if (e.httpStatus == 401 && !e.gateway) // the gateway in front of iAM Smart (the sandbox's subscription key)
        m_responseCode->setText(ConnectionAdvice::explain(
            Session::ConnectionCheck::judge(e, m_session->environment(), false, false)));
    if (!a.signatureDiffHtml.isEmpty()) {
        m_signatureDiff->setText(a.signatureDiffHtml);
        m_signatureDiff->show();
    }
}

QString ApiPage::problemField() const
{
    const QMap<QString, QString> problems = m_form->problems();
    return problems.isEmpty() ? QString() : problems.firstKey();
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
    m_browserNote->setText(m_presenter.browserNote());
    m_browserNote->setToolTip(m_browserNote->text());
    const QStringList missing = m_form->missingEarned();
    m_missingNote->setText(m_presenter.missingEarnedNote(missing));
    m_missingNote->setToolTip(m_missingNote->text());
    m_missingNote->setVisible(!missing.isEmpty());
    m_loginFirst->setVisible(!missing.isEmpty() && m_session);
    const QMap<QString, QString> problems = m_form->problems();
    const QString line = m_presenter.statusLine(m_jsonProblem, int(problems.size()), m_previewProblem);
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

void ApiPage::setBrowserWaiting(bool waiting)
{
    m_browserWaiting = waiting;
    m_cancel->setEnabled(waiting);
}

void ApiPage::updateSendLabel()
{
    m_send->setText(
        m_api.kind == Protocol::ApiKind::Browser && !m_presenter.playsBrowser() ? tr("Open in &browser") : tr("&Send"));
}
