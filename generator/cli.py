"""The ``timeline`` command: check, build, serve, new, schema, reference. The only module that prints and exits."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date as Date
from pathlib import Path
from typing import Any

import click

from generator import pipeline, vocabulary
from generator.authoring import intake, questions, reference
from generator.authoring.skeleton import (
    SkeletonError,
    check_content_note,
    check_country,
    check_date,
    check_language,
    check_precision,
    check_text,
    check_url,
    free_id,
    needs_content_note,
    skeleton,
)
from generator.loader import targets
from generator.loader.files import display
from generator.model import Tag
from generator.problems import ANNOTATIONS_PER_LEVEL, Problem, failed, for_annotations
from generator.project import Project, find_project
from generator.renderer.words import ngettext
from generator.site.memory import tune_gc
from generator.validation import schema
from generator.validation.translations import untranslated_notes


def _project() -> Project:
    return find_project(Path.cwd())


def _report(
    problems: list[Problem],
    files: int,
    output_format: str,
    changed: set[str] | None = None,
    notes: tuple[str, ...] = (),
) -> None:
    """Every problem, notes, then a count; on GitHub, the annotations it shows first and the rest as text."""
    rest = problems
    if output_format == "github":
        shown, rest = for_annotations(problems, changed)
        for problem in shown:
            click.echo(problem.annotation())
        if rest:
            more = ngettext("%(num)d more problem", "%(num)d more problems", len(rest))
            click.echo(f"::notice::{more} below, not annotated: GitHub shows {ANNOTATIONS_PER_LEVEL} of each kind")
    for line in [*(problem.format() for problem in rest), *notes]:
        click.echo(line)
    counted = ngettext("%(num)d problem", "%(num)d problems", len(problems))
    click.echo(f"{counted} in {ngettext('%(num)d file', '%(num)d files', files)}")


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
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github"]),
    default="text",
    help="github prints GitHub Actions annotations.",
)
@click.option("--changed", multiple=True, help="With --format github: a file the pull request changes (repeatable).")
@click.option("--base", help="With --format github: annotate warnings of the files changed since this commit.")
@click.option("--no-cache", is_flag=True, help="Parse every file again; neither read nor write .cache/timeline-check/.")
def check(
    source: Path | None,
    paths: tuple[Path, ...],
    strict: bool,
    output_format: str,
    changed: tuple[str, ...],
    base: str | None,
    no_cache: bool,
) -> None:
    """Run every rule on every event file and list every problem.

    With PATHs (files or folders), list only their problems; the whole timeline is still read
    for the rules across files. A YAML file outside timeline/ that looks like an event is
    reported, since it would never reach the site. Each problem is printed as
    path:line:col: field: message, sorted, then a count. Exits 1 on any error (or any warning
    with --strict), 0 when clean. On a pull request, --format github annotates the errors
    first, then the warnings of the changed files (--changed or --base), 10 of each at most.

    Example: timeline check timeline/2024/2024-07-11-soldier-leaves-unit.yaml
    """
    project = _project()
    timeline = source or project.timeline
    result = pipeline.check(timeline, use_cache=not no_cache)
    problems, files = targets.chosen(result.problems, result.files, paths, timeline, project.root)
    try:
        pull_request = targets.pull_request_files(changed, base, Path.cwd())
    except targets.GitError as exc:
        raise click.ClickException(str(exc)) from exc
    _report(problems, files, output_format, pull_request, tuple(untranslated_notes(result.untranslated, paths)))
    sys.exit(1 if failed(problems, strict) else 0)


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
    click.echo(f"Built {run.check.events} events into {site_dir or project.site} ({written} generated files changed)")


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
    """Preview the site; a saved event file or page shows in the open browser by itself.

    Only the pages an edit changes are rebuilt. Search uses the index of the last
    `timeline build`. Press Ctrl+C to stop.

    Example: timeline serve --dev-addr 127.0.0.1:8001
    """
    from generator.preview.serve import ServeError, preview

    project = _project()
    try:
        preview(project, source or project.timeline, dev_addr, click.echo)
    except ServeError as exc:
        raise click.ClickException(str(exc)) from exc


def _ask(value: str | None, prompt: str, read: Callable[[str], Any], default: str | None = None) -> Any:
    """An answer read by ``read``: the option's value, else asked for again until ``read`` accepts it."""
    ask = _interactive()
    while True:
        if value is None and not ask and default is None:
            raise click.UsageError(f"missing option for {prompt.lower()} (or run in a terminal to be asked)")
        if value is None:
            value = click.prompt(prompt, default=default, show_default=bool(default)) if ask else default
        try:
            return read(str(value))
        except SkeletonError as exc:
            if not ask:
                raise click.ClickException(str(exc)) from exc
            click.echo(f"  {exc}. Please try again.", err=True)
            value = None


