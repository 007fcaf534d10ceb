#pragma once

#include "protocol/ApiCatalog.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QWidget>

class QFormLayout;
class QLabel;

/// The "Try it" form of one API, generated from its catalog entry and prefilled with the mock values.
/// Editors follow the field type: combo boxes for enumerations, checkbox lists for enumerated arrays,
/// check boxes for booleans, line edits (JSON for objects) otherwise; regenerate buttons on generated ids;
/// "from file…" on hashes; "use earned" on values earlier calls produced. Rule violations show inline,
/// naming the field and the rule.
class TryItForm : public QWidget
{
    Q_OBJECT

public:
    explicit TryItForm(const Protocol::ApiSpec& api, QWidget* parent = nullptr);
    ~TryItForm() override;

    /// The body (or query) as the form holds it; fields left empty and optional are omitted.
    QJsonObject values() const;
    /// Fills the editors from `values` (unknown keys are ignored); emits no change signal.
    void setValues(const QJsonObject& values);
    /// Checks every field against the catalog; shows the problems inline. True when valid.
    bool validate();
    /// Field name → problem text currently shown.
    QMap<QString, QString> problems() const { return m_problems; }
    /// Offers values earned by earlier calls (code, accessToken, openID, ticketID, businessID).
    /// Required fields the user has not edited take the earned value instead of the portal's sample.
    void setEarned(const QMap<QString, QString>& earned);
    /// Puts the portal's sample values back in the fields that take earned values (and keeps them there).
    void useSampleValues();
    /// The earned values (code, accessToken, openID…) required fields need and no earlier call returned.
    QStringList missingEarned() const;
    void retranslate(Protocol::Language language);

signals:
    void changed();
    /// The user changed `field` in its editor (typed, picked, ticked); programs setting values do not emit it.
    void edited(const QString& field);

protected:
    /// Below a readable width every editor goes under its label, so fields use the whole width.
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Row;
    QString ruleText(const Protocol::FieldViolation& v) const;
    /// The earned value for a field: for an access token, the one whose scopes include the API's.
    QString earnedFor(const Protocol::FieldSpec& field) const;
    void buildRow(const Protocol::FieldSpec& field);

    const Protocol::ApiSpec& m_api;
    QFormLayout* m_layout;
    QList<Row*> m_rows;
    QMap<QString, QString> m_problems;
    QMap<QString, QString> m_earned;
    bool m_loading = false;
    bool m_preferSamples = false;
    QSet<QString> m_userEdited;
};
