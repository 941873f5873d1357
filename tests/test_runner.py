from conftest import STORIES

from newswire.text.parse import MAX_LENGTH
from newswire.pipeline import prepare
from newswire.records import Analysis, Article, Failure, cleaned_text, content_id
from newswire.corpus import dedup
from newswire.corpus.runner import LocalRunner, Prepared, PrepareOptions, Refused, analyze_batch
from newswire.corpus.store import Rows, built_rows


def prepared(text: str, source: str):
    article = Article(text=text, source=source)  # not through the read stage, which refuses what the parser cannot take
    return article, prepare(article)


def test_a_batch_gives_one_plain_record_per_article_in_order(nlp):
    result = analyze_batch([prepared(STORIES["floods"], "a.txt"), prepared(STORIES["budget"], "b.txt")])
    assert [type(o) for o in result.outcomes] == [Analysis, Analysis]
    assert [o.id for o in result.outcomes] == [content_id(STORIES["floods"]), content_id(STORIES["budget"])]
    assert result.peak_rss_mb > 50 and result.cpu_seconds > 0


def test_an_article_that_fails_costs_only_its_own_result(nlp):
    too_long = "The minister said the talks would go on. " * (MAX_LENGTH // 40 + 10)  # over the parser's limit
    result = analyze_batch([prepared(STORIES["floods"], "a.txt"), prepared(too_long, "huge.txt"), prepared(STORIES["talks"], "c.txt")])
    first, failed, last = result.outcomes
    assert isinstance(first, Analysis) and isinstance(last, Analysis)
    assert isinstance(failed, Failure)
    assert (failed.document, failed.stage, failed.reason, failed.article_id) == ("huge.txt", "analyze", "internal", content_id(too_long))
    assert failed.message.startswith("internal error: ValueError:") and "\n" not in failed.message


def test_the_in_process_runner(nlp):
    with LocalRunner(0) as runner:
        runner.submit([prepared(STORIES["election"], "e.txt")])
        assert runner.in_flight == 1
        (result,) = runner.completed()
        assert runner.in_flight == 0
    (rows,) = result.outcomes  # the runner's workers build the rows the store writes: the writer only writes
    assert isinstance(rows, Rows) and rows.id == content_id(STORIES["election"]) and rows.values["text"] == STORIES["election"]
    expected = built_rows(analyze_batch([prepared(STORIES["election"], "e.txt")]).outcomes[0])
    assert rows.tables == expected.tables and rows.tables["entities"]


def test_workers_check_clean_and_sign_what_the_parent_decides_on():
    options = PrepareOptions(any_language=False, default_published="2013-09-13")
    french = "Le gouvernement a annoncé mardi une nouvelle loi sur les retraites. " * 5
    articles = [Article(text=STORIES["floods"], source="a.txt"), Article(text=french, source="fr.txt"),
                Article(text=STORIES["budget"], source="b.txt", published="2020-01-02")]
    with LocalRunner(0) as runner:
        floods, refused, budget = runner.prepared(runner.prepare(articles, options))
    assert isinstance(floods, Prepared) and floods.id == content_id(STORIES["floods"])
    assert floods.article.published == "2013-09-13" and budget.article.published == "2020-01-02"  # a document's own date wins
    removed = prepare(Article(text=STORIES["floods"]))
    assert floods.removed == removed and floods.cleaned_length == len(cleaned_text(STORIES["floods"], removed))
    expected = dedup.signature(cleaned_text(STORIES["floods"], removed))
    assert floods.signed.fingerprint == expected.fingerprint and (floods.signed.minhash == expected.minhash).all()
    assert isinstance(refused, Refused) and refused.failure.stage == "language" and refused.seen == content_id(french)


def test_the_in_process_runner_loads_the_model_at_its_first_batch_only(nlp, monkeypatch):
    import newswire.corpus.runner as runner_module

    loads = []
    monkeypatch.setattr(runner_module, "setup", lambda: loads.append(1))
    with LocalRunner(0) as runner:  # a run with nothing new to analyse loads no model
        assert loads == []
        runner.submit([prepared(STORIES["election"], "e.txt")])
        list(runner.completed())
        runner.submit([prepared(STORIES["election"], "f.txt")])
        list(runner.completed())
    assert loads == [1]
