"""The ``timeline`` command: check, build, serve, new, schema, reference. The only module that prints and exits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from generator import pipeline, vocabulary
from generator.authoring import reference
from generator.authoring.skeleton import SkeletonError, needs_content_note, skeleton
from generator.loader.files import TAGS_FILE, display
from generator.model import Tag
from generator.problems import Problem, Severity, errors, printable
from generator.project import Project, find_project
from generator.renderer.words import ngettext
from generator.site.build import tune_gc
from generator.validation import schema
from generator.validation.tags import load_tags


def _project() -> Project:
    return find_project(Path.cwd())


def _github(problem: Problem) -> str:
    """A GitHub Actions workflow command, so the problem shows on the pull request's line."""
    level = "warning" if problem.severity is Severity.WARNING else "error"
    props = f"file={_escape_property(problem.path)}"
    if problem.line:
        props += f",line={problem.line}"
    if problem.col:
        props += f",col={problem.col}"
    if problem.field:
        props += f",title={_escape_property(problem.field)}"
    return f"::{level} {props}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    # Each line through printable(), as in text output: no escape sequence or bidi override reaches
    # the log; line breaks stay GitHub's own escapes.
    text = "\n".join(printable(line) for line in text.split("\n"))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # a property is one line: a line break in a file name or a key is shown escaped, as in text output
    return _escape_data(printable(text)).replace(":", "%3A").replace(",", "%2C")


def _report(problems: list[Problem], files: int, output_format: str) -> None:
    for problem in problems:
        click.echo(_github(problem) if output_format == "github" else problem.format())
    counted = ngettext("%(num)d problem", "%(num)d problems", len(problems))
    click.echo(f"{counted} in {ngettext('%(num)d file', '%(num)d files', files)}")


def _failed(problems: list[Problem], strict: bool) -> bool:
    return bool(errors(problems)) or (strict and bool(problems))


SOURCE = click.option(
    "--source",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Timeline folder (default: timeline/ of the project).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="desertion-timeline")
def main() -> None:
    """Check and build the sourced timeline site from one YAML file per event."""
    tune_gc()


@main.command()
@SOURCE
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    help="github prints GitHub Actions annotations.",
)
@click.option("--no-cache", is_flag=True, help="Parse every file again; neither read nor write .cache/timeline-check/.")
def check(source: Path | None, strict: bool, output_format: str, no_cache: bool) -> None:
    """Run every rule on every event file and list every problem.

    Each problem is printed as path:line:col: field: message, sorted, then a count.
    Exits 1 on any error (or any warning with --strict), 0 when clean.

    Example: timeline check --strict
    """
    result = pipeline.check(source or _project().timeline, use_cache=not no_cache)
    _report(result.problems, result.files, output_format)
    sys.exit(1 if _failed(result.problems, strict) else 0)


@main.command()
@SOURCE
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the site (default: site/).",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def build(source: Path | None, site_dir: Path | None, strict: bool) -> None:
    """Check, generate the pages and build the site with MkDocs (strict mode).

    The previous site is replaced only when the whole build succeeds.

    Example: timeline build --site-dir public
    """
    project = _project()
    run = pipeline.build(project, source or project.timeline, site_dir or project.site, strict=strict)
    if run.problems or run.stopped is pipeline.Stop.PROBLEMS:
        _report(run.problems, run.check.files, "text")
    for message in run.messages:
        click.echo(message, err=True)
    if run.stopped is not None:
        raise click.ClickException(run.stopped.value)
    written = len(run.report.written) if run.report else 0
    click.echo(
        f"Built {len(run.check.events)} events into {site_dir or project.site} ({written} generated files changed)"
    )


@main.command()
@SOURCE
def generate(source: Path | None) -> None:
    """Check and write the generated Markdown pages (docs/generated/) without building.

    Example: timeline generate
    """
    project = _project()
    run = pipeline.regenerate(project, source or project.timeline)
    if run.stopped is not None or run.report is None:
        _report(run.problems, run.check.files, "text")
        raise click.ClickException("nothing generated: fix the problems above")
    click.echo(
        f"{len(run.report.written)} written, {len(run.report.removed)} removed, {run.report.unchanged} unchanged"
    )


@main.command()
@SOURCE
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(source: Path | None, dev_addr: str) -> None:
    """Preview the site, regenerating pages when an event file or page changes.

    Example: timeline serve --dev-addr 127.0.0.1:8001
    """
    from generator.preview.serve import preview

    project = _project()
    preview(project, source or project.timeline, dev_addr, click.echo)


