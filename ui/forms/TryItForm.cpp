#include "TryItForm.h"
#include "protocol/Envelope.h"

#include "crypto/Encoding.h"
#include "util/RequestStamp.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

struct TryItForm::Row
{
    const Protocol::FieldSpec* field = nullptr;
    QLabel* label = nullptr;
    QWidget* container = nullptr;
    QLineEdit* line = nullptr;
    QComboBox* combo = nullptr;
    QCheckBox* check = nullptr;
    QList<QCheckBox*> items;
    QToolButton* regenerate = nullptr;
    QToolButton* fromFile = nullptr;
    QToolButton* useEarned = nullptr;
    QLabel* error = nullptr;
};

TryItForm::TryItForm(const Protocol::ApiSpec& api, QWidget* parent)
    : QWidget(parent)
    , m_api(api)
    , m_layout(new QFormLayout(this))
{
    setObjectName(QStringLiteral("tryItForm"));
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows); // narrow panes put the editor under its label
    for (const Protocol::FieldSpec& f : api.fields)
        buildRow(f);
    setValues(api.mockValues());
    // iAM Smart takes a businessID once: each page starts with a fresh one (⟳ makes another), never the sample.
    for (Row* row : m_rows) {
        if (row->regenerate && row->field->name == QLatin1String("businessID"))
            row->line->setText(Util::randomHex32());
    }
}

void TryItForm::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Side by side only when an editor keeps about 30 characters; otherwise under its label, at full width.
    const auto policy = width() < fontMetrics().averageCharWidth() * 70 ? QFormLayout::WrapAllRows
                                                                         : QFormLayout::WrapLongRows;
    if (m_layout->rowWrapPolicy() != policy)
        m_layout->setRowWrapPolicy(policy);
}

TryItForm::~TryItForm()
{
    qDeleteAll(m_rows);
}

void TryItForm::buildRow(const Protocol::FieldSpec& f)
{
    auto* row = new Row;
    row->field = &f;
    row->container = new QWidget(this);
    auto* v = new QVBoxLayout(row->container);
    v->setContentsMargins(0, 0, 0, 0);
    auto* h = new QHBoxLayout;
    v->addLayout(h);
    const QString objectName = QStringLiteral("field_") + f.name;
    const Protocol::Enumeration* e
        = f.enumName.isEmpty() ? nullptr : Protocol::ApiCatalog::builtin().enumeration(f.enumName);
    auto notify = [this] {
        if (!m_loading)
            emit changed();
    };
    auto userEdit = [this, name = f.name] {
        m_userEdited.insert(name);
        emit edited(name);
    };
    if (f.type == QLatin1String("array") && e) {
        auto* grid = new QWidget(row->container);
        auto* flow = new QHBoxLayout(grid);
        flow->setContentsMargins(0, 0, 0, 0);
        auto* column = new QVBoxLayout;
        int n = 0;
        for (const Protocol::EnumValue& value : e->values) {
            auto* box = new QCheckBox(value.value, grid);
            box->setObjectName(objectName + QLatin1Char('_') + value.value);
            box->setProperty("enumValue", value.value);
            connect(box, &QCheckBox::toggled, this, notify);
            connect(box, &QCheckBox::clicked, this, userEdit);
            row->items.append(box);
            column->addWidget(box);
            if (++n % 6 == 0) {
                flow->addLayout(column);
                column = new QVBoxLayout;
            }
        }
        flow->addLayout(column);
        flow->addStretch();
        h->addWidget(grid);
    } else if (f.type == QLatin1String("boolean")) {
        row->check = new QCheckBox(row->container);
        row->check->setObjectName(objectName);
        connect(row->check, &QCheckBox::toggled, this, notify);
        connect(row->check, &QCheckBox::clicked, this, userEdit);
        h->addWidget(row->check);
        h->addStretch();
    } else if (e) {
        row->combo = new QComboBox(row->container);
        row->combo->setObjectName(objectName);
        if (!f.required)
            row->combo->addItem(QString());
        for (const Protocol::EnumValue& value : e->values)
            row->combo->addItem(value.value, value.value);
        connect(row->combo, &QComboBox::currentIndexChanged, this, notify);
        connect(row->combo, &QComboBox::activated, this, userEdit);
        h->addWidget(row->combo, 1);
    } else {
        row->line = new QLineEdit(row->container);
        row->line->setObjectName(objectName);
        row->line->setMinimumWidth(60);
        if (f.maxLength > 0 && f.type == QLatin1String("string"))
            row->line->setMaxLength(std::max(f.maxLength * 4, 1024)); // let over-long input in, so the rule can name it
        connect(row->line, &QLineEdit::textChanged, this, notify);
        connect(row->line, &QLineEdit::textEdited, this, userEdit);
        h->addWidget(row->line, 1);
    }
    if (f.generate && row->line) {
        row->regenerate = new QToolButton(row->container);
        row->regenerate->setObjectName(objectName + QStringLiteral("_regenerate"));
        row->regenerate->setText(QStringLiteral("⟳"));
        connect(row->regenerate, &QToolButton::clicked, this, [row, &f] {
            const QString fresh = Util::randomHex32();
            row->line->setText(f.format == QLatin1String("state") ? fresh.left(12) : fresh);
        });
        h->addWidget(row->regenerate);
    }
    if ((f.format == QLatin1String("sha256-base64") || f.format == QLatin1String("sha256-hex")) && row->line) {
        row->fromFile = new QToolButton(row->container);
        row->fromFile->setObjectName(objectName + QStringLiteral("_fromFile"));
        connect(row->fromFile, &QToolButton::clicked, this, [this, row] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Compute SHA-256 of a file"));
            QFile file(path);
            if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
                return;
            const QByteArray digest = Crypto::Encoding::sha256(file.readAll());
            const bool hex = row->field->format == QLatin1String("sha256-hex");
            row->line->setText(QString::fromLatin1(hex ? digest.toHex() : digest.toBase64()));
        });
        h->addWidget(row->fromFile);
    }
    if (!f.earned.isEmpty() && row->line) {
        row->useEarned = new QToolButton(row->container);
        row->useEarned->setObjectName(objectName + QStringLiteral("_useEarned"));
        row->useEarned->setEnabled(false);
        connect(row->useEarned, &QToolButton::clicked, this, [this, row] {
            m_preferSamples = false;
            row->line->setText(earnedFor(*row->field));
        });
        h->addWidget(row->useEarned);
    }
    row->error = new QLabel(row->container);
    row->error->setObjectName(objectName + QStringLiteral("_error"));
    row->error->setStyleSheet(QStringLiteral("color: #b00020;"));
    row->error->setWordWrap(true);
    row->error->hide();
    v->addWidget(row->error);
    row->label = new QLabel(this);
    row->label->setBuddy(row->line ? static_cast<QWidget*>(row->line)
            : row->combo           ? static_cast<QWidget*>(row->combo)
            : row->check           ? static_cast<QWidget*>(row->check)
                                   : nullptr);
    m_layout->addRow(row->label, row->container);
    m_rows.append(row);
}

