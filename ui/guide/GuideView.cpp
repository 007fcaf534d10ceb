#include "GuideView.h"
#include "protocol/ReturnCodes.h"

#include "flows/Flow.h"
#include "flows/Report.h"
#include "protocol/ApiCatalog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTreeWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

using Protocol::Language;

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr int KindRole = Qt::UserRole + 2;

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString plain(const QString& html)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    return QString(html).remove(tags);
}

QString jsonText(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return QString();
}

const QString tableStyle = QStringLiteral(" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-color:#c8c8c8\"");
} // namespace

GuideData GuideData::load(const QString& path, QStringList* problems)
{
    GuideData out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append(path + QStringLiteral(": cannot be read"));
        return out;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    auto text = [problems](const QString& id, const QString& key, const QJsonValue& v) {
        QStringList missing;
        Protocol::Text t = Protocol::Text::fromJson(v, &missing);
        if (problems)
            for (const QString& m : std::as_const(missing))
                problems->append(id + QStringLiteral(": ") + key + QLatin1Char(' ') + m);
        return t;
    };
    auto entries = [&](const QString& list, const QString& titleKey, const QString& bodyKey) {
        QList<Entry> result;
        for (const QJsonValue& v : root.value(list).toArray()) {
            const QJsonObject o = v.toObject();
            Entry e;
            e.id = o.value(QLatin1String("id")).toString();
            e.page = o.value(QLatin1String("page")).toString();
            e.title = text(e.id, titleKey, o.value(titleKey));
            if (!bodyKey.isEmpty())
                e.body = text(e.id, bodyKey, o.value(bodyKey));
            result.append(e);
        }
        return result;
    };
    out.pages = entries(QStringLiteral("pages"), QStringLiteral("title"), QString());
    out.sections = entries(QStringLiteral("sections"), QStringLiteral("title"), QStringLiteral("body"));
    out.faq = entries(QStringLiteral("faq"), QStringLiteral("q"), QStringLiteral("a"));
    for (const QJsonValue& v : root.value(QLatin1String("scenarios")).toArray()) {
        const QJsonObject o = v.toObject();
        Scenario s;
        s.id = o.value(QLatin1String("id")).toString();
        for (const QJsonValue& flow : o.value(QLatin1String("flows")).toArray())
            s.flows << flow.toString();
        s.title = text(s.id, QStringLiteral("title"), o.value(QLatin1String("title")));
        s.text = text(s.id, QStringLiteral("text"), o.value(QLatin1String("text")));
        out.scenarios.append(s);
    }
    for (const QJsonValue& v : root.value(QLatin1String("families")).toArray()) {
        const QJsonObject o = v.toObject();
        Family fam;
        fam.id = o.value(QLatin1String("id")).toString();
        fam.flow = o.value(QLatin1String("flow")).toString();
        fam.title = text(fam.id, QStringLiteral("title"), o.value(QLatin1String("title")));
        out.families.append(fam);
    }
    return out;
}

QVariant GuideBrowser::loadResource(int type, const QUrl& name)
{
    if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("diagram"))
        return images.value(name.path());
    return QTextBrowser::loadResource(type, name);
}

GuideView::GuideView(const Protocol::ApiCatalog* catalog, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_data(GuideData::load())
{
    setObjectName(QStringLiteral("guideView"));
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(left);
    m_search->setObjectName(QStringLiteral("guideSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_left = new QStackedWidget(left);
    m_tree = new QTreeWidget(m_left);
    m_tree->setObjectName(QStringLiteral("guideTree"));
    m_tree->setHeaderHidden(true);
    m_results = new QListWidget(m_left);
    m_results->setObjectName(QStringLiteral("guideResults"));
    m_left->addWidget(m_tree);
    m_left->addWidget(m_results);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_left);
    m_browser = new GuideBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenLinks(false);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_browser, &QTextBrowser::anchorClicked, this, &GuideView::onAnchor);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            showSection(item->data(0, IdRole).toString());
    });
    connect(m_search, &QLineEdit::textChanged, this, &GuideView::updateResults);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { activateHit(std::max(0, m_results->currentRow())); });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) { activateHit(m_results->row(item)); });
    setLanguage(m_language);
}

