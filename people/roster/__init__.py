"""Roster import for companies without SCIM: a CSV or XLSX of employees, checked row by
row before anything is saved, then applied idempotently by email."""
