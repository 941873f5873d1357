"""The text itself, before any stage: read → check the language → clean → parse.

`read` turns files and strings into `records.Article`; `language` refuses what
is not English; `clean` finds the spans to remove (boilerplate, repeated
bodies), never rewriting the text; `parse` gives the spaCy Doc with removed
spans blanked, so token offsets are offsets into the original text.
`datelines` and `marks` find what every stage needs to know about the text's
form: datelines ("ADDIS ABABA (Reuters) - ") and paired quotation marks.
Nothing here imports a stage.
"""