void TryItForm::retranslate(Protocol::Language language)
{
    for (Row* row : m_rows) {
        const QString name = row->field->label.get(language);
        // "Label (name) *"; some catalog labels already name the field ("業務識別碼 (businessID)").
        const QString named = name.contains(QLatin1Char('(') + row->field->name + QLatin1Char(')'))
            ? name
            : QStringLiteral("%1 (%2)").arg(name, row->field->name);
        row->label->setText(named + (row->field->required ? QStringLiteral(" *") : QString()));
        row->label->setToolTip(row->field->description.get(language));
        for (QWidget* w :
            {static_cast<QWidget*>(row->line), static_cast<QWidget*>(row->combo), static_cast<QWidget*>(row->check)}) {
            if (w) {
                w->setAccessibleName(name);
                w->setToolTip(row->field->description.get(language));
            }
        }
        if (row->regenerate)
            row->regenerate->setToolTip(tr("Generate a new value"));
        if (row->fromFile) {
            row->fromFile->setText(tr("From file…"));
            row->fromFile->setToolTip(row->field->format == QLatin1String("sha256-hex")
                    ? tr("Compute the SHA-256 of a file, as 64 hex characters")
                    : tr("Compute the SHA-256 of a file, Base64-encoded"));
        }
        if (row->useEarned) {
            row->useEarned->setText(tr("Use earned"));
            row->useEarned->setToolTip(tr("Use the %1 an earlier call returned").arg(row->field->earned));
        }
    }
    if (!m_problems.isEmpty())
        validate();
}

QJsonObject TryItForm::values() const
{
    QJsonObject o;
    for (const Row* row : m_rows) {
        const Protocol::FieldSpec& f = *row->field;
        if (!row->items.isEmpty()) {
            QJsonArray array;
            for (const QCheckBox* box : row->items) {
                if (box->isChecked())
                    array.append(box->property("enumValue").toString());
            }
            if (!array.isEmpty() || f.required)
                o.insert(f.name, array);
        } else if (row->check) {
            o.insert(f.name, row->check->isChecked());
        } else if (row->combo) {
            const QString v = row->combo->currentData().toString();
            if (!v.isEmpty() || f.required)
                o.insert(f.name, v);
        } else if (row->line) {
            const QString text = row->line->text();
            if (text.isEmpty() && !f.required)
                continue;
            if (f.type == QLatin1String("integer")) {
                bool ok = false;
                const qint64 n = text.toLongLong(&ok);
                o.insert(f.name, ok ? QJsonValue(n) : QJsonValue(text));
            } else if (f.type == QLatin1String("object") || f.type == QLatin1String("array")) {
                const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
                o.insert(f.name,
                    doc.isObject()      ? QJsonValue(doc.object())
                        : doc.isArray() ? QJsonValue(doc.array())
                                        : QJsonValue(text));
            } else {
                o.insert(f.name, text);
            }
        }
    }
    return o;
}

