#pragma once

#include "protocol/Text.h"

#include <QObject>
#include <QTranslator>

#include <memory>
#include <optional>

/// Owns the installed translator and switches the UI language live (widgets retranslate on
/// QEvent::LanguageChange). The language also sets the `lang` sent to iAM Smart.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    Protocol::Language language() const { return m_language; }
    /// Installs the translation for `language`; emits languageChanged. Remembers nothing.
    void setLanguage(Protocol::Language language);
    /// The pseudo-locale (--lang pseudo), a test aid: English shown through PseudoTranslator, so text that bypasses
    /// tr() shows up unmarked and the longer texts show clipping. Chinese is unchanged.
    void setPseudo(bool on);
    bool isPseudo() const { return m_pseudo; }
    /// A choice the user made (the Language menu, F12): switches live and is remembered for the next start.
    void choose(Protocol::Language language);
    /// Installs the language the console starts in: `requested` (--lang) when given, else the last choice
    /// (choose()), else the system locale — so only the first start follows the system. Saves nothing.
    /// False, and nothing changes, when `requested` names no language of the console. "pseudo" starts the
    /// pseudo-locale (English, marked).
    bool restore(const QString& requested = QString());
    /// The last choice saved by choose(), if there is one.
    static std::optional<Protocol::Language> savedLanguage();
    /// Parses a language option ("en", "en-US", "zh-HK", "zh_HK", "zh-CN", "zh_CN", …); empty when unknown.
    static std::optional<Protocol::Language> parse(const QString& code);
    /// The language of the system locale (first start).
    static Protocol::Language systemLanguage();
    /// Name of a language in that language ("English", "繁體中文", "简体中文").
    static QString nativeName(Protocol::Language language);
    /// The fonts that draw the language's Han characters in its regional forms (Noto Sans CJK HK/TC, SC), put
    /// before the system fallback, which follows the locale and often picks Japanese forms. Empty for English.
    static QStringList cjkFamilies(Protocol::Language language);

signals:
    void languageChanged(Protocol::Language language);

private:
    /// The application font prefers the language's CJK families (the other languages' are taken out).
    static void applyFont(Protocol::Language language);

    Protocol::Language m_language = Protocol::Language::English;
    bool m_pseudo = false;
    std::unique_ptr<QTranslator> m_translator;
};

/// Answers every source text wrapped in ⟦…⟧ and about 40% longer, keeping %1/%n placeholders, & mnemonics and
/// markup as they are (it only adds characters around the text).
class PseudoTranslator : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
        int n = -1) const override;
    bool isEmpty() const override { return false; }
    /// The marked form of `text` (empty stays empty).
    static QString mark(const QString& text);
    /// True when `text` carries the pseudo-locale's markers.
    static bool isMarked(const QString& text);
};
