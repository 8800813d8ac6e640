"""The printable client analysis sheet (客情分析表): its data, layout and PDF."""