QTextBrowser* GuideView::browser() const
{
    return m_browser;
}

void GuideView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_search->setPlaceholderText(tr("Search (Ctrl+K): guide, FAQ, APIs"));
        m_search->setAccessibleName(tr("Search the guide and APIs"));
        m_tree->setAccessibleName(tr("Guide contents"));
        m_results->setAccessibleName(tr("Search results"));
        m_browser->setAccessibleName(title());
    }
    QWidget::changeEvent(event);
}

bool GuideView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress && m_results->count() > 0) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int step = key == Qt::Key_Down ? 1 : -1;
            m_results->setCurrentRow(std::clamp(m_results->currentRow() + step, 0, int(m_results->count()) - 1));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GuideView::setLanguage(Language language)
{
    m_language = language;
    m_search->setPlaceholderText(tr("Search (Ctrl+K): guide, FAQ, APIs"));
    const QString shown = m_page.isEmpty() ? QStringLiteral("overview") : m_page;
    m_page.clear();
    populateTree();
    showSection(shown);
    updateResults(m_search->text());
}

void GuideView::setCatalog(const Protocol::ApiCatalog* catalog)
{
    m_catalog = catalog;
    const QString shown = m_page.isEmpty() ? QStringLiteral("overview") : m_page;
    m_page.clear();
    showSection(shown);
}

void GuideView::populateTree()
{
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    for (const GuideData::Entry& page : m_data.pages) {
        auto* top = new QTreeWidgetItem(m_tree, {page.title.get(m_language)});
        top->setData(0, IdRole, page.id);
        const QList<GuideData::Entry>& children = page.id == QLatin1String("faq") ? m_data.faq : m_data.sections;
        for (const GuideData::Entry& s : children) {
            if (page.id != QLatin1String("faq") && s.page != page.id)
                continue;
            auto* item = new QTreeWidgetItem(top, {s.title.get(m_language)});
            item->setData(0, IdRole, s.id);
            item->setToolTip(0, s.title.get(m_language));
        }
        top->setExpanded(page.id != QLatin1String("faq"));
    }
}

QString GuideView::pageOf(const QString& id) const
{
    for (const GuideData::Entry& p : m_data.pages)
        if (p.id == id)
            return id;
    for (const GuideData::Entry& s : m_data.sections)
        if (s.id == id)
            return s.page;
    for (const GuideData::Entry& q : m_data.faq)
        if (q.id == id)
            return QStringLiteral("faq");
    return QString();
}

bool GuideView::showSection(const QString& id)
{
    const QString page = pageOf(id);
    if (page.isEmpty())
        return false;
    if (page != m_page) {
        m_page = page;
        m_browser->setHtml(pageHtml(page));
    }
    if (id == page)
        m_browser->verticalScrollBar()->setValue(0);
    else
        m_browser->scrollToAnchor(id);
    return true;
}

QString GuideView::pageHtml(const QString& pageId)
{
    m_copyValues.clear();
    QString html;
    for (const GuideData::Entry& p : m_data.pages)
        if (p.id == pageId)
            html += QStringLiteral("<h1>%1</h1>").arg(esc(p.title.get(m_language)));
    if (pageId == QLatin1String("faq")) {
        for (const GuideData::Entry& q : m_data.faq)
            html += QStringLiteral("<h3><a name=\"%1\"></a>%2</h3><p>%3</p>")
                        .arg(q.id, esc(q.title.get(m_language)), q.body.get(m_language));
        return html;
    }
    for (const GuideData::Entry& s : m_data.sections) {
        if (s.page != pageId)
            continue;
        html += QStringLiteral("<h2><a name=\"%1\"></a>%2</h2>").arg(s.id, esc(s.title.get(m_language)));
        html += expand(s.body.get(m_language));
    }
    return html;
}

