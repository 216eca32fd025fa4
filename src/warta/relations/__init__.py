"""Relations between two actors over time: event counts by quad class, Goldstein, and a trend verdict."""

from warta.relations.report import DyadReport, dyad_report, report_to_dict
from warta.relations.series import DyadEvent, DyadSeries, Period, dyad_series
from warta.relations.trend import Trend, assess_level, assess_trend

__all__ = ["DyadEvent", "DyadReport", "DyadSeries", "Period", "Trend", "assess_level", "assess_trend",
           "dyad_report", "dyad_series", "report_to_dict"]
