"""The reports page's charts: the month's complaints by category, severity, channel and staff
member, the satisfied share of each survey dimension against the 85 % target, and the loyal
share of this month and the month before against the 70 % target."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from frontdesk.services.complaints.report_views import (
    TARGET_LOYAL,
    TARGET_SATISFIED,
    MonthReport,
    percent_text,
)
from frontdesk.ui.dates import month_text
from frontdesk.ui.reports.bar_chart import Bar, BarChart
from frontdesk.ui.reports.words import (
    category_names,
    channel_names,
    dimension_names,
    severity_names,
)

STAFF_BARS = 8
"""The staff members most complained about that the chart shows."""


class ReportCharts(QWidget):
    """Six charts in two columns; :meth:`show_report` fills them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCharts")
        self.categories = BarChart(self.tr("Complaints by category"), "chartCategories")
        self.severities = BarChart(self.tr("Complaints by severity"), "chartSeverities")
        self.channels = BarChart(self.tr("Complaints by channel"), "chartChannels")
        self.staff = BarChart(self.tr("Complaints by staff member concerned"), "chartStaff")
        self.satisfied = BarChart(self.tr("Satisfied (4–5) by dimension"), "chartSatisfied")
        self.loyal = BarChart(self.tr("Loyal clients (recommend 9–10)"), "chartLoyal")
        grid = QGridLayout(self)
        for i, chart in enumerate((self.categories, self.satisfied, self.severities, self.loyal,
                                   self.channels, self.staff)):
            grid.addWidget(chart, i // 2, i % 2)
        grid.setRowStretch(3, 1)

    def show_report(self, r: MonthReport) -> None:
        tr = QCoreApplication.translate
        c = r.complaints
        for chart, counts, names in (
                (self.categories, c.by_category, category_names(tr)),
                (self.severities, c.by_severity, severity_names(tr)),
                (self.channels, c.by_channel, channel_names(tr))):
            chart.set_bars([Bar(names[k], n, str(n)) for k, n in counts])  # type: ignore[index]
        nobody = self.tr("(no staff member named)")
        self.staff.set_bars([Bar(s.name if s.staff_id is not None else nobody, s.complaints,
                                 str(s.complaints)) for s in c.by_staff[:STAFF_BARS]])
        dims = dimension_names(tr)
        self.satisfied.set_bars(
            [Bar(dims[d.dimension], d.satisfied_share or 0, percent_text(d.satisfied_share))
             for d in r.satisfaction.dimensions], scale=1, target=TARGET_SATISFIED,
            target_text=self.tr("target {share}").format(share=percent_text(TARGET_SATISFIED)))
        months = ((month_text(r.month), r.satisfaction),
                  (month_text(r.previous.month), r.previous.satisfaction))
        self.loyal.set_bars([Bar(label, s.loyalty or 0, percent_text(s.loyalty))
                             for label, s in months], scale=1, target=TARGET_LOYAL,
                            target_text=self.tr("target {share}").format(
                                share=percent_text(TARGET_LOYAL)))
