#pragma once

#include <QJsonValue>
#include <QString>

namespace Protocol {

/// The three languages of iAM Smart. Codes follow BCP 47 as used by the catalog ("en", "zh-HK", "zh-CN").
enum class Language
{
    English,
    TraditionalChinese,
    SimplifiedChinese
};

/// Catalog key: "en", "zh-HK", "zh-CN".
QString languageKey(Language language);
/// The `lang` parameter iAM Smart expects: "en-US", "zh-HK", "zh-CN".
QString iamSmartLang(Language language);
/// Parses "en", "en-US", "zh-HK", "zh_HK", "zh-TW", "zh-CN", "zh_CN", "zh-Hans" ...; unknown → English.
Language languageFromCode(const QString& code);
const QList<Language>& allLanguages();

/// A user-visible text in the three languages.
class Text
{
public:
    Text() = default;
    Text(QString en, QString zhHK, QString zhCN)
        : m_en(std::move(en))
        , m_zhHK(std::move(zhHK))
        , m_zhCN(std::move(zhCN))
    {
    }
    /// Reads {"en": …, "zh-HK": …, "zh-CN": …}; `missing` receives the keys that are absent or empty.
    static Text fromJson(const QJsonValue& value, QStringList* missing = nullptr);

    QString get(Language language) const;
    /// A transform applied to every English text get() answers, or null for none. Only the console's pseudo-locale
    /// (--lang pseudo, a test aid) sets it, so catalog and flow texts are marked like tr() texts.
    static void setEnglishTransform(QString (*transform)(const QString&));
    QString en() const { return m_en; }
    bool isComplete() const { return !m_en.isEmpty() && !m_zhHK.isEmpty() && !m_zhCN.isEmpty(); }

private:
    QString m_en;
    QString m_zhHK;
    QString m_zhCN;
};

} // namespace Protocol
