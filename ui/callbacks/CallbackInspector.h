#pragma once

#include "callback/CallbackRecord.h"

#include <QWidget>

class CallbackModel;
class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace Callback {
class CallbackListener;
}

/// The live list of callbacks the listener received (time, type, businessID, match status); selecting one
/// shows the raw request and what it decrypted to. Row i is the listener's record i: rows are appended and
/// dropped as the listener keeps and drops records, never rebuilt on each change, and no record is copied.
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
    void showDetail(int index);
    void updateDropped();
    void retranslate();
    QString statusText(const QString& match) const;

    Callback::CallbackListener* m_listener;
    bool m_masking = false;
    QLabel* m_dropped;
    CallbackModel* m_model;
    QTreeView* m_list;
    QPlainTextEdit* m_detail;
};
