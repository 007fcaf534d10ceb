#include "LanguageManager.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QSettings>

namespace {
/// Where the user's choice is kept (QSettings of the application: organisation and application name).
const QString SettingsKey = QStringLiteral("ui/language");
} // namespace

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

void LanguageManager::setLanguage(Protocol::Language language)
{
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    m_language = language;
    applyFont(language);
    const bool pseudo = m_pseudo && language == Protocol::Language::English;
    Protocol::Text::setEnglishTransform(pseudo ? &PseudoTranslator::mark : nullptr);
    if (pseudo) {
        m_translator = std::make_unique<PseudoTranslator>();
        QCoreApplication::installTranslator(m_translator.get());
        emit languageChanged(language);
        return;
    }
    auto translator = std::make_unique<QTranslator>();
    QString suffix = Protocol::languageKey(language);
    suffix.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (translator->load(QStringLiteral(":/i18n/iamsmart_console_") + suffix)) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    emit languageChanged(language);
}

void LanguageManager::choose(Protocol::Language language)
{
    QSettings settings;
    settings.setValue(SettingsKey, Protocol::languageKey(language));
    setLanguage(language);
}

void LanguageManager::setPseudo(bool on)
{
    m_pseudo = on;
    setLanguage(m_language);
}

bool LanguageManager::restore(const QString& requested)
{
    if (requested.trimmed().compare(QLatin1String("pseudo"), Qt::CaseInsensitive) == 0) {
        m_pseudo = true;
        setLanguage(Protocol::Language::English);
        return true;
    }
    if (!requested.isEmpty()) {
        const std::optional<Protocol::Language> language = parse(requested);
        if (!language)
            return false;
        setLanguage(*language);
        return true;
    }
    setLanguage(savedLanguage().value_or(systemLanguage()));
    return true;
}

std::optional<Protocol::Language> LanguageManager::savedLanguage()
{
    const QSettings settings;
    return parse(settings.value(SettingsKey).toString());
}

std::optional<Protocol::Language> LanguageManager::parse(const QString& code)
{
    const QString c = code.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (c == QLatin1String("en") || c.startsWith(QLatin1String("en-")))
        return Protocol::Language::English;
    if (c == QLatin1String("zh") || c.startsWith(QLatin1String("zh-")))
        return Protocol::languageFromCode(c);
    return std::nullopt;
}

Protocol::Language LanguageManager::systemLanguage()
{
    return Protocol::languageFromCode(QLocale::system().name());
}

QString LanguageManager::nativeName(Protocol::Language language)
{
    switch (language) {
    case Protocol::Language::English:
        return QStringLiteral("English");
    case Protocol::Language::TraditionalChinese:
        return QStringLiteral("繁體中文");
    case Protocol::Language::SimplifiedChinese:
        return QStringLiteral("简体中文");
    }
    return {};
}

QStringList LanguageManager::cjkFamilies(Protocol::Language language)
{
    switch (language) {
    case Protocol::Language::English:
        return {};
    case Protocol::Language::TraditionalChinese:
        return {QStringLiteral("Noto Sans CJK HK"), QStringLiteral("Noto Sans CJK TC")};
    case Protocol::Language::SimplifiedChinese:
        return {QStringLiteral("Noto Sans CJK SC")};
    }
    return {};
}

void LanguageManager::applyFont(Protocol::Language language)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return;
    QFont font = QApplication::font();
    const QStringList current = font.families().isEmpty() ? QStringList {font.family()} : font.families();
    QStringList families = current;
    for (Protocol::Language other : Protocol::allLanguages()) {
        for (const QString& family : cjkFamilies(other))
            families.removeAll(family);
    }
    families += cjkFamilies(language);
    if (families == current)
        return;
    font.setFamilies(families);
    QApplication::setFont(font);
}

QString PseudoTranslator::translate(const char*, const char* sourceText, const char*, int) const
{
    return mark(QString::fromUtf8(sourceText));
}

QString PseudoTranslator::mark(const QString& text)
{
    if (text.isEmpty() || isMarked(text))
        return text;
    // About 40% longer, as German or Finnish often are; the padding is plain so markup and placeholders survive.
    const qsizetype pad = std::max<qsizetype>(1, (text.size() * 2 + 4) / 5 - 2);
    return QStringLiteral("⟦") + text + QStringLiteral(" ") + QString(pad, QChar(0x00B7)) + QStringLiteral("⟧");
}

bool PseudoTranslator::isMarked(const QString& text)
{
    return text.contains(QStringLiteral("⟦"));
}
