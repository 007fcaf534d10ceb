#include "EnvironmentDialog.h"

#include "ConnectionAdvice.h"
#include "session/ConnectionCheck.h"
#include "storage/SecretStore.h"
#include "util/RequestStamp.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

EnvironmentDialog::EnvironmentDialog(Session::EnvironmentStore* store, Storage::SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_list(new QListWidget(this))
    , m_check(new Session::ConnectionCheck(this))
{
    setObjectName(QStringLiteral("environmentDialog"));
    auto field = [this](const QString& name, bool secret = false) {
        auto* e = new QLineEdit(this);
        e->setObjectName(name);
        if (secret)
            e->setEchoMode(QLineEdit::Password);
        return e;
    };
    m_list->setObjectName(QStringLiteral("environmentList"));
    m_name = field(QStringLiteral("envNameEdit"));
    m_baseUrl = field(QStringLiteral("envBaseUrlEdit"));
    m_clientId = field(QStringLiteral("envClientIdEdit"));
    m_clientSecret = field(QStringLiteral("envClientSecretEdit"), true);
    m_subscriptionKey = field(QStringLiteral("envSubscriptionKeyEdit"), true);
    m_kekCertificate = field(QStringLiteral("envKekCertificateEdit"));
    m_kekKey = field(QStringLiteral("envKekKeyEdit"));
    m_kekPassword = field(QStringLiteral("envKekPasswordEdit"), true);
    m_callbackBase = field(QStringLiteral("envCallbackBaseEdit"));
    m_encrypted = new QCheckBox(this);
    m_encrypted->setObjectName(QStringLiteral("envEncryptedCheck"));
    m_usesSubscriptionKey = new QCheckBox(this);
    m_usesSubscriptionKey->setObjectName(QStringLiteral("envSubscriptionCheck"));
    m_reveal = new QCheckBox(this);
    m_reveal->setObjectName(QStringLiteral("envRevealCheck"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("envStatusLabel"));
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setObjectName(QStringLiteral("envForm"));
    for (QWidget* w : std::initializer_list<QWidget*> {m_name, m_baseUrl, m_clientId, m_clientSecret, m_subscriptionKey,
             m_kekCertificate, m_kekKey, m_kekPassword, m_callbackBase, m_encrypted, m_usesSubscriptionKey, m_reveal})
        form->addRow(new QLabel(this), w);

    auto* add = new QPushButton(this);
    add->setObjectName(QStringLiteral("envAddButton"));
    auto* save = new QPushButton(this);
    save->setObjectName(QStringLiteral("envSaveButton"));
    auto* remove = new QPushButton(this);
    remove->setObjectName(QStringLiteral("envRemoveButton"));
    auto* exportButton = new QPushButton(this);
    exportButton->setObjectName(QStringLiteral("envExportButton"));
    auto* importButton = new QPushButton(this);
    importButton->setObjectName(QStringLiteral("envImportButton"));
    auto* test = new QPushButton(this);
    test->setObjectName(QStringLiteral("envTestButton"));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {add, save, remove, exportButton, importButton, test})
        buttons->addWidget(b);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(buttons);
    right->addWidget(m_status);
    auto* main = new QHBoxLayout;
    main->addWidget(m_list, 1);
    main->addLayout(right, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(main);
    layout->addWidget(close);

    connect(m_list, &QListWidget::currentRowChanged, this, &EnvironmentDialog::showEnvironment);
    connect(m_reveal, &QCheckBox::toggled, this, [this](bool on) {
        for (QLineEdit* e : {m_clientSecret, m_subscriptionKey, m_kekPassword})
            e->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        m_list->setCurrentRow(-1);
        for (QLineEdit* e : {m_name, m_baseUrl, m_clientId, m_clientSecret, m_subscriptionKey, m_kekCertificate,
                 m_kekKey, m_kekPassword, m_callbackBase})
            e->clear();
        m_encrypted->setChecked(true);
        m_usesSubscriptionKey->setChecked(false);
        m_name->setFocus();
    });
    connect(save, &QPushButton::clicked, this, &EnvironmentDialog::saveCurrent);
    connect(test, &QPushButton::clicked, this, &EnvironmentDialog::testConnection);
    connect(m_check, &Session::ConnectionCheck::finished, this, &EnvironmentDialog::showVerdict);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0 || m_environments.at(row).isBuiltin())
            return;
        (void)m_store->remove(m_environments.at(row).id);
        reload();
        emit environmentsChanged();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export environment"),
            m_environments.at(row).id + QStringLiteral(".json"), tr("Environment (*.json)"));
        if (!path.isEmpty()) {
            const auto status = Session::EnvironmentStore::exportTo(m_environments.at(row), path);
            m_status->setText(status ? tr("Exported without secrets.") : status.error().detail);
        }
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Import environment"), QString(), tr("Environment (*.json)"));
        if (path.isEmpty())
            return;
        auto imported = Session::EnvironmentStore::importFrom(path);
        if (!imported) {
            m_status->setText(imported.error().detail);
            return;
        }
        (void)m_store->save(imported.value());
        reload();
        emit environmentsChanged();
        select(imported->id);
    });
    retranslate();
    reload();
}

