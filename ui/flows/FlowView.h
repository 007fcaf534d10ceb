#pragma once

#include "flows/FlowRunner.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTimer;
class QToolButton;
class QrPanel;
class SequenceDiagram;

/// Guided flows: pick a journey, run it against the current environment (the phone scripted in simulator
/// environments), watch each step's state, the QR with its expiry countdown and the live sequence diagram.
class FlowView : public QWidget
{
    Q_OBJECT

public:
    FlowView(Session::ConsoleSession* session, Callback::CallbackListener* listener, Mock::Simulator* simulator,
        QWidget* parent = nullptr);
    void setSimulator(Mock::Simulator* simulator);
    void setLanguage(Protocol::Language language);
    /// Selects a flow by id; false when unknown.
    bool selectFlow(const QString& id);
    void setPhoneDecision(const QString& decision);
    /// Runs the flow `id` with the virtual phone waiting for the user's decision ("Try a login", "Log in first").
    bool runOnPhone(const QString& id);
    Flows::FlowRunner* runner() const { return m_runner; }
    SequenceDiagram* diagram() const { return m_diagram; }
    /// The branding kind of the start button shown for the selected flow (login, reauth, formFilling,
    /// signing, or openApp for the same-device variants).
    QString startButtonKind() const;
    /// Evidence of the last run: the HTML report (in the current language) and HAR 1.2, secrets redacted.
    bool saveReport(const QString& path) const;
    bool saveHar(const QString& path) const;

public slots:
    void run();

signals:
    void flowFinished(const Flows::FlowResult& result);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void connectRunner();
    void updateCountdown();
    void showStep(int index, const Flows::StepResult& step);
    QString stateText(Flows::StepState state) const;
    /// A step's line and the run's summary, formatted from the facts in the current language (at every switch).
    QString stepText(const Flows::StepResult& step) const;
    QString failureText(const QString& code, const QString& detail) const;
    void showFacts();
    /// Shows the iAM Smart button of the selected flow (branding data) and the More info link.
    void updateStartButton();

    Session::ConsoleSession* m_session;
    Callback::CallbackListener* m_listener;
    Mock::Simulator* m_simulator;
    Flows::FlowRunner* m_runner = nullptr;
    QList<Flows::FlowSpec> m_flows;
    Protocol::Language m_language = Protocol::Language::English;
    QComboBox* m_flowCombo;
    QComboBox* m_phoneCombo;
    QPushButton* m_run;
    QPushButton* m_start;
    QPushButton* m_exportPng;
    QPushButton* m_exportSvg;
    QPushButton* m_saveReport;
    QPushButton* m_saveHar;
    QListWidget* m_steps;
    QLabel* m_description;
    QLabel* m_moreInfo;
    QLabel* m_summary;
    QLabel* m_countdown;
    QrPanel* m_qr;
    SequenceDiagram* m_diagram;
    QToolButton* m_zoomIn;
    QToolButton* m_zoomOut;
    QTimer* m_tick;
    qint64 m_qrExpiresAt = 0;
    QList<Flows::StepResult> m_stepFacts; ///< the last run's steps as they stand (pending ones from the spec)
};
