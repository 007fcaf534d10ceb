#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLocale>

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
    auto translator = std::make_unique<QTranslator>();
    QString suffix = Protocol::languageKey(language);
    suffix.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (translator->load(QStringLiteral(":/i18n/iamsmart_console_") + suffix)) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
    emit languageChanged(language);
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