QString GuideView::expand(const QString& body)
{
    static const QRegularExpression marker(QStringLiteral("\\{\\{([a-zA-Z:]+)\\}\\}"));
    QString out;
    qsizetype at = 0;
    for (auto it = marker.globalMatch(body); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += body.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString name = m.captured(1);
        if (name.startsWith(QLatin1String("enum:")))
            out += enumTable(name.mid(5));
        else if (name == QLatin1String("scopes"))
            out += scopeTable();
        else if (name == QLatin1String("mock"))
            out += mockTable();
        else if (name == QLatin1String("scenarios"))
            out += scenarioList();
        else if (name == QLatin1String("families"))
            out += familyDiagrams();
        else if (name == QLatin1String("version"))
            out += versionBlock();
        else if (name == QLatin1String("paths"))
            out += pathTable();
    }
    return out + body.mid(at);
}

QString GuideView::enumTable(const QString& name) const
{
    const Protocol::Enumeration* e = m_catalog ? m_catalog->enumeration(name) : nullptr;
    if (!e)
        return QString();
    QString html = QStringLiteral("<h4>%1 (<code>%2</code>)</h4><table%3><tr><th>%4</th><th>%5</th></tr>")
                       .arg(esc(e->label.get(m_language)), esc(name), tableStyle, tr("Value"), tr("Meaning"));
    for (const Protocol::EnumValue& v : e->values)
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td></tr>").arg(esc(v.value), esc(v.label.get(m_language)));
    return html + QStringLiteral("</table>");
}

QString GuideView::scopeTable() const
{
    const Protocol::Enumeration* e = m_catalog ? m_catalog->enumeration(QStringLiteral("scopes")) : nullptr;
    if (!e)
        return QString();
    QString html = QStringLiteral("<table%1><tr><th>%2</th><th>%3</th><th>%4</th></tr>")
                       .arg(tableStyle, tr("Scope"), tr("Meaning"), tr("APIs that need it"));
    for (const Protocol::EnumValue& v : e->values) {
        QStringList apis;
        for (const Protocol::ApiSpec& api : m_catalog->apis())
            if (api.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(v.value))
                apis << QStringLiteral("<a href=\"api:%1\">%2</a>").arg(esc(api.id), esc(api.label.get(m_language)));
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td></tr>")
                    .arg(esc(v.value), esc(v.label.get(m_language)), apis.join(QStringLiteral(", ")));
    }
    return html + QStringLiteral("</table>");
}

QString GuideView::mockTable()
{
    if (!m_catalog)
        return QString();
    // One row per parameter and value, with the APIs that start with it, in catalog order.
    struct Row
    {
        QString name;
        QString value;
        QStringList apis;
    };
    QList<Row> rows;
    for (const Protocol::ApiSpec& api : m_catalog->apis()) {
        if (api.kind == Protocol::ApiKind::Callback)
            continue;
        for (const Protocol::FieldSpec& f : api.fields) {
            if (f.mock.isNull() || f.mock.isUndefined())
                continue;
            const QString value = jsonText(f.mock);
            auto found = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.name == f.name && r.value == value; });
            const QString link = QStringLiteral("<a href=\"api:%1\">%2</a>").arg(esc(api.id), esc(api.label.get(m_language)));
            if (found == rows.end())
                rows.append({f.name, value, {link}});
            else
                found->apis << link;
        }
    }
    QString html = QStringLiteral("<table%1><tr><th>%2</th><th>%3</th><th></th><th>%4</th></tr>")
                       .arg(tableStyle, tr("Parameter"), tr("Mock value"), tr("Used by"));
    auto row = [&](const QString& name, const QString& value, const QString& apis) {
        m_copyValues << value;
        html += QStringLiteral("<tr><td><code>%1</code></td><td><code>%2</code></td><td><a href=\"copy:%3\">%4</a></td><td>%5</td></tr>")
                    .arg(esc(name), esc(value), QString::number(m_copyValues.size() - 1), tr("Copy"), apis);
    };
    for (const Protocol::HeaderSpec& h : m_catalog->headers(QStringLiteral("iamsmart")))
        if (!h.mock.isEmpty())
            row(h.name, h.mock, tr("request header"));
    for (const Row& r : std::as_const(rows))
        row(r.name, r.value, r.apis.join(QStringLiteral(", ")));
    return html + QStringLiteral("</table>");
}

