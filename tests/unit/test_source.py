"""Source splitting: comments, `% eq2code:` metadata and display blocks with their offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eq2code.equation.source import split_blocks, strip_comments


def test_comments_are_blanked_keeping_offsets_and_metadata_is_read():
    text = "% eq2code: function=attn rule=x\na = b % a note\n50\\% stays\n"
    out, meta = strip_comments(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert meta == {"function": "attn", "rule": "x"}
    assert "note" not in out and "a = b" in out and "50\\% stays" in out


def test_quoted_metadata_values():
    _, meta = strip_comments('% eq2code: params="Q=query|q" title=\'two words\'\n')
    assert meta == {"params": "Q=query|q", "title": "two words"}


def test_paragraphs_split_on_blank_lines():
    text = "a = b\n\n  \nc = d\ne\n"
    blocks = split_blocks(text)
    assert [b.text.strip() for b in blocks] == ["a = b", "c = d\ne"]
    assert all(text[b.offset:b.offset + len(b.text)] == b.text for b in blocks)


def test_delimited_blocks_win_over_paragraphs():
    text = "prose\n$$ x = 1 $$\n\\[ y = 2 \\]\n\\begin{equation} z = 3 \\end{equation}\n"
    blocks = split_blocks(text)
    assert [b.text.strip() for b in blocks] == ["x = 1", "y = 2", "z = 3"]
    assert all(text[b.offset:b.offset + len(b.text)] == b.text for b in blocks)


def test_align_lines_are_equations_and_continuations_join():
    text = "\\begin{align} a &= b \\\\ c &= d \\\\ &= e \\end{align}"
    blocks = split_blocks(text)
    assert len(blocks) == 2
    # the text is the file's verbatim; the tokenizer drops the alignment marks and line breaks
    assert blocks[0].text.replace("&", " ").split() == ["a", "=", "b"]
    assert blocks[1].text.replace("&", " ").replace("\\\\", " ").split() == ["c", "=", "d", "=", "e"]
    assert text[blocks[0].offset:].lstrip().startswith("a")


def test_nested_environment_inside_align_is_not_split():
    text = "\\begin{align} A &= \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\end{align}"
    blocks = split_blocks(text)
    assert len(blocks) == 1 and "\\\\" in blocks[0].text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="abc=+ \\%\n", max_size=20), max_size=6))
def test_offsets_always_point_at_the_block_text(chunks):
    text = "\n\n".join(chunks)
    stripped, _ = strip_comments(text)
    assert len(stripped) == len(text)
    for b in split_blocks(stripped):
        assert stripped[b.offset:b.offset + len(b.text)] == b.text