void EnvironmentDialog::retranslate()
{
    setWindowTitle(tr("Environments"));
    auto* form = findChild<QFormLayout*>(QStringLiteral("envForm"));
    const QStringList labels {tr("Name"), tr("Base URL"), tr("Client ID"), tr("Client secret"), tr("Subscription key"),
        tr("KEK certificate"), tr("KEK private key"), tr("Private key password"), tr("Callback base URL"),
        tr("Sign and encrypt"), tr("Send subscription key"), tr("Reveal secrets")};
    for (int i = 0; form && i < labels.size() && i < form->rowCount(); ++i) {
        if (auto* label = qobject_cast<QLabel*>(form->itemAt(i, QFormLayout::LabelRole)->widget()))
            label->setText(labels.at(i));
        if (QWidget* w = form->itemAt(i, QFormLayout::FieldRole)->widget())
            w->setAccessibleName(labels.at(i));
    }
    findChild<QPushButton*>(QStringLiteral("envAddButton"))->setText(tr("New"));
    findChild<QPushButton*>(QStringLiteral("envSaveButton"))->setText(tr("Save"));
    findChild<QPushButton*>(QStringLiteral("envRemoveButton"))->setText(tr("Remove"));
    findChild<QPushButton*>(QStringLiteral("envExportButton"))->setText(tr("Export…"));
    findChild<QPushButton*>(QStringLiteral("envImportButton"))->setText(tr("Import…"));
    findChild<QPushButton*>(QStringLiteral("envTestButton"))->setText(tr("Test connection"));
    m_callbackBase->setPlaceholderText(tr("empty: the console's own listener"));
}

void EnvironmentDialog::reload()
{
    const QString current = m_list->currentRow() >= 0 && m_list->currentRow() < m_environments.size()
        ? m_environments.at(m_list->currentRow()).id
        : QString();
    m_environments = m_store->load();
    m_list->clear();
    for (const auto& e : std::as_const(m_environments))
        m_list->addItem(e.name);
    if (!select(current))
        m_list->setCurrentRow(0);
}

