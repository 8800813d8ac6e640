"""Complaint cases (投诉): intake, the workflow with deadlines, compensation through the ledger."""
