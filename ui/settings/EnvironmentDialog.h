#pragma once

#include "session/Environment.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Session {
class ConnectionCheck;
struct ConnectionVerdict;
}
namespace Storage {
class SecretStore;
}

/// Edits custom environments: plain settings go to the environment files, secrets (client secret,
/// subscription key, KEK password) to the SecretStore. Secrets are masked unless revealed.
class EnvironmentDialog : public QDialog
{
    Q_OBJECT

public:
    EnvironmentDialog(Session::EnvironmentStore* store, Storage::SecretStore* secrets, QWidget* parent = nullptr);

    /// Selects an environment by id (false when unknown).
    bool select(const QString& id);
    /// Saves the form into the selected environment (creating one when none is selected).
    bool saveCurrent();
    QString lastError() const { return m_error; }
    /// Test connection: a getKey round trip with the form as it is (saved or not); the answer is shown
    /// explained and the field to fix gets the focus.
    void testConnection();

signals:
    void environmentsChanged();
    /// The environment was saved but the keychain refused its secrets (the message is also shown).
    void secretsNotStored(const QString& message);

private:
    void reload();
    void showEnvironment(int row);
    void retranslate();
    /// The form's settings (not its secrets) as an environment.
    Session::Environment formEnvironment() const;
    void showVerdict(const Session::ConnectionVerdict& verdict);

    Session::EnvironmentStore* m_store;
    Storage::SecretStore* m_secrets;
    QList<Session::Environment> m_environments;
    QString m_error;
    QListWidget* m_list;
    QLineEdit* m_name;
    QLineEdit* m_baseUrl;
    QLineEdit* m_clientId;
    QLineEdit* m_clientSecret;
    QLineEdit* m_subscriptionKey;
    QLineEdit* m_kekCertificate;
    QLineEdit* m_kekKey;
    QLineEdit* m_kekPassword;
    QLineEdit* m_callbackBase;
    QCheckBox* m_encrypted;
    QCheckBox* m_usesSubscriptionKey;
    QCheckBox* m_reveal;
    QLabel* m_status;
    Session::ConnectionCheck* m_check;
};
