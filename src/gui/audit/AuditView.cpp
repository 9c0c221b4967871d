// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditView.h"

#include "AuditFilterProxyModel.h"
#include "AuditTableModel.h"
#include "widgets/Format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

AuditView::AuditView(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditTableModel(this))
    , m_proxy(new AuditFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("AuditView"));
    m_proxy->setSourceModel(m_model);

    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Actor, action, site, backup or detail"));
    auto *outcomeLabel = new QLabel(tr("&Outcome:"), this);
    outcomeLabel->setBuddy(m_outcome);
    m_outcome->setObjectName(QStringLiteral("auditOutcome"));
    m_outcome->addItem(tr("All outcomes"), -1);
    for (const AuditOutcome o : { AuditOutcome::Success, AuditOutcome::Failure, AuditOutcome::Refused })
        m_outcome->addItem(AuditTableModel::outcomeText(o), static_cast<int>(o));
    m_refresh->setObjectName(QStringLiteral("auditRefresh"));
    m_summary->setObjectName(QStringLiteral("auditSummary"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(searchLabel);
    filters->addWidget(m_search, 1);
    filters->addSpacing(8);
    filters->addWidget(outcomeLabel);
    filters->addWidget(m_outcome);
    filters->addSpacing(8);
    filters->addWidget(m_refresh);

    m_view->setObjectName(QStringLiteral("auditTable"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditTableModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Audit log"));
    // Columns as wide as typical content: a full time, a dotted action, "site / env / id".
    const QFontMetrics fm(m_view->font());
    const int pad = fm.horizontalAdvance(QLatin1Char('M')) * 2;
    auto fit = [&](int column, const QStringList &samples) {
        int width = fm.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString());
        for (const QString &sample : samples)
            width = qMax(width, fm.horizontalAdvance(sample));
        m_view->header()->resizeSection(column, width + pad);
    };
    fit(AuditTableModel::Time, { Format::localTime(QDateTime(QDate(2026, 12, 30), QTime(23, 59), Qt::UTC)) });
    fit(AuditTableModel::Actor, { QStringLiteral("support-eng") });
    fit(AuditTableModel::Action, { QStringLiteral("environment.set") });
    fit(AuditTableModel::Target, { QStringLiteral("customer-site / stage / 20261203T1147") });
    fit(AuditTableModel::Outcome,
        { AuditTableModel::outcomeText(AuditOutcome::Success), AuditTableModel::outcomeText(AuditOutcome::Failure),
          AuditTableModel::outcomeText(AuditOutcome::Refused) });
    m_view->header()->setStretchLastSection(true);

    m_empty->setObjectName(QStringLiteral("auditEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summary);
    setTabOrder(m_search, m_outcome);
    setTabOrder(m_outcome, m_refresh);
    setTabOrder(m_refresh, m_view);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateSummary();
    });
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_outcome->currentData().toInt();
        m_proxy->setOutcome(value < 0 ? std::nullopt : std::optional<AuditOutcome>(static_cast<AuditOutcome>(value)));
        updateSummary();
    });
    connect(m_refresh, &QPushButton::clicked, this, [this] { emit refreshRequested(query()); });
    updateSummary();
}

void AuditView::setSiteId(const QString &siteId)
{
    if (siteId == m_siteId)
        return;
    m_siteId = siteId;
    m_model->setEntries({});
    updateSummary();
    m_stale = true;
    refreshWhenVisible();
}

AuditFilter AuditView::query() const
{
    AuditFilter filter;
    filter.setSiteId(m_siteId);
    return filter;
}

void AuditView::setEntries(const QVector<AuditEntry> &entries)
{
    m_model->setEntries(entries);
    updateSummary();
}

void AuditView::refreshWhenVisible()
{
    m_stale = true;
    if (isVisible()) {
        m_stale = false;
        emit refreshRequested(query());
    }
}

void AuditView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refreshWhenVisible();
}

void AuditView::updateSummary()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (total == 0)
        m_empty->setText(m_siteId.isEmpty() ? tr("Nothing has been recorded in the audit log yet.")
                                            : tr("Nothing has been recorded for this site yet. Backups, downloads, "
                                                 "links and changes to the site appear here."));
    else
        m_empty->setText(tr("No entry matches the filter."));
    m_stack->setCurrentWidget(shown > 0 ? static_cast<QWidget *>(m_view) : m_empty);
    // Without a catalog (English) %n has no plural forms: one entry is a string of its own.
    if (total == 1)
        m_summary->setText(shown == 1 ? tr("1 entry") : tr("%1 of 1 entry").arg(shown));
    else
        m_summary->setText(shown == total ? tr("%n entries", nullptr, total)
                                          : tr("%1 of %n entries", nullptr, total).arg(shown));
}
