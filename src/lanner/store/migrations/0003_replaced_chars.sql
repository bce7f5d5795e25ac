-- How many characters of an article the store replaced with U+FFFD before writing it: NUL bytes, which
-- PostgreSQL's text type refuses, and lone surrogates, which no UTF-8 database can hold. One character
-- replaces one, so every stored offset still points at the same place; 0 means the text is stored as read.

ALTER TABLE documents ADD COLUMN replaced_chars INTEGER NOT NULL DEFAULT 0;
