#include "Text.h"

#include <QJsonObject>
#include <QList>

namespace Protocol {

QString languageKey(Language language)
{
    switch (language) {
    case Language::English:
        return QStringLiteral("en");
    case Language::TraditionalChinese:
        return QStringLiteral("zh-HK");
    case Language::SimplifiedChinese:
        return QStringLiteral("zh-CN");
    }
    return QStringLiteral("en");
}

QString iamSmartLang(Language language)
{
    return language == Language::English ? QStringLiteral("en-US") : languageKey(language);
}

Language languageFromCode(const QString& code)
{
    QString c = code.trimmed().toLower();
    c.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (c == QLatin1String("zh-cn") || c == QLatin1String("zh-sg") || c.startsWith(QLatin1String("zh-hans"))
        || c == QLatin1String("sc"))
        return Language::SimplifiedChinese;
    if (c.startsWith(QLatin1String("zh")) || c == QLatin1String("tc"))
        return Language::TraditionalChinese;
    return Language::English;
}

const QList<Language>& allLanguages()
{
    static const QList<Language> all {Language::English, Language::TraditionalChinese, Language::SimplifiedChinese};
    return all;
}

Text Text::fromJson(const QJsonValue& value, QStringList* missing)
{
    const QJsonObject o = value.toObject();
    Text t(o.value(QLatin1String("en")).toString(), o.value(QLatin1String("zh-HK")).toString(),
        o.value(QLatin1String("zh-CN")).toString());
    if (missing) {
        for (Language l : allLanguages()) {
            if (o.value(languageKey(l)).toString().trimmed().isEmpty())
                missing->append(languageKey(l));
        }
    }
    return t;
}

namespace {
QString (*englishTransform)(const QString&) = nullptr;
} // namespace

void Text::setEnglishTransform(QString (*transform)(const QString&))
{
    englishTransform = transform;
}

QString Text::get(Language language) const
{
    switch (language) {
    case Language::English:
        return englishTransform && !m_en.isEmpty() ? englishTransform(m_en) : m_en;
    case Language::TraditionalChinese:
        return m_zhHK.isEmpty() ? m_en : m_zhHK;
    case Language::SimplifiedChinese:
        return m_zhCN.isEmpty() ? m_en : m_zhCN;
    }
    return m_en;
}

} // namespace Protocol
