"""Member cards (会员卡): the ledger, its operations and views, products and tiers, the
check-out charger, the receipt, the closing report and the consistency check."""
