"""A system user's login: who entered, printed or changed a record ("Entered by: hkimuralopez",
"Printed 06/21/2024 08:14 by jmcallister2", "User: ndlamini2"), and the user column of a dated
log ("06/13/2024 09:12  ndlamini2    Cust called ...").  A login names its person as surely
as the name does.  Only a value that is no English word counts ("by hand", "by fax" stay).
"""

from __future__ import annotations

from lpo_review.redact.recognizers.base import LabelledValueRecognizer

_LOGIN = r"(?P<value>(?-i:[a-z][a-z0-9._\-]{2,30}[a-z0-9]))(?![\w@.\-])"
#: The login ends its line or cell ("created by summing two sinusoids" is no login), or the
#: user's name, a date or a time follows it: "by dpellegrino (Dominic Pellegrino, ...)",
#: "Approved by rsaldivar 03/13/2024", "uploaded by jdimaculangan at 10:58".
_LOGIN_ENDS = r"[ \t]{2,}|[ \t]*$|[ \t]+(?:\(|\d{1,2}/\d{1,2}|(?:at|on)[ \t]+\d)"
_LOG_AFTER_LOGIN = rf"(?={_LOGIN_ENDS})"
_AFTER_LOGIN = rf"(?=[ \t]*[,.;)|]|{_LOGIN_ENDS})"


class UserIdRecognizer(LabelledValueRecognizer):
    ENTITY = "ID_NUMBER"
    SCORE = 0.83
    PATTERNS = (
        r"\b(?:entered|printed|created|modified|updated|logged|accessed|reviewed|keyed|edited|"
        r"uploaded|scanned)\b[^\n]{0,40}?\bby[ \t]*:?[ \t]*" + _LOGIN + _AFTER_LOGIN,
        # (verbs a contract also uses: "if requested by theglobe, ..."; the login ends no clause)
        r"\b(?:exported|ordered|approved|booked)\b[^\n]{0,40}?\bby[ \t]*:?[ \t]*" + _LOGIN
        + _LOG_AFTER_LOGIN,
        r"\b(?:user(?:[ \t]*(?:name|id))?|login|logon|operator)[ \t]*:[ \t]*" + _LOGIN,
        # (or no colon, when the login ends a clause: "uploaded under user rgable; ...")
        r"\b(?:under|by|as)[ \t]+(?-i:user)[ \t]+" + _LOGIN + r"(?=[ \t]*[;,)]|[ \t]*$)",
        # a person's login beside the name it is made of: "LINDHOLM, FAYE (flindholm)",
        # "Keiko Jablonski-Ruiz (kjablonski-ruiz)"
        r"(?:(?P<s1>[A-Z][A-Za-z'\-]{2,}),[ \t]+[A-Z][A-Za-z'\-]+|[A-Z][A-Za-z'\-]+[ \t]+"
        r"(?P<s2>[A-Z][A-Za-z'\-]{2,}))[ \t]*\((?P<value>(?-i:[a-z]{0,3})(?:(?P=s1)|(?P=s2))"
        r"(?-i:[a-z0-9._\-]*))\)",
        # a log row's user in brackets: "06:41:17  [flindholm]  CALL RECEIVED"
        r"^[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?[ \t]+\[" + _LOGIN
        + r"\]",
        # (a numbered entry's, and the login in parentheses: "1. 10/02/2024 15:20 (ehollings)")
        r"^[ \t]*(?:\d{1,3}\.[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+\d{1,2}:\d{2}[ \t]+"
        r"(?:" + _LOGIN + r"(?=[ \t]{2,})|\(" + _LOGIN + r"\)(?=[ \t]))",
    )
    LINES = (r"\bby\b|user|log[io]n|operator|^[ \t]*(?:\d{1,3}\.[ \t]+)?\d{1,2}/\d{1,2}|"
             r"\([a-z]|^[ \t]*\d{1,2}:\d{2}")

    def validate(self, value: str) -> bool:
        """A login has a digit or is no English word."""
        # imported here: name_evidence reads the keep rules, which read this package
        from lpo_review.redact.name_evidence import zipf

        return any(ch.isdigit() for ch in value) or zipf(value) == 0
