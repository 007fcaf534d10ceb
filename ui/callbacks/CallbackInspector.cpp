#include "CallbackInspector.h"

#include "CallbackModel.h"

#include "callback/CallbackListener.h"
#include "util/Masking.h"

#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

CallbackInspector::CallbackInspector(Callback::CallbackListener* listener, QWidget* parent)
    : QWidget(parent)
    , m_listener(listener)
    , m_dropped(new QLabel(this))
    , m_model(new CallbackModel(listener, [this](const QString& match) { return statusText(match); }, this))
    , m_list(new QTreeView(this))
    , m_detail(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("callbackInspector"));
    m_list->setObjectName(QStringLiteral("callbackList"));
    m_dropped->setObjectName(QStringLiteral("callbackDroppedLabel"));
    m_dropped->setWordWrap(true);
    m_dropped->hide();
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true); // ten thousand records lay out without measuring each
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_detail->setObjectName(QStringLiteral("callbackDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Side by side: the dock is wide and short, so the detail gets the dock's whole height.
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dropped);
    layout->addWidget(splitter);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (index.isValid())
            showDetail(index.row());
    });
    connect(m_model, &CallbackModel::rowsInserted, m_list, [this](const QModelIndex&, int, int last) {
        m_list->scrollTo(m_model->index(last, 0));
    });
    connect(listener, &Callback::CallbackListener::recordsDropped, this, &CallbackInspector::updateDropped);
    connect(listener, &Callback::CallbackListener::recordsReset, this, &CallbackInspector::updateDropped);
    updateDropped();
    retranslate();
}

int CallbackInspector::count() const
{
    return m_model->rowCount();
}

QString CallbackInspector::statusText(const QString& match) const
{
    if (match == Callback::Match::Matched)
        return tr("matched");
    if (match == Callback::Match::StateMismatch)
        return tr("state mismatch (possible CSRF)");
    if (match == Callback::Match::Duplicate)
        return tr("duplicate");
    if (match == Callback::Match::UnknownBusinessId)
        return tr("unknown businessID");
    if (match == Callback::Match::UnknownState)
        return tr("unknown state");
    if (match == Callback::Match::Undecryptable)
        return tr("could not decrypt");
    return tr("rejected");
}

void CallbackInspector::updateDropped()
{
    const qint64 dropped = m_listener->droppedCount();
    m_dropped->setVisible(dropped > 0);
    m_dropped->setText(
        tr("%1 older callbacks were dropped from this list to bound memory.")
            .arg(dropped));
}

void CallbackInspector::showDetail(int index)
{
    const QList<Callback::CallbackRecord>& records = m_listener->records();
    if (index < 0 || index >= records.size())
        return;
    const Callback::CallbackRecord& r = records.at(index);
    QString text = QStringLiteral("%1 %2%3\n")
                       .arg(QString::fromLatin1(r.method), QString::fromUtf8(r.path),
                           r.query.isEmpty() ? QString() : QLatin1Char('?') + QString::fromUtf8(r.query));
    for (const auto& h : r.headers)
        text += QString::fromLatin1(h.first + ": " + h.second) + QLatin1Char('\n');
    // In presenter mode the raw (encrypted) body stays, the decrypted content below is masked.
    text += QLatin1Char('\n') + (m_masking ? Util::maskText(QString::fromUtf8(r.body)) : QString::fromUtf8(r.body))
        + QStringLiteral("\n\n");
    text += tr("Answered: HTTP %1").arg(r.httpStatus) + QLatin1Char('\n');
    text += tr("Match: %1").arg(statusText(r.matchStatus)) + QLatin1Char('\n');
    if (!r.envelopeCode.isEmpty())
        text += tr("Return code: %1").arg(r.envelopeCode) + QLatin1Char('\n');
    if (!r.errorCode.isEmpty())
        text += tr("Error: %1 — %2").arg(r.errorCode, r.errorDetail) + QLatin1Char('\n');
    for (const QString& p : r.shapeProblems)
        text += tr("Shape: %1").arg(p) + QLatin1Char('\n');
    if (r.content.isObject())
        text += QLatin1Char('\n') + tr("Decrypted content:") + QLatin1Char('\n')
            + QString::fromUtf8(QJsonDocument((m_masking ? Util::maskPersonalData(r.content) : r.content).toObject())
                                    .toJson(QJsonDocument::Indented));
    m_detail->setPlainText(text);
}

void CallbackInspector::setMasking(bool masking)
{
    m_masking = masking;
    if (m_list->currentIndex().isValid())
        showDetail(m_list->currentIndex().row());
}

void CallbackInspector::retranslate()
{
    m_model->setHeaderLabels({tr("Time"), tr("Callback"), tr("businessID"), tr("Match")});
    m_list->setAccessibleName(tr("Received callbacks"));
    m_detail->setAccessibleName(tr("Callback detail"));
    updateDropped();
    m_model->reword();
    if (m_list->currentIndex().isValid())
        showDetail(m_list->currentIndex().row());
}

void CallbackInspector::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
