"""The member-card screen (会员卡): find a card, see it, its operations, history, receipts, 日结."""
