"""Productions: approved packets turned into what a litigation support team hands over, namely
Bates-numbered page images with the redactions burned in and nothing under them, load files
(Concordance ``.dat``, Opticon ``.opt``, CSV), a redaction log and a privilege log."""
