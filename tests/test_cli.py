"""The newsbridge command: JSON on stdout, one-line errors on stderr, the documented exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsbridge.cli import app
from tests.clean.test_html import big_page
from tests.conftest import ROOT

EN = str(ROOT / "examples" / "pasted-page.en.txt")
KO = str(ROOT / "examples" / "pasted-page.ko.txt")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_process_prints_the_result_as_json(runner):
    out = runner.invoke(app, ["process", EN])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["language"]["code"] == "en"
    assert data["article"]["title"].startswith("Riverton opens")
    assert len(data["article"]["paragraphs"]) == 6


def test_process_markdown(runner):
    out = runner.invoke(app, ["process", KO, "--format", "markdown"])
    assert out.exit_code == 0
    assert out.stdout.startswith("# 청솔군, 폐교 4곳")
    assert "## Article" in out.stdout and "무단전재" not in out.stdout


def test_stdin(runner, ko_page):
    out = runner.invoke(app, ["process", "-", "--to", "en"], input=ko_page.encode("utf-8"))
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    assert data["language"]["code"] == "ko"
    assert data["translation"] is None
    assert any(w["stage"] == "translate" for w in data["warnings"])


def test_clean_and_detect_commands(runner):
    out = runner.invoke(app, ["clean", KO])
    assert out.exit_code == 0
    assert json.loads(out.stdout)["byline"] == "하윤서"
    out = runner.invoke(app, ["detect", "-"], input="The mayor spoke.\n\n시장이 말했다.")
    assert out.exit_code == 0
    data = json.loads(out.stdout)
    assert [p["code"] for p in data["paragraphs"]] == ["en", "ko"]


@pytest.mark.parametrize("args, stdin, message", [
    (["process", "-"], b"", "input is empty"),
    (["process", "-"], b"\xff\xfe\x00\x01" * 100, "binary"),
    (["process", "-"], "Caf\u00e9".encode("latin-1"), "not valid UTF-8"),
    (["process", "/nonexistent/article.txt"], None, "no such file"),
    (["process", "-"], b"Menu\n\nLog in\n", "no article text found"),
    (["process", "-"], b"<html><body><nav>Home</nav></body></html>", "no article text found"),
])
def test_bad_input_exits_2_with_one_line(runner, args, stdin, message):
    out = runner.invoke(app, args, input=stdin)
    assert out.exit_code == 2
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.output
    assert out.stdout == ""


def test_huge_input_exits_2(runner, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1_100_000)  # 5.5 MB
    out = runner.invoke(app, ["process", str(big)])
    assert out.exit_code == 2
    assert "limit" in out.stderr


@pytest.mark.parametrize("args", [["process"], ["process", EN, "--to", "fr"], ["process", EN, "--points", "0"],
                                  ["frobnicate"]])
def test_bad_usage_exits_2(runner, args):
    out = runner.invoke(app, args)
    assert out.exit_code == 2
    assert "Traceback" not in out.output


def test_bad_config_exits_2(runner, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[pipeline]\nsegment = 'nltk'\n", encoding="utf-8")
    out = runner.invoke(app, ["process", EN, "--config", str(cfg)])
    assert out.exit_code == 2
    assert "unknown segment backend 'nltk'" in out.stderr


def test_internal_error_exits_1_without_traceback(runner, monkeypatch):
    from newsbridge import pipeline

    def boom(self, article, lang):
        raise RuntimeError("segmenter exploded")

    monkeypatch.setattr(pipeline.RulesSegmenter, "segment", boom)
    out = runner.invoke(app, ["process", EN])
    assert out.exit_code == 1
    assert "internal error: RuntimeError: segmenter exploded" in out.stderr
    assert "Traceback" not in out.output


@pytest.mark.skipif(shutil.which("newsbridge") is None, reason="console script not installed")
def test_installed_console_script_end_to_end(ko_page):
    ok = subprocess.run(["newsbridge", "process", "-"], input=ko_page.encode(), capture_output=True,
                        timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["article"]["publisher"] == "청솔신문"
    bad = subprocess.run([sys.executable, "-m", "newsbridge", "process", "-"], input=b"\x00\x01",
                         capture_output=True, timeout=120)
    assert bad.returncode == 2
    assert bad.stderr.decode().startswith("newsbridge: error: input looks binary")


def test_quotes_command(runner):
    out = runner.invoke(app, ["quotes", KO])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert [(q["speaker"], q["cue"]) for q in data] == [
        ("이정훈", "말했다"), ("이정훈", "말했다"), ("이정훈", "덧붙였다"), ("김도현", "지적했다"), ("군 관계자", "설명했다")]
    out = runner.invoke(app, ["quotes", "-"], input=b"")
    assert out.exit_code == 2 and "input is empty" in out.stderr


def test_summarize_command(runner):
    out = runner.invoke(app, ["summarize", EN, "--points", "2"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert len(data) == 2
    assert data[0]["text"].startswith("RIVERTON — The city of Riverton switched on")
    assert set(data[0]) == {"text", "sentence_ids", "start", "end", "quote_ids"}


def test_summarize_warns_on_a_third_language(runner):
    out = runner.invoke(app, ["summarize", "-"], input="El ayuntamiento aprobó ayer un nuevo plan de transporte para la ciudad.")
    assert out.exit_code == 0
    assert json.loads(out.stdout) == []
    assert "neither English nor Korean" in out.stderr


def test_translate_command_with_the_identity_backend(runner, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\ntranslate = "identity"\n[translate]\ncache = ""\n', encoding="utf-8")
    out = runner.invoke(app, ["translate", EN, "--to", "ko", "--config", str(cfg)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["target"] == "ko" and len(data["paragraphs"]) == 6 and data["quotes"]


def test_translate_without_a_model_says_how_to_get_it(tmp_path):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(tmp_path / "empty"), "NEWSBRIDGE_MODEL_DIR": ""}
    r = subprocess.run([sys.executable, "-m", "newsbridge", "translate", EN, "--to", "ko"], capture_output=True,
                       text=True, timeout=120, env=env)
    assert r.returncode == 2
    assert "newsbridge models download opus-mt-tc-big-en-ko" in r.stderr
    assert "Traceback" not in r.stderr


def test_models_list_download_convert_verify(runner, tiny_models, tmp_path):
    listed = json.loads(runner.invoke(app, ["models", "list"]).stdout)
    names = {m["name"]: m for m in listed}
    assert names["opus-mt-tc-big-en-ko"]["license"] == "CC-BY-4.0"
    assert "non-commercial" in names["nllb-200-distilled-600M"]["license"]

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "NEWSBRIDGE_MODEL_DIR": str(tmp_path / "models")}
    r = subprocess.run([sys.executable, "-m", "newsbridge", "models", "download", "opus-mt-tc-big-en-ko"],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 2 and "offline" in r.stderr

    import shutil

    model = tmp_path / "tiny"
    shutil.copytree(tiny_models["tiny-marian-en-ko"], model)
    verified = runner.invoke(app, ["models", "verify", str(model)])
    assert verified.exit_code == 0, verified.output
    report = json.loads(verified.stdout)
    assert report["parameters"] > 0
    assert (report["device"], report["compute_type"]) == ("cpu", "float32")  # no GPU here: as before
    converted = runner.invoke(app, ["models", "convert", str(model)])
    assert converted.exit_code == 0, converted.output
    assert (tmp_path / "tiny-ct2" / "model.bin").is_file()


def test_an_html_page_of_more_than_a_million_characters_is_processed(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(big_page(1_200_000), encoding="utf-8")
    out = runner.invoke(app, ["process", str(page), "--html"])
    assert out.exit_code == 0, out.output[-500:]
    assert len(json.loads(out.stdout)["article"]["paragraphs"]) == 4
