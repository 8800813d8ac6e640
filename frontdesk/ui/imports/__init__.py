"""The import wizard (导入客户): a client list from Excel or CSV, checked before it is saved."""