void TryItForm::setValues(const QJsonObject& values)
{
    m_loading = true;
    for (Row* row : m_rows) {
        const QJsonValue v = values.value(row->field->name);
        if (!row->items.isEmpty()) {
            QStringList chosen;
            for (const QJsonValue& item : v.toArray())
                chosen << item.toString();
            for (QCheckBox* box : row->items)
                box->setChecked(chosen.contains(box->property("enumValue").toString()));
        } else if (row->check) {
            row->check->setChecked(v.toBool());
        } else if (row->combo) {
            const int index = row->combo->findData(v.toString());
            row->combo->setCurrentIndex(index >= 0 ? index : 0);
        } else if (row->line) {
            QString text;
            if (v.isString())
                text = v.toString();
            else if (v.isDouble())
                text = QString::number(qint64(v.toDouble()));
            else if (v.isObject())
                text = QString::fromUtf8(Protocol::compactJson(v.toObject()));
            else if (v.isArray())
                text = QString::fromUtf8(Protocol::compactJson(v.toArray()));
            if (row->line->text() != text)
                row->line->setText(text);
        }
    }
    m_loading = false;
}

QString TryItForm::ruleText(const Protocol::FieldViolation& v) const
{
    const Protocol::FieldSpec* f = m_api.field(v.field);
    if (v.rule == QLatin1String("missing"))
        return tr("%1 is required.").arg(v.field);
    if (v.rule == QLatin1String("empty"))
        return tr("%1 must not be empty.").arg(v.field);
    if (v.rule == QLatin1String("maxLength"))
        return tr("%1 is too long: at most %2 characters.").arg(v.field).arg(f ? f->maxLength : 0);
    if (v.rule == QLatin1String("pattern"))
        return tr("%1 does not have the required form (%2).").arg(v.field, f ? f->pattern : QString());
    if (v.rule == QLatin1String("enum"))
        return tr("%1 has a value that is not allowed.").arg(v.field);
    if (v.rule == QLatin1String("minItems"))
        return tr("%1 needs at least %2 item(s).").arg(v.field).arg(f ? f->minItems : 1);
    if (v.rule == QLatin1String("type"))
        return tr("%1 must be of type %2.").arg(v.field, f ? f->type : QString());
    return v.detail;
}

bool TryItForm::validate()
{
    m_problems.clear();
    const QJsonObject body = values();
    for (const Protocol::FieldViolation& v : Protocol::ApiCatalog::builtin().checkBody(m_api, body))
        m_problems.insert(v.field, ruleText(v));
    for (Row* row : m_rows) {
        const QString problem = m_problems.value(row->field->name);
        row->error->setText(problem);
        row->error->setVisible(!problem.isEmpty());
    }
    return m_problems.isEmpty();
}

void TryItForm::setEarned(const QMap<QString, QString>& earned)
{
    m_earned = earned;
    for (Row* row : m_rows) {
        if (!row->useEarned)
            continue;
        const QString value = earnedFor(*row->field);
        row->useEarned->setEnabled(!value.isEmpty());
        // A fresh value from this environment beats the portal's sample, unless the user chose otherwise.
        if (!value.isEmpty() && row->field->required && !m_preferSamples
            && !m_userEdited.contains(row->field->name) && row->line->text() != value)
            row->line->setText(value);
    }
}

void TryItForm::useSampleValues()
{
    m_preferSamples = true;
    const QJsonObject samples = m_api.mockValues();
    for (Row* row : m_rows) {
        if (row->useEarned && samples.contains(row->field->name))
            row->line->setText(samples.value(row->field->name).toVariant().toString());
    }
}

QString TryItForm::earnedFor(const Protocol::FieldSpec& field) const
{
    // An access token must carry the scope of the API (eidapi_profiles, eidapi_formFilling, …).
    if (field.earned == QLatin1String("accessToken") && !m_api.scope.isEmpty()
        && m_earned.contains(QStringLiteral("accessToken@") + m_api.scope))
        return m_earned.value(QStringLiteral("accessToken@") + m_api.scope);
    if (field.earned == QLatin1String("accessToken") && !m_api.scope.isEmpty()
        && m_earned.keys().filter(QStringLiteral("accessToken@")).size() > 0)
        return {}; // tokens exist, none with this scope
    return m_earned.value(field.earned);
}

QStringList TryItForm::missingEarned() const
{
    QStringList out;
    for (const Row* row : m_rows) {
        if (!row->useEarned || !row->field->required || !earnedFor(*row->field).isEmpty())
            continue;
        // A token of another scope does not do: say which scope the login must ask for.
        const QString name = row->field->earned == QLatin1String("accessToken") && !m_api.scope.isEmpty()
                && !m_earned.value(row->field->earned).isEmpty()
            ? tr("%1 with the scope %2").arg(row->field->earned, m_api.scope)
            : row->field->earned;
        if (!out.contains(name))
            out << name;
    }
    return out;
}
