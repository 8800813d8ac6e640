"""The store itself: first-run set-up, business settings, and the catalog (services, rooms)."""
