#pragma once

#include "flows/FlowRunner.h"
#include "protocol/Text.h"

#include <QHash>
#include <QImage>
#include <QTextBrowser>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTreeWidget;
namespace Protocol {
class ApiCatalog;
}
namespace Flows {
struct FlowSpec;
}

/// The Guide's text as data (resources/guide/guide.json): pages, their sections, FAQ entries, device scenarios and
/// API families, every text in the three languages. `{{…}}` markers in a body are filled from the catalog.
struct GuideData
{
    struct Entry
    {
        QString id;
        QString page; ///< sections: the page they belong to
        Protocol::Text title; ///< FAQ: the question
        Protocol::Text body; ///< FAQ: the answer; HTML
    };
    struct Scenario
    {
        QString id;
        QStringList flows;
        Protocol::Text title;
        Protocol::Text text;
    };
    struct Family
    {
        QString id;
        QString flow;
        Protocol::Text title;
    };
    QList<Entry> pages;
    QList<Entry> sections;
    QList<Entry> faq;
    QList<Scenario> scenarios;
    QList<Family> families;
    /// Reads the file; `problems` receives every text missing a language (as "id: key").
    static GuideData load(const QString& path = QStringLiteral(":/guide/guide.json"), QStringList* problems = nullptr);
};

/// The browser of the Guide: serves the sequence diagrams as images.
class GuideBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    using QTextBrowser::QTextBrowser;
    QHash<QString, QImage> images;
    QVariant loadResource(int type, const QUrl& name) override;
};

/// The Guide: Overview, Things to Know, Use Cases, FAQ, About — written as data, with everything the catalog
/// knows (scopes, sources, fields, mock values) generated from it. One search box finds sections, FAQ entries and
/// APIs.
class GuideView : public QWidget
{
    Q_OBJECT

public:
    explicit GuideView(const Protocol::ApiCatalog* catalog, QWidget* parent = nullptr);
    void setLanguage(Protocol::Language language);
    /// Another catalog (tests load their own); re-renders.
    void setCatalog(const Protocol::ApiCatalog* catalog);
    /// The simulator state directory "About and help" names (the workbench's).
    void setStateDir(const QString& directory) { m_stateDir = directory; }
    const GuideData& data() const { return m_data; }
    /// The page shown for a page, section or FAQ id, scrolled to it; false when unknown.
    bool showSection(const QString& id);
    QString currentPage() const { return m_page; }
    /// The HTML of a page (overview, things, usecases, faq, about) in the current language.
    QString pageHtml(const QString& pageId);
    /// The value a copy: link of the current page puts on the clipboard.
    QStringList copyValues() const { return m_copyValues; }
    void focusSearch();
    QTextBrowser* browser() const;
    QLineEdit* searchBox() const { return m_search; }
    QListWidget* results() const { return m_results; }

    struct Hit
    {
        QString kind; ///< section, faq or api
        QString id;
        QString title;
    };
    QList<Hit> search(const QString& text) const;
    /// Static sequence of a flow definition: who talks to whom, step by step, without running it.
    static QList<Flows::SequenceMessage> outline(const Flows::FlowSpec& flow, const Protocol::ApiCatalog& catalog);

    static QString title() { return tr("Guide"); }
    static QString openText() { return tr("&Guide"); }
    static QString searchText() { return tr("Search the guide and APIs…"); }
    static QString startHereText() { return tr("Read the guide"); }
    static QString startHereAbout() { return tr("What iAM Smart is, scopes, sources, mock values, use cases and FAQ"); }

signals:
    void apiRequested(const QString& apiId);
    void flowRequested(const QString& flowId);

protected:
    void changeEvent(QEvent* event) override;
    /// Up and Down in the search box move through the results; Return opens the current one.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void populateTree();
    void updateResults(const QString& text);
    void activateHit(int row);
    void onAnchor(const QUrl& url);
    QString expand(const QString& body);
    QString enumTable(const QString& name) const;
    QString scopeTable() const;
    QString mockTable();
    QString scenarioList() const;
    QString familyDiagrams();
    QString versionBlock() const;
    QString pathTable() const;
    QString pageOf(const QString& id) const;

    const Protocol::ApiCatalog* m_catalog;
    QString m_stateDir;
    GuideData m_data;
    Protocol::Language m_language = Protocol::Language::English;
    QString m_page;
    QStringList m_copyValues;
    QLineEdit* m_search = nullptr;
    QStackedWidget* m_left = nullptr;
    QTreeWidget* m_tree = nullptr;
    QListWidget* m_results = nullptr;
    GuideBrowser* m_browser = nullptr;
};
