"""From a study to the analysis tables, figures and files (summary, co-occurrence, sequences,
trends): :mod:`.reader` picks the codings that count, :mod:`.results` computes every table,
the other modules write CSV, XLSX, SAV, HTML, PDF and PNG."""
