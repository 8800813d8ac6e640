"""The reports page: the month's complaints, satisfaction and spot checks, with charts."""
