"""The shared sidebar controls, kept in the URL's query parameters so a link reproduces the view.

Controls live in ``st.session_state`` (drawn by the router ``app.py``); on the first run of a session they are seeded from ``st.query_params`` and on every run written back to it. Pages read
the current values with :func:`current_controls`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import streamlit as st

from analytics import config
from analytics.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, t
from analytics.i18n.formats import month_year
from analytics.schema import LEVEL
from analytics.textnorm import to_simplified_ui

if TYPE_CHECKING:
    from analytics.auth.model import User

from ui.session import LANG_KEY, current_lang, current_user, tr, tr_md  # noqa: F401 - pages import them from here

PERIOD_KINDS: tuple[str, ...] = ("year", "quarter", "month")
# query parameter -> session_state key of its widget
_PARAMS = {"lang": LANG_KEY, "kind": "ctl_kind", "period": "ctl_period", "as_of": "ctl_as_of",
           "scope": "ctl_scope", "level": "ctl_level"}
_ALL = "__all__"  # the "everything" choice of the scope and level selectors (None in Controls)


@dataclass(frozen=True)
class Controls:
    """What every page filters by: language, period, as-of date, company scope (with roll-up) and level."""

    lang: str
    period_kind: str  # year | quarter | month
    period: str  # "2026", "2026Q3", "2026-07"
    year: int
    as_of: dt.date
    scope_key: str | None  # match_key of a company, None = everything the user may see
    scope_name: str  # the company's name as written in the roster, or the word for "all companies"
    level: str | None  # canonical 層級 term (總部 / 省公司 / 地市公司) or None for all levels


def term(vocab: str, canonical: object, lang: str | None = None) -> str:
    """A vocabulary term (stored canonical Traditional) in the interface language (English via schema)."""
    from analytics.schema import VOCABULARIES

    if canonical is None or canonical != canonical:  # None or NaN
        return ""
    lang = lang or current_lang()
    text = str(canonical)
    if lang == "en" and vocab in VOCABULARIES:
        return VOCABULARIES[vocab].english(text)
    if lang == "zh-Hans":
        return to_simplified_ui(text)
    return text


def period_kind_of(period: str) -> str:
    """``2026`` → year, ``2026H1`` → half, ``2026Q3`` → quarter, ``2026-07`` → month."""
    if "H" in period:
        return "half"
    if "Q" in period:
        return "quarter"
    if "-" in period:
        return "month"
    return "year"


def format_period(period: str, lang: str | None = None) -> str:
    """A period for people: 2026年第3季 / 2026年7月 / 2026 Q3 / Jul 2026."""
    lang = lang or current_lang()
    kind = period_kind_of(period)
    year = period[:4]
    if kind == "half":  # plans' 計畫期間 (SPEC 2.6)
        return t(f"ui.period.half_fmt.{period[-1]}", lang, year=year)
    if kind == "quarter":
        return t("ui.period.quarter_fmt", lang, year=year, q=period[-1])
    if kind == "month":
        return month_year(int(year), int(period[5:7]), lang)
    return t("ui.period.year_fmt", lang, year=year)


def periods_for(kind: str, months_with_data: list[str], today: dt.date) -> list[str]:
    """The periods of ``kind`` that have data (newest first); the current ones when there is no data at all."""
    months = sorted(set(months_with_data)) or [f"{today.year}-{m:02d}" for m in range(1, today.month + 1)]
    if kind == "year":
        found = {m[:4] for m in months}
    elif kind == "quarter":
        found = {f"{m[:4]}Q{(int(m[5:7]) - 1) // 3 + 1}" for m in months}
    else:
        found = set(months)
    return sorted(found, reverse=True)


def _seed_from_url() -> None:
    """First run of a session: copy the URL's query parameters into the widgets' state."""
    if st.session_state.get("_ctl_seeded"):
        return
    st.session_state["_ctl_seeded"] = True
    for param, key in _PARAMS.items():
        value = st.query_params.get(param)
        if value is None:
            continue
        if param == "as_of":
            try:
                st.session_state[key] = dt.date.fromisoformat(value)
            except ValueError:
                continue
        else:
            st.session_state[key] = value


def _language_bound(widget, stable: str, lang: str, **kwargs) -> None:
    """Draw ``widget`` for the value kept under ``stable``, with a widget key per language.

    A widget whose option labels change (the language switched) but whose value does not keeps showing the old
    label in the browser; a key per language gives a fresh widget, and ``stable`` carries the value across.
    """
    widget_key = f"{stable}__{lang}"
    st.session_state[widget_key] = st.session_state[stable]

    def _sync() -> None:
        st.session_state[stable] = st.session_state[widget_key]

    widget(key=widget_key, on_change=_sync, **kwargs)


def _keep_valid(key: str, options: list[str], default: str) -> None:
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


def render_sidebar(user: User | None, allowed_scope_key: str | None) -> Controls:
    """Draw the shared controls in the sidebar, sync them with the URL and return them.

    ``user`` (from ``ui.auth.gate()``; None in local mode) and ``allowed_scope_key`` (``ui.auth.allowed_scope(user)``,
    given by the caller so this module never imports ``ui.auth``; no default, so a caller cannot forget it and
    widen the choices) limit the company choices to the user's company
    and what rolls up to it. None for local mode, admins and 總部 users: they keep "all companies", which also holds
    the rows whose 工號 is on no roster (SPEC 8: 總部 sees everything; a 總部 company scope would lose those rows).
    The returned ``scope_key`` is ``analytics.auth.scope.effective_scope`` of the choice, so pages always pass an
    allowed scope to the metrics (SPEC 8: enforced where data is read).
    """
    from analytics.auth.scope import effective_scope
    from ui import data

    _seed_from_url()
    _keep_valid(_PARAMS["lang"], list(LANGUAGES), DEFAULT_LANGUAGE)
    lang = st.session_state[_PARAMS["lang"]]
    today = config.today()
    sb = st.sidebar

    tree = data.company_tree(allowed_scope_key)
    scope_options = ([] if allowed_scope_key else [_ALL]) + list(tree["company_key"])
    names = dict(zip(tree["company_key"], tree["label"], strict=True))
    plain = dict(zip(tree["company_key"], tree["company"], strict=True))
    _keep_valid(_PARAMS["scope"], scope_options or [_ALL], (scope_options or [_ALL])[0])
    all_word = t("ui.scope.all", lang)
    _language_bound(sb.selectbox, _PARAMS["scope"], lang, label=t("ui.sidebar.scope", lang),
                    options=scope_options or [_ALL], format_func=lambda k: all_word if k == _ALL else names.get(k, k),
                    help=t("ui.sidebar.scope_help", lang))

    _keep_valid(_PARAMS["kind"], list(PERIOD_KINDS), "year")
    _language_bound(sb.radio, _PARAMS["kind"], lang, label=t("ui.sidebar.period_kind", lang),
                    options=list(PERIOD_KINDS), horizontal=True, format_func=lambda k: t(f"ui.period.kind.{k}", lang))
    kind = st.session_state[_PARAMS["kind"]]
    period_options = periods_for(kind, data.data_months(), today)
    _keep_valid(_PARAMS["period"], period_options, period_options[0])
    _language_bound(sb.selectbox, _PARAMS["period"], lang, label=t("ui.sidebar.period", lang),
                    options=period_options, format_func=lambda p: format_period(p, lang))

    if not isinstance(st.session_state.get(_PARAMS["as_of"]), dt.date):
        st.session_state[_PARAMS["as_of"]] = today
    sb.date_input(t("ui.sidebar.as_of", lang), key=_PARAMS["as_of"], help=t("ui.sidebar.as_of_help", lang),
                  persist_state="session", format="YYYY-MM-DD")  # as the captions write it

    level_options = [_ALL, *LEVEL.canonical_values]
    _keep_valid(_PARAMS["level"], level_options, _ALL)
    _language_bound(sb.selectbox, _PARAMS["level"], lang, label=t("ui.sidebar.level", lang),
                    options=level_options,
                    format_func=lambda v: t("ui.level.all", lang) if v == _ALL else term("level", v, lang))

    sb.selectbox(t("ui.sidebar.language", lang), list(LANGUAGES), key=_PARAMS["lang"],
                 format_func=lambda code: LANGUAGE_NAMES[code], persist_state="session")

    scope = st.session_state[_PARAMS["scope"]]
    if user is not None:
        scope = effective_scope(user, None if scope == _ALL else scope, data.companies()) or _ALL
    level = st.session_state[_PARAMS["level"]]
    period = st.session_state[_PARAMS["period"]]
    controls = Controls(
        lang=st.session_state[_PARAMS["lang"]],
        period_kind=kind,
        period=period,
        year=int(period[:4]),
        as_of=st.session_state[_PARAMS["as_of"]],
        scope_key=None if scope == _ALL else scope,
        scope_name=all_word if scope == _ALL else plain.get(scope, scope),
        level=None if level == _ALL else level,
    )
    _write_url(controls)
    st.session_state["_controls"] = controls
    return controls


def _write_url(c: Controls) -> None:
    # "everything" (scope, level) is the absence of the parameter, so links stay short and readable.
    wanted = {"lang": c.lang, "kind": c.period_kind, "period": c.period, "as_of": c.as_of.isoformat(),
              "scope": c.scope_key, "level": c.level}
    for param, value in wanted.items():
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != value:
            st.query_params[param] = value


def current_controls() -> Controls:
    """The controls drawn in this run by ``app.py`` or by ``ui.gate.page_gate()``.

    A page that reached this without passing the gate in this run is stopped here (fail closed, issue #12): it
    never gets controls drawn for nobody, so it never reads with "all companies".
    """
    from ui import ensure_router
    from ui.session import gate_passed

    ensure_router()
    controls = st.session_state.get("_controls")
    if gate_passed() and st.session_state.get("_controls_from_router") and isinstance(controls, Controls):
        return controls
    st.stop()
