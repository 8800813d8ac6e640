"""Member cards (会员卡): the ledger every writer books through, the card operations, the
read side, and (from the other parts) products, tiers, the check-out's charger, receipts
and the day's report. Plain Python: no Qt here."""
