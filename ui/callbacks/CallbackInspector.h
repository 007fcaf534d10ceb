#pragma once

#include "callback/CallbackRecord.h"

#include <QWidget>

class QPlainTextEdit;
class QTreeWidget;

namespace Callback {
class CallbackListener;
}

/// The live list of callbacks the listener received (time, type, businessID, match status); selecting one
/// shows the raw request and what it decrypted to.
class CallbackInspector : public QWidget
{
    Q_OBJECT

public:
    explicit CallbackInspector(Callback::CallbackListener* listener, QWidget* parent = nullptr);
    int count() const;
    /// Presenter mode: personal data in decrypted content is partly hidden.
    void setMasking(bool masking);

protected:
    void changeEvent(QEvent* event) override;

private:
    void add(const Callback::CallbackRecord& record);
    void showDetail(int index);
    void retranslate();
    QString statusText(const QString& match) const;

    Callback::CallbackListener* m_listener;
    bool m_masking = false;
    QList<Callback::CallbackRecord> m_records;
    QTreeWidget* m_list;
    QPlainTextEdit* m_detail;
};
