"""Complaints (投诉): the cases, their steps and deadlines, and the month's report."""
