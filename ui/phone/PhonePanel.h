#pragma once

#include "protocol/Text.h"

#include <QHash>
#include <QPair>
#include <QWidget>

namespace Mock {
struct PendingRequest;
}

class NextAnswerPicker;
class PendingModel;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;

namespace Mock {
class Simulator;
}

/// The virtual phone of the embedded simulator: what is waiting for the user, who the user is, and the
/// user's decision (approve, reject, cancel, let expire), with what the phone would show.
class PhonePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PhonePanel(Mock::Simulator* simulator, QWidget* parent = nullptr);
    void setLanguage(Protocol::Language language);
    /// Follows another simulator (the console switches between strict and sandbox-compatible ones).
    void setSimulator(Mock::Simulator* simulator);
    /// Decides the selected request (approve, reject, cancel, expire, fail, not-passed); false when there is none.
    bool decide(const QString& decision);
    /// Where "Log in from the app's service catalogue" sends the browser (the listener's direct-login callback).
    void setDirectLoginAddress(const QString& url) { m_directLoginAddress = url; }
    /// The phone's "Log in from the app's service catalogue" (direct login); false when it failed.
    bool directLogin();

signals:
    /// After an auth or anonymous decision, where the user's browser would go next.
    void browserRedirect(const QString& url);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Lists what the simulator has waiting (on start and when the simulator changes).
    void rebuild();
    /// One request began or stopped waiting: only its row changes.
    void addRow(const QString& id);
    void removeRow(const QString& id);
    /// The selected request's id (empty when none).
    QString currentId() const;
    void selectRow(int row);
    QString rowText(const Mock::PendingRequest& p) const;
    void connectSimulator();
    void showSelected();
    void retranslate();
    void showAnswer();
    QString kindText(const QString& kind) const;

    Mock::Simulator* m_simulator;
    Protocol::Language m_language = Protocol::Language::English;
    PendingModel* m_model;
    QListView* m_pending;

    QComboBox* m_persona;
    QLabel* m_screen;
    QLabel* m_result;
    QPair<QString, QString> m_answer; ///< the last decision (approve, reject, cancel, expire) and its code
    QPushButton* m_approve;
    QPushButton* m_reject;
    QPushButton* m_cancel;
    QPushButton* m_expire;
    QPushButton* m_fail;
    QPushButton* m_notPassed; ///< re-authentication only
    QPushButton* m_directLogin;
    NextAnswerPicker* m_nextAnswer;
    QString m_directLoginAddress;
};
