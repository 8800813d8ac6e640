"""The consultant's screens: the profile (客户档案), consultations (客情分析表), trends, sheets."""
