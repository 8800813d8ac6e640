"""The care set-up page (关怀设置): rules, festivals, tier plans, follow-ups, templates, books."""
