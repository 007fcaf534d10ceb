#pragma once

#include "protocol/Text.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace Mock {
class Simulator;
}

/// "Next answer" on the virtual phone: pick an API of the iAM Smart family and one of the codes its catalog entry
/// lists (with its meaning, in the UI language); Arm makes the next request to that API answer that code, as
/// POST /__mock/faults does. Clear disarms everything.
class NextAnswerPicker : public QWidget
{
    Q_OBJECT

public:
    explicit NextAnswerPicker(Mock::Simulator* simulator, QWidget* parent = nullptr);
    void setSimulator(Mock::Simulator* simulator);
    void setLanguage(Protocol::Language language);
    /// Selects `apiId` and `code` (tests and deep links); false when the API or code is not offered.
    bool select(const QString& apiId, const QString& code);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillCodes();
    void arm();
    void showArmed();

    Mock::Simulator* m_simulator;
    Protocol::Language m_language = Protocol::Language::English;
    QLabel* m_title;
    QComboBox* m_api;
    QComboBox* m_code;
    QPushButton* m_arm;
    QPushButton* m_clear;
    QLabel* m_armed;
};
