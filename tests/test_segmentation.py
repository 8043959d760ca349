"""reportlint segments with rjieba (jieba-rs); its words must be jieba's, user dictionary included."""

import logging
from pathlib import Path

import pytest

from reportlint.nlp import Segmenter, cut, make_doc, tokenizer, user_terms

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
TEXTS = sorted(p for p in CORPORA.rglob("*.txt") if p.parent.name in ("sample", "synthetic", "real", "clean"))


def _jieba(extra=()):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    ref = jieba.Tokenizer()
    ref.initialize()
    for term in (*user_terms(), *extra):
        ref.add_word(term)
    return ref


@pytest.fixture(scope="module")
def reference():
    return _jieba()


def test_every_corpus_folder_is_covered():
    assert {p.parent.name for p in TEXTS} == {"sample", "synthetic", "real", "clean"}


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_words_equal_jiebas_on_the_corpus(path, reference):
    text = path.read_text(encoding="utf-8")
    assert cut(text) == list(reference.cut(text))


@pytest.mark.parametrize("path", TEXTS[::3], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_segmenter_loading_only_the_words_it_meets_cuts_as_jieba(path, reference):
    """A fresh segmenter holds only the dictionary words found in the texts it has cut (plus the filler
    that keeps the total); one that has switched to the whole dictionary cuts the same."""
    text = path.read_text(encoding="utf-8")
    partial = Segmenter(user_terms(), whole_after=None)
    assert partial.cut(text) == list(reference.cut(text))
    assert not partial._whole and len(partial._loaded) < 50_000
    switched = Segmenter(user_terms(), whole_after=0)
    switched.cut("一")
    assert switched.cut(text) == list(reference.cut(text)) and switched._whole


@pytest.mark.parametrize("text", [
    "时间:2023-03-30 17:20,电话:0000-0000000,网站(www.shanghai.gov.cn)下载",  # ASCII runs jieba-rs keeps whole
    "间(3.0m×3.0m),P1.5LED显示屏,分值区间100-80%(含),C++与AT&T,2021.5.18",
    "㐀㑇市的\U00020000项目与鿏元素,PPP(Public-Private Partnership)\r\n 第二行\t",  # CJK extensions, \r\n
    "", "   ", "。。", "ABC", "2024年度部门整体支出绩效自评报告",
])
def test_words_equal_jiebas_on_edge_shapes(text, reference):
    assert cut(text) == list(reference.cut(text))


def test_extra_terms_join_the_user_dictionary():
    text = "本单位开展绩效运行监控工作,加强绩效运行监控。"
    extra = ("绩效运行监控",)
    assert cut(text, extra) == list(_jieba(extra).cut(text))
    assert "绩效运行监控" in cut(text, extra)
    assert "绩效运行监控" not in cut(text)  # the default segmenter is not changed


def test_dictionary_frequencies_are_jiebas(reference):
    freq = tokenizer().FREQ
    for w in ("预算", "绩效", "的", "AT&T", "一般公共预算", *user_terms()[:50]):
        assert freq.get(w, 0) == reference.FREQ.get(w, 0), w
    assert freq.get("不是一个词语的串", 0) == 0


def test_doc_tokens_cover_the_text():
    text = "2024年度部门整体支出绩效自评报告\n一、基本情况"
    doc = make_doc(text)
    assert "".join(t.text for t in doc) == text


def test_a_documents_word_boundaries_take_its_extra_terms(tmp_path):
    from reportlint.config import Config
    from reportlint.engine import lint_text

    text = "2024年度部门整体支出绩效自评报告\n一、基本情况\n本单位开展绩效运行监控工作。\n"
    plain = lint_text(text).doc
    with_term = lint_text(text, Config(extra_terms=["绩效运行监控"])).doc
    i = plain.text.index("运行监控") + 2  # between 运行 and 监控
    assert plain.is_boundary(i) and not with_term.is_boundary(i)
    assert with_term.is_boundary(i - 4) and with_term.is_boundary(i + 2)  # the term's own edges
    assert "绩效运行监控" in [t.text for t in with_term.tokens]