QString GuideView::scenarioList() const
{
    QHash<QString, Protocol::Text> labels;
    for (const Flows::FlowSpec& f : Flows::loadFlows().valueOr({}))
        labels.insert(f.id, f.label);
    QString html;
    for (const GuideData::Scenario& s : m_data.scenarios) {
        html += QStringLiteral("<h3><a name=\"%1\"></a>%2</h3><p>%3</p><ul>")
                    .arg(s.id, esc(s.title.get(m_language)), esc(s.text.get(m_language)));
        for (const QString& flow : s.flows)
            html += QStringLiteral("<li><a href=\"flow:%1\">%2</a></li>").arg(esc(flow), esc(labels.value(flow).get(m_language)));
        html += QStringLiteral("</ul>");
    }
    return html;
}

QList<Flows::SequenceMessage> GuideView::outline(const Flows::FlowSpec& flow, const Protocol::ApiCatalog& catalog)
{
    using namespace Flows;
    QList<SequenceMessage> out;
    auto add = [&out](const QString& from, const QString& to, const QString& label) { out.append({from, to, label, 0}); };
    for (const StepSpec& step : flow.steps) {
        const Protocol::ApiSpec* api = catalog.api(step.apiId);
        if (!api)
            continue;
        if (api->kind == Protocol::ApiKind::Browser) {
            add(Lane::Browser, Lane::IamSmart, QStringLiteral("GET ") + api->path);
            add(Lane::IamSmart, Lane::Phone, flow.variant == QLatin1String("app") ? QStringLiteral("open app") : QStringLiteral("scan QR"));
            add(Lane::Phone, Lane::IamSmart, QStringLiteral("approve"));
            add(Lane::IamSmart, Lane::Browser, QStringLiteral("302 redirect"));
            add(Lane::Browser, Lane::Service, QStringLiteral("GET callback (code)"));
            continue;
        }
        add(Lane::Service, Lane::IamSmart, api->method + QLatin1Char(' ') + api->path);
        add(Lane::IamSmart, Lane::Service, Protocol::Code::Success);
        if (step.phone) {
            add(Lane::IamSmart, Lane::Phone, api->phoneKind.isEmpty() ? QStringLiteral("request") : api->phoneKind);
            add(Lane::Phone, Lane::IamSmart, QStringLiteral("approve"));
        }
        if (const Protocol::ApiSpec* cb = api->callbackId.isEmpty() ? nullptr : catalog.api(api->callbackId))
            add(Lane::IamSmart, Lane::Service, QStringLiteral("POST ") + cb->path);
    }
    return out;
}

QString GuideView::familyDiagrams()
{
    QHash<QString, Flows::FlowSpec> flows;
    for (const Flows::FlowSpec& f : Flows::loadFlows().valueOr({}))
        flows.insert(f.id, f);
    QString html;
    for (const GuideData::Family& fam : m_data.families) {
        html += QStringLiteral("<h3><a name=\"%1\"></a>%2</h3>").arg(fam.id, esc(fam.title.get(m_language)));
        if (!flows.contains(fam.flow) || !m_catalog)
            continue;
        const Flows::FlowSpec& flow = flows[fam.flow];
        QSvgRenderer renderer(Flows::Report::sequenceSvg(outline(flow, *m_catalog), m_language).toUtf8());
        QSize size = renderer.defaultSize();
        if (size.width() > 640) // fits the page beside the docks at 1280 pixels
            size = QSize(640, size.height() * 640 / size.width());
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString key = fam.flow + QLatin1Char('-') + Protocol::languageKey(m_language);
        m_browser->images.insert(key, image);
        html += QStringLiteral("<p><a href=\"flow:%1\">%2</a></p><p><img src=\"diagram:%3\" width=\"%4\" height=\"%5\"></p>")
                    .arg(esc(flow.id), esc(tr("Open “%1” in Flows").arg(flow.label.get(m_language))), esc(key))
                    .arg(size.width())
                    .arg(size.height());
    }
    return html;
}