def _answers(given: dict[str, str | None], tags: list[str], url: str | None, known: dict[str, Tag]) -> dict[str, Any]:
    """The skeleton's fields: each from its option, else asked for in a terminal, else its default."""
    ask = _interactive()

    def need(value: str | None, prompt: str, default: str | None = None) -> str:
        if value:
            return value
        if ask:
            return str(click.prompt(prompt, default=default))
        if default is not None:
            return default
        raise click.UsageError(f"missing option for {prompt.lower()} (or run in a terminal to be asked)")

    answers: dict[str, Any] = {
        "date": need(given["date"], "Date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        "title": need(given["title"], "Title"),
        "location": need(given["location"], "Location (in English)"),
        "country": need(given["country"], "Country code (UA, RU, ...)"),
        "precision": given["precision"] or need(None, f"Precision ({', '.join(vocabulary.PRECISIONS)})", "region"),
    }
    listed = f" [{', '.join(sorted(known))}]" if known else ""
    answers["tags"] = tags or [
        t.strip() for t in need(None, f"Tags, comma-separated{listed}", "").split(",") if t.strip()
    ]
    note = given["content_note"] or ""
    if not note and needs_content_note(answers["tags"], known) and ask:
        note = need(None, "Content note (shown before violent detail)")
    answers["content_note"] = note
    answers["publisher"] = need(given["publisher"], "Publisher of the first source")
    answers["source_title"] = need(given["source_title"], "Headline of the first source")
    answers["source_url"] = url or (
        click.prompt("Address of the source (https://..., empty if none)", default="", show_default=False)
        if ask
        else ""
    )
    if answers["source_url"]:
        answers["source_language"] = need(given["source_language"], "Language of the source page (en, ru, uk, ...)")
    return answers


def _interactive() -> bool:
    """Whether ``new`` may ask questions: only when a person is at the terminal."""
    return sys.stdin.isatty()


@main.command()
@SOURCE
@click.option("--date", "date", help="When it happened: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--title", help="One line of plain text.")
@click.option("--location", help="The place, in English.")
@click.option("--country", help="ISO 3166-1 alpha-2 code (occupied Ukraine is UA).")
@click.option(
    "--precision",
    type=click.Choice(list(vocabulary.PRECISIONS)),
    default=None,
    help="How precisely the place is known (default: region).",
)
@click.option("--tag", "tags", multiple=True, help="A tag from timeline/tags.yaml (repeat for more).")
@click.option("--content-note", help="A warning shown before violent detail (needed for some tags).")
@click.option("--publisher", help="Who published the first source.")
@click.option("--source-title", help="The first source's headline.")
@click.option("--source-url", help="The first source's https:// address.")
@click.option("--source-language", help="The language of the first source's page: en, ru, uk, ...")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def new(
    source: Path | None,
    date: str | None,
    title: str | None,
    location: str | None,
    country: str | None,
    precision: str | None,
    tags: tuple[str, ...],
    content_note: str | None,
    publisher: str | None,
    source_title: str | None,
    source_url: str | None,
    source_language: str | None,
    force: bool,
) -> None:
    """Write a skeleton event file that passes check once its summary is written.

    Asks for anything not given as an option (when run in a terminal).

    Example: timeline new --date 2024-07-11 --title "Soldier reportedly shoots two comrades"
    --location "Belgorod region" --country RU --tag desertion --publisher Newsweek
    --source-title "Russian 'Deserter' Massacred Fellow Soldiers"
    """
    timeline = source or _project().timeline
    known, _ = load_tags(timeline / TAGS_FILE if (timeline / TAGS_FILE).is_file() else None)
    given = {"date": date, "title": title, "location": location, "country": country, "publisher": publisher}
    given |= {"precision": precision, "content_note": content_note, "source_title": source_title}
    given["source_language"] = source_language
    try:
        path, text = skeleton(timeline, **_answers(given, list(tags), source_url, known), known_tags=known or None)
    except SkeletonError as exc:
        raise click.ClickException(str(exc)) from exc
    if path.exists() and not force:
        raise click.ClickException(f"{path} already exists (use --force to overwrite)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {display(path)}. Write the summary and the claim, then run: timeline check")


@main.command("schema")
@click.option("--check", "verify", is_flag=True, help="Fail if timeline/schema.json is out of date.")
def schema_command(verify: bool) -> None:
    """Write the JSON Schema of event files to timeline/schema.json for editors.

    Example: timeline schema --check
    """
    target = _project().timeline / "schema.json"
    current = target.read_text(encoding="utf-8") if target.is_file() else ""
    _write_or_verify(target, current, schema.dumps(), verify, str(target), "timeline schema")


def _write_or_verify(target: Path, current: str, text: str, verify: bool, what: str, command: str) -> None:
    """Write ``text`` to ``target``, or with ``verify`` fail unless it is there already."""
    if verify:
        if current != text:
            raise click.ClickException(f"{what} is out of date; run: {command}")
        click.echo(f"{what} is up to date")
        return
    target.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {what}")


@main.command("reference")
@click.option("--check", "verify", is_flag=True, help="Fail if CONTRIBUTING.md's field reference is out of date.")
def reference_command(verify: bool) -> None:
    """Write the field reference into CONTRIBUTING.md, generated from the event schema.

    Only the text between the field-reference:start and field-reference:end
    markers is rewritten; the rest of the guide is written by hand.

    Example: timeline reference --check
    """
    target = _project().root / "CONTRIBUTING.md"
    try:
        current = target.read_text(encoding="utf-8")
        text = reference.replace(current)
    except OSError as exc:
        raise click.ClickException(f"cannot read {target}: {exc.strerror}") from exc
    except reference.MarkersError as exc:
        raise click.ClickException(f"{target}: {exc}") from exc
    _write_or_verify(target, current, text, verify, f"the field reference in {target}", "timeline reference")
