"""Health records: the consultation form (客情分析表), its trends and photos.

Health data: separate consent, consultants and managers only, every view audited.
"""
