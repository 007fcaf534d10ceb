#pragma once

#include "protocol/Text.h"

#include <QMainWindow>

class LanguageManager;
namespace Mock {
class Simulator;
}
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

/// The console's main window: the API catalog on the left, the selected API's specification on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `simulator` is the embedded iAM Smart the console runs on by default (may be null).
    explicit MainWindow(LanguageManager* languages, Mock::Simulator* simulator = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Selects an API in the catalog tree by id; false if there is none.
    bool selectApi(const QString& id);
    QString currentApiId() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void populateTree();
    void applyFilter(const QString& text);
    void showApi(const QString& id);
    QString categoryLabel(const QString& category) const;

    LanguageManager* m_languages;
    Mock::Simulator* m_simulator;
    QLabel* m_simulatorStatus = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QTextBrowser* m_spec = nullptr;
    QLabel* m_status = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
};
