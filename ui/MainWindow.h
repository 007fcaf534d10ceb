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
class QStackedWidget;
class ApiPage;
namespace Session {
class ConsoleSession;
}
namespace Callback {
class CallbackListener;
}

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
    /// The page of the selected API (null before any is selected).
    ApiPage* currentPage() const;
    ApiPage* page(const QString& id);
    Session::ConsoleSession* session() const { return m_session; }
    Callback::CallbackListener* listener() const { return m_listener; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void populateTree();
    void applyFilter(const QString& text);
    void showApi(const QString& id);
    void connectToSimulator();
    QString categoryLabel(const QString& category) const;

    LanguageManager* m_languages;
    Mock::Simulator* m_simulator;
    QLabel* m_simulatorStatus = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QStackedWidget* m_pages = nullptr;
    QHash<QString, ApiPage*> m_pageById;
    Session::ConsoleSession* m_session = nullptr;
    Callback::CallbackListener* m_listener = nullptr;
    QLabel* m_status = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
};
