"""The consultant's screens: the client profile (客户档案), consultations (客情分析表), trends, sheets."""