QString GuideView::versionBlock() const
{
    return QStringLiteral("<p>%1</p>")
        .arg(esc(tr("Version %1, built with Qt %2, running on Qt %3")
                     .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))));
}

QString GuideView::pathTable() const
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QList<QPair<QString, QString>> rows {
        {tr("Settings"), QSettings().fileName()},
        {tr("Environments"), config + QStringLiteral("/environments")},
        {tr("Request history"), data + QStringLiteral("/history")},
        {tr("Simulator state (keys, certificates)"), data + QStringLiteral("/mock")},
        {tr("Log messages"), tr("standard error of the console (the journal when your desktop starts it)")},
    };
    QString html = QStringLiteral("<table%1>").arg(tableStyle);
    for (const auto& r : rows)
        html += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td></tr>").arg(esc(r.first), esc(r.second));
    return html + QStringLiteral("</table>");
}

void GuideView::onAnchor(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("copy")) {
        const int index = url.path().toInt();
        if (index >= 0 && index < m_copyValues.size())
            QApplication::clipboard()->setText(m_copyValues.at(index));
    } else if (scheme == QLatin1String("flow")) {
        emit flowRequested(url.path());
    } else if (scheme == QLatin1String("api")) {
        emit apiRequested(url.path());
    } else if (scheme == QLatin1String("guide")) {
        showSection(url.path());
    } else if (scheme == QLatin1String("https") || scheme == QLatin1String("mailto")) {
        QDesktopServices::openUrl(url);
    } else if (url.hasFragment()) {
        m_browser->scrollToAnchor(url.fragment());
    }
}

QList<GuideView::Hit> GuideView::search(const QString& text) const
{
    QList<Hit> hits;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return hits;
    auto has = [&needle](const QString& s) { return s.contains(needle, Qt::CaseInsensitive); };
    for (const GuideData::Entry& p : m_data.pages)
        if (has(p.title.get(m_language)))
            hits.append({QStringLiteral("section"), p.id, p.title.get(m_language)});
    for (const GuideData::Entry& s : m_data.sections)
        if (has(s.title.get(m_language)) || has(plain(s.body.get(m_language))))
            hits.append({QStringLiteral("section"), s.id, s.title.get(m_language)});
    for (const GuideData::Entry& q : m_data.faq)
        if (has(q.title.get(m_language)) || has(q.body.get(m_language)))
            hits.append({QStringLiteral("faq"), q.id, q.title.get(m_language)});
    if (m_catalog)
        for (const Protocol::ApiSpec& api : m_catalog->apis())
            if (has(api.label.get(m_language)) || has(api.id) || has(api.path))
                hits.append({QStringLiteral("api"), api.id, api.label.get(m_language)});
    return hits;
}

void GuideView::updateResults(const QString& text)
{
    m_results->clear();
    m_left->setCurrentWidget(text.trimmed().isEmpty() ? static_cast<QWidget*>(m_tree) : m_results);
    for (const Hit& h : search(text)) {
        const QString shown = h.kind == QLatin1String("api") ? tr("API: %1").arg(h.title)
            : h.kind == QLatin1String("faq")                ? tr("FAQ: %1").arg(h.title)
                                                            : tr("Guide: %1").arg(h.title);
        auto* item = new QListWidgetItem(shown, m_results);
        item->setData(IdRole, h.id);
        item->setData(KindRole, h.kind);
        item->setToolTip(shown);
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

void GuideView::activateHit(int row)
{
    QListWidgetItem* item = m_results->item(row);
    if (!item)
        return;
    const QString id = item->data(IdRole).toString();
    if (item->data(KindRole).toString() == QLatin1String("api"))
        emit apiRequested(id);
    else
        showSection(id);
}

void GuideView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}
