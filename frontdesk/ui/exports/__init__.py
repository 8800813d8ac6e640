"""Exports: lists as Excel workbooks, and their words."""
