"""The manager's card set-up: card products, the tiers table, the points rule and rewards."""
