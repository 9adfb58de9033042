"""Importers for articles and entities: JSON Lines, Markdown with front matter, plain-text news pages.

Every importer reads and checks the whole run first and writes only when nothing is wrong, in one
transaction; a problem is reported as ``file:line: field: message``.
"""
