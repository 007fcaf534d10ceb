#pragma once

#include "protocol/Text.h"
#include "util/Result.h"

#include <QHash>
#include <QWidget>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolButton;

/// Every iAM Smart button (resources/branding/buttons.json) in English, 繁體中文 and 简体中文 at each preview
/// size; a click selects one, and "Export PNG…" / "Export SVG…" save it at the chosen height.
class ButtonGallery : public QWidget
{
    Q_OBJECT

public:
    explicit ButtonGallery(QWidget* parent = nullptr);

    /// Selects the button the export buttons save; false for an unknown kind.
    bool select(const QString& kind, Protocol::Language language);
    QString selectedKind() const { return m_kind; }
    Protocol::Language selectedLanguage() const { return m_language; }
    int exportHeight() const;
    void setExportHeight(int height);
    /// The preview buttons shown (kinds × languages × sizes).
    /// The previews, built on first use (the gallery is a tab most sessions never open: building it at start
    /// cost about 70 ms and 15 MB, measured with scripts/bench).
    QList<QToolButton*> previews()
    {
        ensureBuilt();
        return m_previews;
    }

    /// Saves a button as a PNG exactly `height` pixels high (transparent corners).
    static Util::Status exportPng(const QString& kind, Protocol::Language language, int height, const QString& path);
    /// Saves a button's SVG, generated for `height`.
    static Util::Status exportSvg(const QString& kind, Protocol::Language language, int height, const QString& path);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void ensureBuilt();
    void build();
    void retranslate();
    void exportWithDialog(bool png);
    void showResult(const Util::Status& status, const QString& path);
    QString kindName(const QString& kind) const;

    QString m_kind;
    Protocol::Language m_language = Protocol::Language::English;
    QLabel* m_intro;
    QLabel* m_colourNote;
    QLabel* m_selected;
    QLabel* m_heightLabel;
    QSpinBox* m_height;
    QPushButton* m_exportPng;
    QPushButton* m_exportSvg;
    QLabel* m_status;
    QGridLayout* m_grid = nullptr;
    QButtonGroup* m_group;
    QList<QToolButton*> m_previews;
    bool m_built = false;
    QList<QLabel*> m_languageHeaders;
    QHash<QString, QLabel*> m_kindLabels;
    QHash<QString, QLabel*> m_officialLabels;
};
