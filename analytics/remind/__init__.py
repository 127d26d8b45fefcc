"""Reminders (SPEC 9): one message per contact, written as .eml files or delivered by SMTP, every run recorded.

``content`` gathers what a contact must hear about (pure reads of the store), ``message`` turns it into an RFC 5322
message (text, HTML, .xlsx attachment), ``smtp`` delivers with bounded retries, ``runs`` records runs and the
content hashes already sent, ``run`` ties them together for ``python -m analytics remind``.
"""
