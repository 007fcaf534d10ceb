// MainWindow: the first-run "Start here" tab and the way into the Guide.
#include "MainWindow.h"

#include "LanguageManager.h"
#include "net/TlsPolicy.h"
#include "branding/ButtonGallery.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "flows/FlowView.h"
#include "flows/SequenceDiagram.h"
#include "forms/TryItForm.h"
#include "guide/GuideView.h"
#include "history/HistoryPanel.h"
#include "mock/Simulator.h"
#include "net/RequestGuard.h"
#include "phone/PhonePanel.h"
#include "protocol/ApiCatalog.h"
#include "qr/QrPanel.h"
#include "request/ApiPage.h"
#include "request/PdfSigningPanel.h"
#include "session/ApiDefinition.h"
#include "session/ConsoleSession.h"
#include "session/History.h"
#include "settings/EnvironmentDialog.h"
#include "storage/SecretStore.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}
} // namespace

void MainWindow::showGuide(bool search)
{
    m_mainTabs->setCurrentWidget(m_guide);
    if (search)
        m_guide->focusSearch();
}

void MainWindow::showStartHere(bool show)
{
    // A tab of its own: it takes no room from the APIs page, and a fresh profile opens on it.
    const int at = m_mainTabs->indexOf(m_startHere);
    if (show && at < 0) {
        m_mainTabs->insertTab(0, m_startHere, tr("Start here"));
        m_mainTabs->setCurrentIndex(0);
    } else if (show) {
        m_mainTabs->setCurrentIndex(at);
    } else if (at >= 0) {
        m_mainTabs->removeTab(at);
    }
    QSettings().setValue(QStringLiteral("startHere/dismissed"), !show);
}

void MainWindow::buildStartHere()
{
    m_startHere = new QWidget(this);
    m_startHere->setObjectName(QStringLiteral("startHerePanel"));
    auto* outer = new QVBoxLayout(m_startHere);
    outer->setContentsMargins(24, 16, 24, 16);
    auto* title = new QLabel(m_startHere);
    title->setObjectName(QStringLiteral("startHereTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    outer->addWidget(title);
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    const char* names[] = {"startHereTryLogin", "startHereExplore", "startHereFlows"};
    for (int i = 0; i < 3; ++i) {
        auto* b = new QPushButton(m_startHere);
        b->setObjectName(QLatin1String(names[i]));
        auto* about = new QLabel(m_startHere);
        about->setObjectName(QLatin1String(names[i]) + QStringLiteral("Text"));
        about->setWordWrap(true);
        grid->addWidget(b, i, 0);
        grid->addWidget(about, i, 1);
    }
    outer->addLayout(grid);
    auto* docs = new QLabel(m_startHere);
    docs->setObjectName(QStringLiteral("startHereText"));
    docs->setWordWrap(true);
    docs->setTextFormat(Qt::RichText);
    docs->setOpenExternalLinks(true);
    outer->addWidget(docs);
    auto* dismissRow = new QHBoxLayout;
    auto* guide = new QPushButton(m_startHere); // on the Dismiss row: the panel keeps its height
    guide->setObjectName(QStringLiteral("startHereGuide"));
    dismissRow->addWidget(guide);
    auto* dismiss = new QPushButton(m_startHere);
    dismiss->setObjectName(QStringLiteral("startHereDismiss"));
    dismissRow->addWidget(dismiss);
    dismissRow->addStretch();
    outer->addLayout(dismissRow);
    outer->addStretch();
    auto* tryLogin = m_startHere->findChild<QPushButton*>(QStringLiteral("startHereTryLogin"));
    tryLogin->setDefault(true);
    connect(tryLogin, &QPushButton::clicked, this, [this] { runOnPhone(QStringLiteral("login-profile"), true); });
    connect(m_startHere->findChild<QPushButton*>(QStringLiteral("startHereExplore")), &QPushButton::clicked, this,
        [this] {
            m_mainTabs->setCurrentIndex(m_mainTabs->indexOf(m_pages->parentWidget()));
            m_filter->setFocus();
        });
    connect(m_startHere->findChild<QPushButton*>(QStringLiteral("startHereFlows")), &QPushButton::clicked, this,
        [this] { m_mainTabs->setCurrentWidget(m_flowView); });
    connect(m_startHere->findChild<QPushButton*>(QStringLiteral("startHereGuide")), &QPushButton::clicked, this,
        [this] { showGuide(false); });
    connect(dismiss, &QPushButton::clicked, this, [this] { showStartHere(false); });
}

void MainWindow::retranslateStartHere()
{
    auto set = [this](const char* name, const QString& text, const QString& tip) {
        if (auto* b = m_startHere->findChild<QPushButton*>(QLatin1String(name))) {
            b->setText(text);
            b->setAccessibleName(text);
        }
        if (auto* about = m_startHere->findChild<QLabel*>(QLatin1String(name) + QStringLiteral("Text")))
            about->setText(tip);
    };
    if (const int at = m_mainTabs->indexOf(m_startHere); at >= 0)
        m_mainTabs->setTabText(at, tr("Start here"));
    m_startHere->findChild<QLabel*>(QStringLiteral("startHereTitle"))->setText(tr("Start here"));
    set("startHereTryLogin", tr("Try a login"),
        tr("Runs “Log in and share the profile”; the virtual phone waits for you to approve"));
    set("startHereExplore", tr("Explore the APIs"), tr("Every API as a prefilled form; Send shows the exact answer"));
    set("startHereFlows", tr("Run a guided flow"), tr("Whole journeys step by step, with a sequence diagram"));
    set("startHereGuide", GuideView::startHereText(), QString());
    if (auto* guide = m_startHere->findChild<QPushButton*>(QStringLiteral("startHereGuide")))
        guide->setToolTip(GuideView::startHereAbout());
    set("startHereDismiss", tr("Dismiss"), QString());
    if (auto* dismiss = m_startHere->findChild<QPushButton*>(QStringLiteral("startHereDismiss")))
        dismiss->setToolTip(tr("Hide this panel; Help → Start here shows it again"));
    const QString site = QStringLiteral("https://www.iamsmart.gov.hk/%1/")
                             .arg(m_languages->language() == Protocol::Language::English ? QStringLiteral("en")
                                     : m_languages->language() == Protocol::Language::TraditionalChinese
                                     ? QStringLiteral("tc")
                                     : QStringLiteral("sc"));
    m_startHere->findChild<QLabel*>(QStringLiteral("startHereText"))
        ->setText(tr("Docs: README.md with the console (every API, flow and command) and %1 for iAM Smart.")
                      .arg(QStringLiteral("<a href=\"%1\">%1</a>").arg(esc(site))));
    m_startHere->setAccessibleName(tr("Start here"));
}
