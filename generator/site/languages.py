"""Each language's site: ``mkdocs.yml`` with that language's folders, words and links.

Every language is a MkDocs site of its own, built from its folder of the generated pages
(``docs/generated/ru`` into ``site/ru``) with the configuration of ``mkdocs.yml`` and a
few values changed here: the theme's language (Material's own interface words), the site's
name and navigation from the catalogue, and what the page template needs to link the same
page in the other languages. One generator run feeds all three builds; building each as
its own site measured faster than an i18n plugin that rebuilds everything per language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator import languages
from generator.renderer import urls, words


def language_config(config_file: Path, docs_dir: Path, site_dir: Path, language: str, strict: bool = True) -> Any:
    """The MkDocs configuration of ``language``'s site (strict, like every build but the preview's)."""
    from mkdocs.config import load_config

    folder = urls.folder(language)
    options: dict[str, Any] = {"docs_dir": str(docs_dir / folder), "site_dir": str(site_dir / folder), "strict": strict}
    if language == languages.DEFAULT:  # the other languages' folders are sites of their own
        options["exclude_docs"] = "".join(f"/{other}/\n" for other in languages.TRANSLATED)
    config = load_config(str(config_file), **options)
    root_url = config["site_url"] or ""
    with languages.speaking(language):
        config.theme["language"] = language
        # mkdocs.yml's own words, translated where the catalogue has them (words.SITE_NAME and
        # SITE_DESCRIPTION list them for it); variables, so that pybabel takes no key for a message
        name, description = config["site_name"], config["site_description"]
        config["site_name"] = words.gettext(name)
        config["site_description"] = words.gettext(description or "")
        config["nav"] = _nav(config["nav"])
        if root_url:
            config["site_url"] = root_url + folder
        config["extra"]["timeline"] = {
            **config["extra"].get("timeline", {}),
            "language": language,
            "here": folder,
            "root_url": root_url,
            "switcher_label": words.gettext(words.SWITCHER_LABEL),
            "languages": [
                {"code": code, "name": _capital(words.language_name(code, code)), "folder": urls.folder(code)}
                for code in languages.built()
            ],
        }
    return config


def _nav(items: Any) -> Any:
    """The navigation of ``mkdocs.yml`` with each title in the language being written."""
    if isinstance(items, list):
        return [_nav(item) for item in items]
    if isinstance(items, dict):
        return {words.gettext(title): _nav(value) for title, value in items.items()}
    return items


def _capital(name: str) -> str:
    """``Русский`` for CLDR's ``русский``: a language's name starts a line in the switcher."""
    return name[:1].upper() + name[1:]
