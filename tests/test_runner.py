from conftest import STORIES

from newswire.text.parse import MAX_LENGTH
from newswire.pipeline import prepare
from newswire.records import Analysis, Article, Failure, content_id
from newswire.corpus.runner import LocalRunner, analyze_batch


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
    assert result.outcomes[0].text == STORIES["election"]


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
