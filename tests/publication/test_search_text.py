"""The search text builder, script by script: what gets indexed and how queries are read."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hrdwatch.core.text import fold
from hrdwatch.publication.search.backends import PostgresTsvectorBackend, SqliteFts5Backend
from hrdwatch.publication.search.fields import tsvector_literal
from hrdwatch.publication.search.text import (
    _APOSTROPHES,
    _WORD,
    _words,
    build_search_text,
    parse_query,
    text_tokens,
)


def test_vietnamese_is_folded_including_d_with_stroke():
    assert text_tokens("Nguyễn Văn Đài", is_name=True)[:1] == ["nguyen"]
    assert {"van", "dai"} <= set(text_tokens("Nguyễn Văn Đài", is_name=True))


def test_chinese_names_are_indexed_by_character_and_by_pinyin_with_given_name():
    tokens = text_tokens("王全璋", is_name=True)
    assert tokens[:3] == ["王", "全", "璋"]  # in order, so "全璋" matches as a phrase
    assert {"wang", "quan", "zhang", "wangquanzhang", "quanzhang"} <= set(tokens)


def test_chinese_prose_is_split_into_characters_and_jieba_words_in_pinyin():
    tokens = text_tokens("维权律师王全璋被捕")
    assert "王" in tokens and "璋" in tokens
    assert "lushi" in tokens  # 律师 as one jieba word


def test_arabic_letter_variants_and_the_article_are_folded():
    tokens = text_tokens("عبد الرحمن الحكيمة", is_name=True)
    assert "الحكيمه" in tokens and "حكيمه" in tokens  # ta marbuta folded, article optional
    assert text_tokens("أمينة") == text_tokens("امينه")


def test_cyrillic_names_gain_latin_transliterations_that_common_spellings_meet():
    tokens = set(text_tokens("Алексей Навальный", is_name=True))
    assert "навальныи" in tokens
    for spelling in ("Navalny", "Navalnyy", "Naval'nyi", "Navalnij", "Alexey", "Aleksei"):
        alternatives = {t.tokens[0] for t in parse_query(spelling).groups[0]}
        assert alternatives & tokens, spelling


def test_query_syntax_characters_are_inert():
    parsed = parse_query("\"a\" OR b* NEAR(c) -d ^e 'f' g:h & | ! <->")
    words = [t.tokens[0] for group in parsed.groups for t in group]
    assert all(word.isalnum() for word in words)
    assert not parse_query('"*^:()&|!<->')


def test_queries_are_capped():
    parsed = parse_query("word " * 1000)
    assert len(parsed.groups) <= 12


def test_both_backends_compile_the_same_groups():
    parsed = parse_query("Wang 全璋")
    assert (
        SqliteFts5Backend().compile(parsed)
        == '("wang" OR "vang") AND ("全 璋" OR "quanzhang" OR "changchuan")'
    )
    assert (
        PostgresTsvectorBackend().compile(parsed)
        == "('wang' | 'vang') & ('全' <-> '璋' | 'quanzhang' | 'changchuan')"
    )


def test_the_last_latin_word_of_three_letters_or_more_matches_as_a_prefix():
    assert not any(t.prefix for t in parse_query("nguyen van").groups[0])
    assert parse_query("nguyen van").groups[-1][0].prefix
    assert not parse_query("nguyen va").groups[-1][0].prefix


def test_tsvector_literal_keeps_positions():
    assert tsvector_literal("王 全 璋") == "'王':1 '全':2 '璋':3"


def test_search_text_has_only_space_separated_word_tokens():
    text = build_search_text(["O'Brien-Smith", "Ли"], ["Hello, world! (test) 50%"])
    assert all(token.isalnum() for token in text.split())
    assert "obrien" in text.split()


_PIECES = [
    *"aeoudđĐNgyễnVăĐài王全璋 \t\n\u00a0\u3000'’-.,ﬁ",
    "\u0301",
    "\u0308",
    "\u00a8",
    "ال",
    "ة",
    "Навальный",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_tokenising_word_by_word_gives_what_tokenising_the_whole_text_gives(text):
    # The builder caches per whitespace-separated chunk; folding the whole text must agree.
    assert _words(text) == _WORD.findall(fold(_APOSTROPHES.sub("", text)))
