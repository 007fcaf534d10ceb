#include "ExtrasEditor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const char* const headerRole = "iamsmartExtraHeader";

} // namespace

ExtrasEditor::ExtrasEditor(QWidget* parent)
    : QWidget(parent)
    , m_headers(new QVBoxLayout)
    , m_query(new QVBoxLayout)
    , m_addHeader(new QPushButton(this))
    , m_addParameter(new QPushButton(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("extrasEditor"));
    m_addHeader->setObjectName(QStringLiteral("addHeaderButton"));
    m_addParameter->setObjectName(QStringLiteral("addParameterButton"));
    m_note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_headers);
    layout->addLayout(m_query);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addHeader);
    buttons->addWidget(m_addParameter);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(m_note);
    connect(m_addHeader, &QPushButton::clicked, this, [this] { addHeader()->setFocus(); });
    connect(m_addParameter, &QPushButton::clicked, this, [this] { addParameter()->setFocus(); });
    retranslate();
}

QWidget* ExtrasEditor::addHeader(const QString& name, const QString& value)
{
    return addRow(m_headers, true, name, value);
}

QWidget* ExtrasEditor::addParameter(const QString& name, const QString& value)
{
    return addRow(m_query, false, name, value);
}

QWidget* ExtrasEditor::addRow(QVBoxLayout* into, bool header, const QString& name, const QString& value)
{
    auto* row = new QWidget(this);
    row->setProperty(headerRole, header);
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* nameEdit = new QLineEdit(name, row);
    auto* valueEdit = new QLineEdit(value, row);
    auto* remove = new QToolButton(row);
    nameEdit->setObjectName(header ? QStringLiteral("extraHeaderName") : QStringLiteral("extraParameterName"));
    valueEdit->setObjectName(header ? QStringLiteral("extraHeaderValue") : QStringLiteral("extraParameterValue"));
    remove->setObjectName(QStringLiteral("removeExtraButton"));
    remove->setText(QStringLiteral("×"));
    h->addWidget(nameEdit, 1);
    h->addWidget(valueEdit, 2);
    h->addWidget(remove);
    into->addWidget(row);
    connect(nameEdit, &QLineEdit::textChanged, this, [this] {
        check();
        emit changed();
    });
    connect(valueEdit, &QLineEdit::textChanged, this, &ExtrasEditor::changed);
    connect(remove, &QToolButton::clicked, this, [this, row] {
        row->hide();
        row->deleteLater();
        row->setProperty(headerRole, QVariant()); // no longer counted
        emit changed();
    });
    retranslate();
    check();
    emit changed();
    return nameEdit;
}

Protocol::RequestExtras ExtrasEditor::extras() const
{
    Protocol::RequestExtras out;
    for (QWidget* row : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        const QVariant kind = row->property(headerRole);
        if (!kind.isValid())
            continue;
        const auto edits = row->findChildren<QLineEdit*>();
        if (edits.size() != 2)
            continue;
        const QString name = edits.at(0)->text().trimmed();
        if (name.isEmpty())
            continue;
        (kind.toBool() ? out.headers : out.query).append({name, edits.at(1)->text()});
    }
    return out;
}

void ExtrasEditor::check()
{
    for (QLineEdit* name : findChildren<QLineEdit*>(QStringLiteral("extraHeaderName"))) {
        const bool bad = !name->text().trimmed().isEmpty() && !Protocol::RequestExtras::isHeaderName(name->text().trimmed());
        name->setStyleSheet(bad ? QStringLiteral("border: 1px solid #c62828;") : QString());
        name->setToolTip(bad ? tr("Not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only); it is left out.")
                             : tr("Header name"));
    }
}

void ExtrasEditor::retranslate()
{
    m_addHeader->setText(tr("+ Add header"));
    m_addParameter->setText(tr("+ Add parameter"));
    m_note->setText(tr("Added headers and query parameters are sent as typed but not signed: iAM Smart signs the "
                       "body only."));
    m_note->setVisible(!extras().isEmpty() || findChild<QLineEdit*>() != nullptr);
    for (QLineEdit* e : findChildren<QLineEdit*>(QStringLiteral("extraHeaderName")))
        e->setPlaceholderText(tr("Header name"));
    for (QLineEdit* e : findChildren<QLineEdit*>(QStringLiteral("extraParameterName")))
        e->setPlaceholderText(tr("Parameter name"));
    for (QLineEdit* e : findChildren<QLineEdit*>(QRegularExpression(QStringLiteral("^extra.*Value$"))))
        e->setPlaceholderText(tr("Value"));
    for (QToolButton* b : findChildren<QToolButton*>(QStringLiteral("removeExtraButton")))
        b->setToolTip(tr("Remove"));
    check();
}

void ExtrasEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