bool EnvironmentDialog::select(const QString& id)
{
    for (int i = 0; i < m_environments.size(); ++i) {
        if (m_environments.at(i).id == id) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void EnvironmentDialog::showEnvironment(int row)
{
    if (row < 0 || row >= m_environments.size())
        return;
    const Session::Environment& e = m_environments.at(row);
    m_name->setText(e.name);
    m_baseUrl->setText(e.baseUrl);
    m_clientId->setText(e.clientId);
    m_kekCertificate->setText(e.kekCertificatePath);
    m_kekKey->setText(e.kekPrivateKeyPath);
    m_callbackBase->setText(e.callbackBaseUrl);
    m_encrypted->setChecked(e.encrypted);
    m_usesSubscriptionKey->setChecked(e.usesSubscriptionKey);
    for (QLineEdit* s : {m_clientSecret, m_subscriptionKey, m_kekPassword})
        s->clear();
    const bool editable = !e.isLocal();
    for (QWidget* w : std::initializer_list<QWidget*> {m_name, m_baseUrl, m_clientId, m_clientSecret, m_subscriptionKey,
             m_kekCertificate, m_kekKey, m_kekPassword, m_callbackBase, m_encrypted, m_usesSubscriptionKey})
        w->setEnabled(editable);
    m_status->setText(
        e.isLocal() ? tr("The local simulator needs no setup: its dev client is generated for you.") : QString());
    // Secrets are read back from the keychain only to show that they are set.
    const QPair<QString, QLineEdit*> secrets[] = {{Session::Environment::ClientSecret, m_clientSecret},
        {Session::Environment::SubscriptionKey, m_subscriptionKey}, {Session::Environment::KekPassword, m_kekPassword}};
    for (const auto& s : secrets) {
        QPointer<QLineEdit> edit = s.second;
        m_secrets->read(e.secretKey(s.first), this, [edit](Util::Result<QByteArray> value) {
            if (edit && value && edit->text().isEmpty())
                edit->setText(QString::fromUtf8(value.value()));
        });
    }
}

bool EnvironmentDialog::saveCurrent()
{
    const int row = m_list->currentRow();
    Session::Environment e;
    if (row >= 0 && row < m_environments.size()) {
        e = m_environments.at(row);
        if (e.isBuiltin() && e.kind != Session::Environment::Kind::Cyberport
            && e.kind != Session::Environment::Kind::TestEnvironment) {
            m_error = tr("The local simulator environments cannot be changed.");
            m_status->setText(m_error);
            return false;
        }
    }
    if (e.id.isEmpty() || e.isBuiltin()) {
        // Saving a built-in remote environment makes the user's own copy of it.
        e.id = Session::Environment::freshId();
        e.kind = Session::Environment::Kind::Custom;
    }
    const Session::Environment form = formEnvironment();
    e.name = form.name;
    e.baseUrl = form.baseUrl;
    e.clientId = form.clientId;
    e.kekCertificatePath = form.kekCertificatePath;
    e.kekPrivateKeyPath = form.kekPrivateKeyPath;
    e.callbackBaseUrl = form.callbackBaseUrl;
    e.encrypted = form.encrypted;
    e.usesSubscriptionKey = form.usesSubscriptionKey;
    auto checked = Session::Environment::fromJson(e.toJson());
    if (!checked) {
        m_error = tr("Not saved: %1").arg(checked.error().detail);
        m_status->setText(m_error);
        return false;
    }
    if (auto status = m_store->save(e); !status) {
        m_error = status.error().detail;
        m_status->setText(m_error);
        return false;
    }
    const QPair<QString, QLineEdit*> secrets[] = {{Session::Environment::ClientSecret, m_clientSecret},
        {Session::Environment::SubscriptionKey, m_subscriptionKey}, {Session::Environment::KekPassword, m_kekPassword}};
    m_error.clear();
    const QString saved = m_secrets->isPersistent()
        ? tr("Saved; secrets are in the system keychain.")
        : tr("Saved; secrets are kept for this session only (no keychain).");
    // Written before reload() (which shows the saved environment, reading its secrets back). The keychain
    // answers later; the message then says what it did, and a refusal is shown, never hidden.
    auto pending = std::make_shared<int>(0);
    auto failures = std::make_shared<QStringList>();
    for (const auto& s : secrets)
        *pending += s.second->text().isEmpty() ? 0 : 1;
    for (const auto& s : secrets) {
        if (s.second->text().isEmpty())
            continue;
        const QString label = s.second->accessibleName().isEmpty() ? s.first : s.second->accessibleName();
        m_secrets->write(e.secretKey(s.first), s.second->text().toUtf8(), this,
            [this, pending, failures, saved, label](Util::Status status) {
                if (!status)
                    failures->append(QStringLiteral("%1: %2").arg(label, status.error().detail));
                if (--*pending > 0)
                    return;
                if (failures->isEmpty()) {
                    m_status->setText(saved);
                    return;
                }
                m_error = tr("Saved, but the keychain did not store the secrets (%1). Enter them again or check "
                             "the keychain.")
                              .arg(failures->join(QStringLiteral("; ")));
                m_status->setText(m_error);
                emit secretsNotStored(m_error);
            });
    }
    reload();
    select(e.id);
    if (m_error.isEmpty())
        m_status->setText(*pending > 0 ? tr("Saved; storing the secrets in the keychain…") : saved);
    emit environmentsChanged();
    return true;
}

Session::Environment EnvironmentDialog::formEnvironment() const
{
    Session::Environment e;
    e.id = QStringLiteral("connection-test");
    e.name = m_name->text().trimmed();
    e.baseUrl = m_baseUrl->text().trimmed();
    e.clientId = m_clientId->text().trimmed();
    e.kekCertificatePath = m_kekCertificate->text().trimmed();
    e.kekPrivateKeyPath = m_kekKey->text().trimmed();
    e.callbackBaseUrl = m_callbackBase->text().trimmed();
    e.encrypted = m_encrypted->isChecked();
    e.usesSubscriptionKey = m_usesSubscriptionKey->isChecked();
    return e;
}

void EnvironmentDialog::testConnection()
{
    const int row = m_list->currentRow();
    Session::Environment e = formEnvironment();
    if (row >= 0 && row < m_environments.size() && m_environments.at(row).isLocal()) {
        m_status->setText(tr("The local simulator needs no setup: its dev client is generated for you."));
        return;
    }
    if (auto checked = Session::Environment::fromJson(e.toJson()); !checked) {
        m_status->setText(tr("Not tested: %1").arg(checked.error().detail));
        m_baseUrl->setFocus();
        return;
    }
    Crypto::RsaPrivateKey kek;
    if (!e.kekPrivateKeyPath.isEmpty()) {
        auto key = Crypto::RsaPrivateKey::fromFile(e.kekPrivateKeyPath, m_kekPassword->text().toUtf8());
        if (!key) {
            m_status->setText(tr("The KEK private key could not be read (%1). Fix: %2, %3.")
                    .arg(key.error().toString(), tr("KEK private key"), tr("Private key password")));
            m_kekKey->setFocus();
            return;
        }
        kek = key.value();
    }
    m_status->setText(tr("Testing the connection: getKey to %1…").arg(e.baseUrl));
    m_check->start(e,
        {e.clientId, m_clientSecret->text().toUtf8(),
            e.usesSubscriptionKey ? m_subscriptionKey->text().toUtf8() : QByteArray()},
        kek);
}

void EnvironmentDialog::showVerdict(const Session::ConnectionVerdict& verdict)
{
    const QHash<QString, QPair<QLineEdit*, QString>> fields {
        {QStringLiteral("baseUrl"), {m_baseUrl, tr("Base URL")}},
        {QStringLiteral("clientID"), {m_clientId, tr("Client ID")}},
        {QStringLiteral("clientSecret"), {m_clientSecret, tr("Client secret")}},
        {QStringLiteral("subscriptionKey"), {m_subscriptionKey, tr("Subscription key")}},
        {QStringLiteral("kekCertificate"), {m_kekCertificate, tr("KEK certificate")}},
        {QStringLiteral("kekPrivateKey"), {m_kekKey, tr("KEK private key")}},
    };
    QString text = ConnectionAdvice::explain(verdict);
    if (const auto field = fields.value(verdict.field); field.first) {
        text += QLatin1Char('\n') + tr("Field to fix: %1").arg(field.second);
        field.first->setFocus();
    }
    m_status->setText(text);
}
