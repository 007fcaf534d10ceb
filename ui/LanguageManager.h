#pragma once

#include "protocol/Text.h"

#include <QObject>
#include <QTranslator>

#include <memory>

/// Owns the installed translator and switches the UI language live (widgets retranslate on
/// QEvent::LanguageChange). The language also sets the `lang` sent to iAM Smart.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    Protocol::Language language() const { return m_language; }
    /// Installs the translation for `language`; emits languageChanged.
    void setLanguage(Protocol::Language language);
    /// The language of the system locale (first start).
    static Protocol::Language systemLanguage();
    /// Name of a language in that language ("English", "繁體中文", "简体中文").
    static QString nativeName(Protocol::Language language);

signals:
    void languageChanged(Protocol::Language language);

private:
    Protocol::Language m_language = Protocol::Language::English;
    std::unique_ptr<QTranslator> m_translator;
};
