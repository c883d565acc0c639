"""The LALR tables shipped in the package (equation/latex/tables.py, docs/performance.md): of
the current grammar and Lark, and giving the very parser Lark builds from the grammar."""

from __future__ import annotations

from lark import Lark

from eq2code.equation.latex import parser, tables
from eq2code.equation.rulebook import list_rules
from eq2code.equation.source import split_blocks, strip_comments


def test_the_shipped_tables_are_of_this_grammar_and_lark():
    assert parser.tables_key(parser.grammar_text()) == tables.KEY, \
        "grammar.lark or Lark changed: run `python scripts/gen_parser_tables.py`"


def test_the_shipped_parser_reads_every_rule_as_a_built_one_does():
    shipped = parser._shipped(parser.grammar_text())
    assert shipped is not None
    built = Lark(parser.grammar_text(), parser="lalr", lexer=parser._PreTokenized, propagate_positions=True,
                 maybe_placeholders=False)
    latex = []
    for rule in list_rules():
        body, _meta = strip_comments(rule.path.read_text(encoding="utf-8"))
        latex += [block.text for block in split_blocks(body)]
    assert latex
    for text in latex:
        tokens = parser.tokenize(text)
        assert shipped.parse(list(tokens)) == built.parse(list(tokens)), text