def _answers(given: dict[str, Any], known: dict[str, Tag], places: list[questions.Place]) -> dict[str, Any]:
    """The skeleton's fields, each checked as it is given: from its option, else asked for in a terminal."""
    answers: dict[str, Any] = {"date": _ask(given["date"], "Date (YYYY, YYYY-MM or YYYY-MM-DD)", check_date).iso()}
    answers["title"] = _ask(given["title"], "Title", lambda v: check_text("title", v))
    if places and given["location"] is None and _interactive():
        click.echo("Recent places:\n" + "\n".join(questions.numbered([p.name for p in places])))
    answers["location"], place = _ask(
        given["location"], "Location (a number, or a place in English)", lambda v: questions.read_place(v, places)
    )
    answers["country"] = _ask(
        given["country"], "Country code (UA, RU, ...)", check_country, place.country if place else None
    )
    answers["precision"] = _ask(
        given["precision"],
        f"Precision ({', '.join(vocabulary.PRECISIONS)})",
        check_precision,
        place.precision if place else "region",
    )
    if not given["tags"] and known and _interactive():
        click.echo("Tags:\n" + "\n".join(questions.numbered([f"{t.id}: {t.name}" for t in known.values()])))
    answers["tags"] = _ask(
        " ".join(given["tags"]) or None,
        "Tags (numbers or names, separated by commas)",
        lambda v: questions.read_tags(v, known),
    )
    needed = bool(needs_content_note(answers["tags"], known))
    answers["content_note"] = _ask(
        given["content_note"] or ("" if not needed or not _interactive() else None),
        "Content note (shown before violent detail)",
        lambda v: check_content_note(answers["tags"], known or None, v),
    )
    answers["publisher"] = _ask(
        given["publisher"], "Publisher of the first source", lambda v: check_text("publisher", v)
    )
    answers["source_title"] = _ask(
        given["source_title"], "Headline of the first source", lambda v: check_text("source title", v)
    )
    answers["source_url"] = _ask(
        given["source_url"],
        "Address of the source (https://..., empty if none)",
        check_url,
        "" if given["source_url"] is None else None,
    )
    if answers["source_url"]:
        answers["source_language"] = _ask(
            given["source_language"], "Language of the source page (en, ru, uk, ...)", check_language
        )
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
def new(source: Path | None, tags: tuple[str, ...], **given: str | None) -> None:
    """Write a skeleton event file that passes check once its summary is written.

    Asks for anything not given as an option (when run in a terminal), checking each answer
    as it is given. Never writes over a file: on a name clash it proposes another name.

    Example: timeline new --date 2024-07-11 --title "Soldier reportedly shoots two comrades"
    --location "Belgorod region" --country RU --tag desertion --publisher Newsweek
    --source-title "Russian 'Deserter' Massacred Fellow Soldiers"
    """
    timeline = source or _project().timeline
    checked = pipeline.check(timeline)
    known = checked.tags
    answers = _answers({**given, "tags": list(tags)}, known, questions.recent_places(checked.events))
    try:
        path, text = skeleton(timeline, **answers, known_tags=known or None)
    except SkeletonError as exc:
        raise click.ClickException(str(exc)) from exc
    path = _free_path(timeline, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    hint = questions.next_command(f"check {display(path)}", Path.cwd())
    click.echo(f"Wrote {display(path)}. Write the summary and the claim, then run: {hint}")


def _free_path(timeline: Path, path: Path) -> Path:
    """``path``, or on a clash another name: proposed, and asked for in a terminal."""
    proposed = free_id(timeline, path.stem)
    if proposed == path.stem:
        return path
    if proposed is None:
        raise click.ClickException(f"{display(path)} and 99 other names like it exist; choose another title")
    click.echo(
        f"An event file named {path.stem}.yaml exists already. If it is the same event, add your source "
        "to it instead; otherwise this one needs another name.",
        err=True,
    )
    if _interactive():
        proposed = _ask(None, "File name for this event", lambda v: questions.read_file_id(v, timeline), proposed)
    else:
        click.echo(f"Writing it as {proposed}.yaml; rename it if a better name fits.", err=True)
    return path.with_name(f"{proposed}.yaml")


@main.command("from-issue")
@SOURCE
@click.argument("body_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--issue", type=click.IntRange(min=1), required=True, help="The issue's number, for the file's comment.")
def from_issue(source: Path | None, body_file: Path, issue: int) -> None:
    """Write the event proposed in a "Propose a new event" issue (its text in BODY_FILE).

    The text is read strictly against .github/ISSUE_TEMPLATE/new-event.yml: each question once,
    in the form's order, required answers given and choices among the form's. The file is never
    written over another; run `timeline check` afterwards. The intake workflow runs this.

    Example: timeline from-issue issue.md --issue 42
    """
    project = _project()
    try:
        body = body_file.read_text(encoding="utf-8")
        path = intake.from_issue(
            body, form=project.root / intake.FORM, timeline=source or project.timeline, issue=issue, today=Date.today()
        )
    except (intake.IntakeError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"issue #{issue}: {exc}") from exc
    except OSError as exc:
        raise click.ClickException(f"cannot read {body_file}: {exc.strerror}") from exc
    click.echo(f"Wrote {display(path)} from issue #{issue}")


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
