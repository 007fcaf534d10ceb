#include "PhonePanel.h"

#include "NextAnswerPicker.h"
#include "PendingModel.h"

#include "mock/Simulator.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QRegularExpression>
#include <QListView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

PhonePanel::PhonePanel(Mock::Simulator* simulator, QWidget* parent)
    : QWidget(parent)
    , m_simulator(simulator)
    , m_model(new PendingModel(simulator, [this](const Mock::PendingRequest& p) { return rowText(p); }, this))
    , m_pending(new QListView(this))
    , m_persona(new QComboBox(this))
    , m_screen(new QLabel(this))
    , m_result(new QLabel(this))
    , m_approve(new QPushButton(this))
    , m_reject(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_expire(new QPushButton(this))
    , m_fail(new QPushButton(this))
    , m_notPassed(new QPushButton(this))
    , m_directLogin(new QPushButton(this))
    , m_nextAnswer(new NextAnswerPicker(simulator, this))
{
    setObjectName(QStringLiteral("phonePanel"));
    m_pending->setObjectName(QStringLiteral("phonePendingList"));
    m_pending->setModel(m_model);
    m_pending->setUniformItemSizes(true); // a thousand waiting requests lay out at once
    m_pending->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_persona->setObjectName(QStringLiteral("phonePersonaCombo"));
    m_screen->setObjectName(QStringLiteral("phoneScreenLabel"));
    m_screen->setWordWrap(true);
    m_screen->setFrameShape(QFrame::StyledPanel);
    m_screen->setMinimumHeight(120);
    m_screen->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_result->setObjectName(QStringLiteral("phoneResultLabel"));
    m_result->setWordWrap(true);
    m_approve->setObjectName(QStringLiteral("phoneApproveButton"));
    m_reject->setObjectName(QStringLiteral("phoneRejectButton"));
    m_cancel->setObjectName(QStringLiteral("phoneCancelButton"));
    m_expire->setObjectName(QStringLiteral("phoneExpireButton"));
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_approve, 0, 0);
    buttons->addWidget(m_reject, 0, 1);
    buttons->addWidget(m_cancel, 0, 2);
    buttons->addWidget(m_expire, 1, 0);
    buttons->addWidget(m_fail, 1, 1);
    buttons->addWidget(m_notPassed, 1, 2);
    buttons->addWidget(m_directLogin, 2, 0, 1, 3);
    // The list takes the height that is left, so that the decisions stay in view on a 720-pixel screen.
    m_pending->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_pending->setMinimumHeight(64);
    m_fail->setObjectName(QStringLiteral("phoneFailButton"));
    m_notPassed->setObjectName(QStringLiteral("phoneNotPassedButton"));
    m_directLogin->setObjectName(QStringLiteral("phoneDirectLoginButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pending, 1);
    layout->addWidget(m_persona);
    layout->addWidget(m_screen);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(m_nextAnswer);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(QStringLiteral("approve")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(QStringLiteral("reject")); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { decide(QStringLiteral("cancel")); });
    connect(m_expire, &QPushButton::clicked, this, [this] { decide(QStringLiteral("expire")); });
    connect(m_fail, &QPushButton::clicked, this, [this] { decide(QStringLiteral("fail")); });
    connect(m_notPassed, &QPushButton::clicked, this, [this] { decide(QStringLiteral("not-passed")); });
    connect(m_directLogin, &QPushButton::clicked, this, &PhonePanel::directLogin);
    connect(m_pending->selectionModel(), &QItemSelectionModel::currentChanged, this, &PhonePanel::showSelected);
    connectSimulator();
    retranslate();
    rebuild();
}

void PhonePanel::connectSimulator()
{
    connect(m_simulator, &Mock::Simulator::pendingAdded, this, &PhonePanel::addRow);
    connect(m_simulator, &Mock::Simulator::pendingRemoved, this, &PhonePanel::removeRow);
}

void PhonePanel::setSimulator(Mock::Simulator* simulator)
{
    if (simulator == m_simulator || !simulator)
        return;
    disconnect(m_simulator, nullptr, this, nullptr);
    m_simulator = simulator;
    m_nextAnswer->setSimulator(simulator);
    connectSimulator();
    retranslate();
    rebuild();
}

void PhonePanel::setLanguage(Protocol::Language language)
{
    m_language = language;
    m_nextAnswer->setLanguage(language);
    retranslate();
}

QString PhonePanel::kindText(const QString& kind) const
{
    if (kind == QLatin1String("auth"))
        return tr("Log in");
    if (kind == QLatin1String("profile"))
        return tr("Share profile");
    if (kind == QLatin1String("eme") || kind == QLatin1String("anon-eme"))
        return tr("Fill in a form");
    if (kind == QLatin1String("reauth"))
        return tr("Confirm it is you");
    if (kind == QLatin1String("bulksign"))
        return tr("Sign documents");
    return tr("Sign");
}

QString PhonePanel::rowText(const Mock::PendingRequest& p) const
{
    return QStringLiteral("%1 · %2").arg(kindText(p.kind), p.businessId.isEmpty() ? p.state : p.businessId);
}

QString PhonePanel::currentId() const
{
    return m_pending->currentIndex().data(PendingModel::IdRole).toString();
}

void PhonePanel::selectRow(int row)
{
    m_pending->setCurrentIndex(m_model->index(row));
}

void PhonePanel::rebuild()
{
    const QString selected = currentId();
    m_model->setSimulator(m_simulator);
    const int row = m_model->rowOf(selected);
    selectRow(row >= 0 ? row : m_model->rowCount() - 1);
    showSelected();
}

void PhonePanel::addRow(const QString& id)
{
    m_model->add(id);
    if (!m_pending->currentIndex().isValid())
        selectRow(m_model->rowOf(id)); // shows it
}

void PhonePanel::removeRow(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const bool wasCurrent = m_pending->currentIndex().row() == row;
    {
        const QSignalBlocker quiet(m_pending->selectionModel()); // the row below must not flash up as current
        m_model->remove(id);
    }
    if (wasCurrent || !m_pending->currentIndex().isValid())
        selectRow(m_model->rowCount() - 1); // the last one, or none
    showSelected();
}

void PhonePanel::showSelected()
{
    const QString id = currentId();
    const Mock::PendingRequest* p = id.isEmpty() ? nullptr : m_simulator->request(id);
    for (QPushButton* b : {m_approve, m_reject, m_cancel, m_expire, m_fail})
        b->setEnabled(p != nullptr);
    m_notPassed->setEnabled(p && p->kind == QLatin1String("reauth"));
    if (!p) {
        m_screen->setText(tr("Nothing is waiting on the phone."));
        return;
    }
    // What the iAM Smart app would ask the user.
    QString text = QStringLiteral("<b>%1</b><br>").arg(kindText(p->kind).toHtmlEscaped());
    const QString service = p->body.value(QLatin1String("serviceName")).toString();
    const QString form = p->body.value(QLatin1String("formName")).toString();
    const QString document = p->body.value(QLatin1String("documentName")).toString();
    if (!service.isEmpty())
        text += tr("Service: %1").arg(service.toHtmlEscaped()) + QStringLiteral("<br>");
    if (!form.isEmpty())
        text += tr("Form: %1").arg(form.toHtmlEscaped()) + QStringLiteral("<br>");
    if (!document.isEmpty())
        text += tr("Document: %1").arg(document.toHtmlEscaped()) + QStringLiteral("<br>");
    QStringList fields;
    for (const char* key : {"profileFields", "eMEFields"}) {
        for (const QJsonValue& v : p->body.value(QLatin1String(key)).toArray())
            fields << v.toString();
    }
    if (!fields.isEmpty())
        text += tr("Data to share: %1").arg(fields.join(QStringLiteral(", ")).toHtmlEscaped()) + QStringLiteral("<br>");
    text += tr("Ticket %1").arg(p->ticketId.left(8));
    m_screen->setText(text);
}

bool PhonePanel::decide(const QString& decision)
{
    const QString id = currentId();
    if (id.isEmpty())
        return false;
    Util::Result<QJsonObject> result = Util::Error {QStringLiteral("none"), QString()};
    if (decision == QLatin1String("approve"))
        result = m_simulator->approve(id, m_persona->currentData().toString());
    else if (decision == QLatin1String("reject"))
        result = m_simulator->reject(id);
    else if (decision == QLatin1String("cancel"))
        result = m_simulator->cancel(id);
    else if (decision == QLatin1String("fail"))
        result = m_simulator->fail(id);
    else if (decision == QLatin1String("not-passed"))
        result = m_simulator->approve(
            id, m_persona->currentData().toString(), {{QStringLiteral("isPassed"), false}});
    else
        result = m_simulator->expire(id);
    if (!result) {
        m_answer = {};
        m_result->setText(result.error().detail);
        return false;
    }
    m_answer = {decision, result->value(QLatin1String("resultCode")).toString()};
    showAnswer();
    const QString redirect = result->value(QLatin1String("redirect")).toString();
    if (!redirect.isEmpty())
        emit browserRedirect(redirect);
    return true;
}

bool PhonePanel::directLogin()
{
    auto result = m_simulator->directLogin({}, m_persona->currentData().toString(), m_directLoginAddress);
    if (!result) {
        m_answer = {};
        m_result->setText(tr("No direct-login address: the callback listener is not running."));
        return false;
    }
    m_answer = {QStringLiteral("direct-login"), result->value(QLatin1String("resultCode")).toString()};
    showAnswer();
    emit browserRedirect(result->value(QLatin1String("redirect")).toString());
    return true;
}

void PhonePanel::showAnswer()
{
    // Formatted from the facts at every language switch, never kept as text.
    if (m_answer.first.isEmpty())
        return;
    const QString& d = m_answer.first;
    const QString& code = m_answer.second;
    m_result->setText(d == QLatin1String("approve") ? tr("Approved on the phone (%1)").arg(code)
            : d == QLatin1String("reject")          ? tr("Rejected on the phone (%1)").arg(code)
            : d == QLatin1String("cancel")          ? tr("Cancelled on the phone (%1)").arg(code)
            : d == QLatin1String("fail")            ? tr("Failed on the phone (%1)").arg(code)
            : d == QLatin1String("not-passed")      ? tr("Not passed on the phone (%1)").arg(code)
            : d == QLatin1String("direct-login")    ? tr("Logged in from the service catalogue (%1)").arg(code)
                                                    : tr("Left to expire on the phone (%1)").arg(code));
}

void PhonePanel::retranslate()
{
    showAnswer();
    m_approve->setText(tr("&Approve"));
    m_reject->setText(tr("&Reject"));
    m_cancel->setText(tr("Ca&ncel"));
    m_expire->setText(tr("Let e&xpire"));
    m_fail->setText(tr("&Fails"));
    m_fail->setToolTip(tr("The app reports a failure: the request ends with its failure code"));
    m_notPassed->setText(tr("Not &passed"));
    m_notPassed->setToolTip(tr("The re-authentication answers isPassed: false"));
    m_directLogin->setText(tr("Log in from the app's service &catalogue"));
    m_directLogin->setToolTip(tr("Direct login: the browser opens the service with a code and RefID"));
    for (QPushButton* b : {m_approve, m_reject, m_cancel, m_expire, m_fail, m_notPassed, m_directLogin})
        b->setAccessibleName(b->text().remove(QRegularExpression(QStringLiteral("\\(&.\\)|&"))));
    m_pending->setAccessibleName(tr("Requests waiting on the phone"));
    m_persona->setAccessibleName(tr("Persona"));
    const QString current = m_persona->currentData().toString();
    m_persona->clear();
    for (const Mock::Persona& p : m_simulator->personas()) {
        m_persona->addItem(QStringLiteral("%1 (%2)").arg(
                               p.displayName.get(m_language), p.canSign() ? tr("iAM Smart+") : tr("iAM Smart")),
            p.id);
    }
    const int index = m_persona->findData(current);
    m_persona->setCurrentIndex(index >= 0 ? index : 0);
    // The rows change their wording in place.
    m_model->reword();
    showSelected();
}

void PhonePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
