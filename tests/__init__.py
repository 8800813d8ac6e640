"""FrontDesk's tests: unit (services on real databases), ui (pytest-qt), bench (make bench)."""
