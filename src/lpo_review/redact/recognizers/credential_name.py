"""Names with a professional credential after them: "Marguerite Oduya, RN", "Theodore
Asante-Whitlock, Esq.", "Wendeline Strauss, PT, DPT", "Lena Vukovic, MD", surname first
"Hollis,Pradeep MD", and an initial and a surname "R. Kovalenko RN".

A credential is weaker evidence than a courtesy title ("Clinical Study, MD Anderson" is no
doctor), so the credential must end the phrase (no capitalised word after it) and the name must
pass the document's evidence like an NER guess (:mod:`lpo_review.redact.name_evidence`).
"""

from __future__ import annotations

import regex

from lpo_review.redact.recognizers.base import NAME_PARTICLE, LabelledValueRecognizer
from lpo_review.redact.recognizers.zip_code import US_STATE_NAMES

#: A capitalised name word, hyphenated or not ("Asante-Whitlock").
_NAME_WORD = r"\p{Lu}[\p{Ll}'\u2019]*\p{Ll}(?:-\p{Lu}[\p{Ll}'\u2019]*\p{Ll})*"
#: Professional credentials written after a name (case as written).
CREDENTIAL = (
    r"(?:Esq|M\.D|MD|D\.O|R\.N|RN|LPN|NP|FNP|APRN|PA-C|P\.A|PT|DPT|OTR/L|OT|PharmD|Ph\.D|PhD|"
    r"DDS|DMD|LCSW|LMFT|CSR|CCR|RPR|RMR|CRR|CNA|EMT|RD|MSW)\b\.?"
)


#: State names (each word), which stand before a licence as a given name stands before it.
_STATE_WORDS = "|".join(sorted({w for name in US_STATE_NAMES for w in name.split()}, key=len,
                               reverse=True))
#: A credential standing alone after a surname or a name and its comma: "Tomczak, DPT",
#: "Vell, DC" (no given name, no place).
CREDENTIAL_ONLY = regex.compile(CREDENTIAL + r"|DC|D\.C\.|PTA|OTA|SLP|LVN|ATC|CPA|CFA")
#: A name and its comma before a credential: "Vell, ", "Marcus Vell, ", "<PERSON_3>, ".
NAME_BEFORE_CREDENTIAL = regex.compile(r"(?:\p{Lu}[\p{L}'\u2019\-]+|<PERSON_\d+>),[ \t]*$")


class CredentialNameRecognizer(LabelledValueRecognizer):
    ENTITY = "PERSON"
    SCORE = 0.83
    FLAGS = regex.MULTILINE
    PATTERNS = (
        r"(?<![\p{L}])(?P<value>" + _NAME_WORD + r"(?:[ ](?:" + NAME_PARTICLE + r"[ ])?(?:"
        + _NAME_WORD + r"|\p{Lu}\.)){1,3}),[ \t]*" + CREDENTIAL
        + r"(?![ \t]*\p{Lu}\p{Ll})",
        # surname first, as a system signs its notes: "Hollis,Pradeep MD", "Saldana, Priyanka
        # OTR/L"
        # (not a state's licence after a name: "Castañeda-Pruitt, Texas CSR No. 4471")
        r"(?<![\p{L},])(?P<value>" + _NAME_WORD + r",[ \t]*(?!(?:" + _STATE_WORDS + r")\b)"
        + _NAME_WORD + r"(?:[ ]\p{Lu}\.?)?)[ \t]+" + CREDENTIAL + r"(?![ \t]*\p{Lu}\p{Ll})",
        # an initial and a surname, as a nurse signs a log's entry: "(R. Kovalenko RN):"
        r"(?<![\p{L}.])(?P<value>\p{Lu}\.[ ]?(?:\p{Lu}\.[ ]?)?" + _NAME_WORD + r"),?[ \t]+"
        + CREDENTIAL + r"(?![ \t]*\p{Lu}\p{Ll})",
    )
