"""Member cards: products, the ledger and its operations, tiers and points."""
