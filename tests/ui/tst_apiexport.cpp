#include "LanguageManager.h"
#include "MainWindow.h"
#include "session/ApiDefinition.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QAbstractItemView>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QPushButton>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

/// File → Export API definition… driven with real key events: the menu, the save dialog, the written document.
class TestApiExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// Opens File with Alt+F, clicks the action, and types `path` into the save dialog.
    static void exportThroughTheMenu(MainWindow& window, const QString& path, const QString& filterPart)
    {
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QTRY_VERIFY(window.isActiveWindow());
        QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
        auto* menu = window.findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        auto* action = window.findChild<QAction*>(QStringLiteral("exportApiAction"));
        QVERIFY(action);
        bool typed = false;
        // The dialog is modal: fill it from a timer while its event loop runs.
        std::function<void()> fill = [&] {
            auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            if (!dialog) {
                QTimer::singleShot(20, fill);
                return;
            }
            for (const QString& f : dialog->nameFilters()) {
                if (f.contains(filterPart))
                    dialog->selectNameFilter(f);
            }
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            if (!name) {
                dialog->reject();
                return;
            }
            name->selectAll();
            QTest::keyClicks(name, path);
            if (name->completer() && name->completer()->popup())
                name->completer()->popup()->hide(); // its list would take the Return
            QTest::keyClick(name, Qt::Key_Return);
            if (dialog->isVisible()) // offscreen: the key may not reach the default button
                QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save), Qt::LeftButton);
            typed = true;
        };
        QTimer::singleShot(0, fill);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
        QTRY_VERIFY(typed);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void exportsJsonAndYaml()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);

        const QString json = m_dir.filePath(QStringLiteral("api.json"));
        exportThroughTheMenu(window, json, QStringLiteral("JSON"));
        QTRY_VERIFY(QFile::exists(json));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object(), Session::ApiDefinition::document({}));

        // The YAML filter with the JSON default name: the file becomes .yaml.
        exportThroughTheMenu(window, m_dir.filePath(QStringLiteral("api2.json")), QStringLiteral("YAML"));
        const QString yaml = m_dir.filePath(QStringLiteral("api2.yaml"));
        QTRY_VERIFY(QFile::exists(yaml));
        QFile y(yaml);
        QVERIFY(y.open(QIODevice::ReadOnly));
        const QByteArray text = y.readAll();
        QVERIFY(text.startsWith("---\n"));
        QVERIFY(text.contains("\nopenapi: \"3.0.3\"\n"));
        QCOMPARE(text, Session::ApiDefinition::serialize(Session::ApiDefinition::document({}), true));

        QVERIFY(!window.exportApiDefinition(m_dir.filePath(QStringLiteral("no/such/dir/api.json"))));
    }
};

QTEST_MAIN(TestApiExport)
#include "tst_apiexport.moc"
