"""Complaint cases (投诉): taken, investigated, resolved, closed (helper A's package)."""
