#include "NextAnswerPicker.h"

#include "mock/Simulator.h"
#include "protocol/ApiCatalog.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>

NextAnswerPicker::NextAnswerPicker(Mock::Simulator* simulator, QWidget* parent)
    : QWidget(parent)
    , m_simulator(simulator)
    , m_title(new QLabel(this))
    , m_api(new QComboBox(this))
    , m_code(new QComboBox(this))
    , m_arm(new QPushButton(this))
    , m_clear(new QPushButton(this))
    , m_armed(new QLabel(this))
{
    setObjectName(QStringLiteral("nextAnswerPicker"));
    m_api->setObjectName(QStringLiteral("nextAnswerApiCombo"));
    m_code->setObjectName(QStringLiteral("nextAnswerCodeCombo"));
    m_arm->setObjectName(QStringLiteral("nextAnswerArmButton"));
    m_clear->setObjectName(QStringLiteral("nextAnswerClearButton"));
    m_armed->setObjectName(QStringLiteral("nextAnswerArmedLabel"));
    m_armed->setWordWrap(true);
    for (QComboBox* c : {m_api, m_code}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(12);
    }
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title, 0, 0);
    layout->addWidget(m_api, 0, 1, 1, 2);
    layout->addWidget(m_code, 1, 0, 1, 2);
    layout->addWidget(m_arm, 1, 2);
    layout->addWidget(m_clear, 2, 2);
    layout->addWidget(m_armed, 2, 0, 1, 2);
    layout->setColumnStretch(1, 1);
    // Requests consume armed answers behind the picker's back: the list follows them.
    auto* refresh = new QTimer(this);
    refresh->setInterval(1000);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            showArmed();
    });
    refresh->start();
    connect(m_api, &QComboBox::currentIndexChanged, this, &NextAnswerPicker::fillCodes);
    connect(m_arm, &QPushButton::clicked, this, &NextAnswerPicker::arm);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_simulator->faultBoard().clear();
        showArmed();
    });
    retranslate();
}

void NextAnswerPicker::setSimulator(Mock::Simulator* simulator)
{
    if (simulator)
        m_simulator = simulator;
    showArmed();
}

void NextAnswerPicker::setLanguage(Protocol::Language language)
{
    m_language = language;
    retranslate();
}

bool NextAnswerPicker::select(const QString& apiId, const QString& code)
{
    const int api = m_api->findData(apiId);
    if (api < 0)
        return false;
    m_api->setCurrentIndex(api);
    const int c = m_code->findData(code);
    if (c < 0)
        return false;
    m_code->setCurrentIndex(c);
    return true;
}

void NextAnswerPicker::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NextAnswerPicker::retranslate()
{
    m_title->setText(tr("Next answer"));
    m_api->setAccessibleName(tr("API of the next answer"));
    m_code->setAccessibleName(tr("Code of the next answer"));
    m_arm->setText(tr("Ar&m"));
    m_arm->setToolTip(tr("The next request to this API answers this code"));
    m_clear->setText(tr("C&lear"));
    m_clear->setToolTip(tr("Disarm every armed answer"));
    const QString current = m_api->currentData().toString();
    {
        const QSignalBlocker quiet(m_api);
        m_api->clear();
        for (const Protocol::ApiSpec& a : Protocol::ApiCatalog::builtin().apis()) {
            if (!a.isGateway() && !a.returnCodes.isEmpty())
                m_api->addItem(a.label.get(m_language), a.id);
        }
        const int index = m_api->findData(current);
        m_api->setCurrentIndex(index >= 0 ? index : 0);
    }
    fillCodes();
    showArmed();
}

void NextAnswerPicker::fillCodes()
{
    const auto& catalog = Protocol::ApiCatalog::builtin();
    const QString current = m_code->currentData().toString();
    m_code->clear();
    const Protocol::ApiSpec* api = catalog.api(m_api->currentData().toString());
    if (!api)
        return;
    for (const QString& code : api->returnCodes) {
        const Protocol::ReturnCode* rc = catalog.returnCode(code);
        const QString meaning = rc ? QString(rc->meaning.get(m_language)).replace(QLatin1String("%1"), QStringLiteral("…")) : QString();
        m_code->addItem(QStringLiteral("%1 · %2").arg(code, meaning), code);
        m_code->setItemData(m_code->count() - 1, catalog.how(*api, code).get(m_language), Qt::ToolTipRole);
    }
    const int index = m_code->findData(current);
    m_code->setCurrentIndex(index >= 0 ? index : 0);
}

void NextAnswerPicker::arm()
{
    const QJsonObject body {{QStringLiteral("api"), m_api->currentData().toString()},
        {QStringLiteral("code"), m_code->currentData().toString()}, {QStringLiteral("times"), 1}};
    if (const auto refused = m_simulator->faultBoard().arm(Protocol::ApiCatalog::builtin(), body)) {
        // The picker offers listed codes only, so the one refusal left is the limit on armed answers.
        m_armed->setText(tr("Too many answers are armed: clear them first."));
        return;
    }
    showArmed();
}

void NextAnswerPicker::showArmed()
{
    const QJsonArray armed = m_simulator->faultBoard().toJson();
    QStringList lines;
    for (const QJsonValue& v : armed) {
        const QJsonObject f = v.toObject();
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(f.value(QLatin1String("api")).toString());
        lines << tr("%1 answers %2 (%n time(s))", nullptr, f.value(QLatin1String("times")).toInt())
                     .arg(api ? api->label.get(m_language) : tr("Every API"), f.value(QLatin1String("code")).toString());
    }
    m_armed->setText(lines.isEmpty() ? tr("Nothing armed: requests are answered as usual.") : lines.join(QLatin1Char('\n')));
    m_clear->setEnabled(!lines.isEmpty());
}
