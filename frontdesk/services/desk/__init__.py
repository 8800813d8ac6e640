"""The front desk's day: appointments (预约), check-in (到店签到), the board, check-out (结账)."""
