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
class QrPanel;
class CallbackInspector;
class PhonePanel;
class QDockWidget;
class QNetworkAccessManager;
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
    QrPanel* qrPanel() const { return m_qr; }
    CallbackInspector* callbackInspector() const { return m_callbackInspector; }
    PhonePanel* phonePanel() const { return m_phone; }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void populateTree();
    void applyFilter(const QString& text);
    void showApi(const QString& id);
    void connectToSimulator();
    void buildDocks();
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
    QrPanel* m_qr = nullptr;
    CallbackInspector* m_callbackInspector = nullptr;
    PhonePanel* m_phone = nullptr;
    QDockWidget* m_qrDock = nullptr;
    QDockWidget* m_callbacksDock = nullptr;
    QDockWidget* m_phoneDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QNetworkAccessManager* m_browser = nullptr;
    QLabel* m_status = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
};
