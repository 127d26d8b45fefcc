"""資料匯入 Import: template, upload, preview per file, strict mode, commit with progress, results and rejects."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import hashlib
from pathlib import PurePath

import streamlit as st

from analytics.ingest.filenames import clean_file_name
from ui import import_view as iv
from ui.db import clear_caches, db_exists, db_path, read
from ui.state import current_controls, current_user, tr, tr_md
from ui.widgets import XLSX_MIME, page_guard, status_badge_text, template_download_button

ACCEPTED = ["xlsx", "xlsm", "xls", "csv"]


def upload_limit_mb() -> int:
    """server.maxUploadSize of .streamlit/config.toml (MB)."""
    return int(st.get_option("server.maxUploadSize"))


# issue #12 finding 3: a session keeps at most this many parsed files, and reads at most this many at a time.
MAX_PARSED_FILES = 12


def _parsed(name: str, content: bytes):
    """Parse once per distinct upload (parsing a 100k-row log takes seconds; reruns must not repeat it), in a
    memory- and time-capped child process (analytics.ingest.sandbox): no file can take the server down."""
    from analytics.ingest.sandbox import parse_isolated

    cache = st.session_state.setdefault("_import_parsed", {})
    key = (name, hashlib.sha256(content).hexdigest())
    if key in cache:
        cache[key] = cache.pop(key)  # most recently used last
    else:
        while len(cache) >= MAX_PARSED_FILES:
            cache.pop(next(iter(cache)))
        cache[key] = parse_isolated(name, content)
    return cache[key]


def render_preview(name: str, content: bytes, lang: str) -> bool:
    """What one file was recognised as; returns whether it has anything importable."""
    parsed = _parsed(name, content)
    counts = iv.problem_counts(parsed.problems)
    with st.container(border=True):
        st.markdown(f":material/description: **{iv.md_escape(name)}** · {len(content) / 1024:,.0f} KB")
        if parsed.file_error is not None:
            st.error(iv.md_escape(parsed.file_error.message(lang)), icon=":material/block:")
            return False
        valid = sum(len(df) for df in parsed.tables.values())
        st.caption(tr("ui.import.preview_summary", valid=valid, rejected=parsed.rejected_row_count(),
                      errors=counts["error"], warnings=counts["warning"], notices=counts["notice"]))
        st.dataframe(iv.sheets_frame(parsed, lang), hide_index=True)
        problems = iv.problems_frame(parsed.problems, lang)
        if not problems.empty:
            with st.expander(tr("ui.import.problems", n=len(problems)), expanded=counts["error"] > 0):
                st.dataframe(problems, hide_index=True)
        return valid > 0 or parsed.rejected_row_count() > 0


def check_import_scope(user: object | None, files: list[tuple[str, bytes]]) -> None:
    """SPEC 8: a lead uploads only for its own scope; raises ``RoleDenied`` naming the companies outside it.

    The companies come from ``analytics.auth.uploads`` (roster 公司, issue 責任單位, and each log row's person
    through 工號 — in the file's own roster, else the stored one). New companies named by the file's roster
    join the stored tree (a new city of the lead's own province is allowed), but a company already stored keeps
    its stored parent: an upload cannot move another province's city into the lead's scope.
    """
    from analytics.auth.scope import CompanyTree, require_import
    from analytics.auth.uploads import parsed_company_keys, parsed_company_tree
    from ui.data import companies

    if user is None:  # local single-user mode (SPEC 8)
        return
    parsed = [_parsed(name, content) for name, content in files]
    if db_exists():
        keys = read(lambda con: parsed_company_keys(parsed, con))
    else:
        keys = parsed_company_keys(parsed, None)
    tree = parsed_company_tree(parsed).merged(CompanyTree.coerce(companies()))
    require_import(user, keys, tree)


def correctable_batches() -> dict[int, str]:
    """Active batches the signed-in user may roll back, hence correct (issue #11 item 7): id -> label, newest first."""
    from analytics.auth.scope import can_rollback
    from ui import data

    user, frame = current_user(), data.batches()
    if frame.empty:
        return {}
    tree = data.companies()
    return {
        int(r["batch_id"]): tr("ui.import.replaces_option", batch=int(r["batch_id"]),
                               file=clean_file_name(str(r["file_name"])),
                               when=f"{r['imported_at']:%Y-%m-%d %H:%M}")
        for r in frame.to_dict("records") if r["status"] == "active" and can_rollback(user, r, tree)
    }


def commit(files: list[tuple[str, bytes]], *, strict: bool, lang: str, replaces: int | None = None) -> None:
    """Import through analytics.store.importer with a progress bar; results kept for display; caches cleared.

    ``replaces``: the batch the single file corrects; checked again here (never trust the widget's list).
    """
    from analytics.store.importer import import_files

    user = current_user()
    check_import_scope(user, files)
    if replaces is not None and (len(files) != 1 or replaces not in correctable_batches()):
        st.error(tr("ui.import.replaces_none"), icon=":material/block:")
        return
    bar = st.progress(0.0, text=tr("ui.import.committing"))

    def on_progress(message: str, fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=iv.md_escape(message))  # may name the file

    try:
        results = import_files(files, db_path=db_path(), strict=strict,
                               user=getattr(user, "username", None) or "local", lang=lang, on_progress=on_progress,
                               replaces=replaces, parser=_parsed,
                               acting=user)  # rows outside the user's scope are refused
    finally:
        clear_caches()
    bar.empty()
    st.session_state["_import_results"] = results
    st.session_state["_uploader_round"] = st.session_state.get("_uploader_round", 0) + 1
    st.rerun()


def render_results(lang: str) -> None:
    """The outcome per file: status, counts per table, problems, rejected rows as a downloadable .xlsx."""
    results = st.session_state.get("_import_results")
    if not results:
        return
    st.subheader(tr("ui.import.results"), anchor=False)
    for i, r in enumerate(results):
        with st.container(border=True):
            st.markdown(f"**{iv.md_escape(r.file_name)}** · {status_badge_text(r.status, 'ui.import.status')}"
                        + (f" · {tr('ui.import.batch', batch=r.batch_id)}" if r.batch_id else ""))
            if r.replaced_batch is not None:
                st.caption(tr("store.summary.replaced", batch=r.replaced_batch))
            counts = iv.counts_frame(r.counts or {}, lang)
            if not counts.empty:
                st.dataframe(counts, hide_index=True)
            problems = iv.problems_frame(r.problems, lang)
            if not problems.empty:
                with st.expander(tr("ui.import.problems", n=len(problems))):
                    st.dataframe(problems, hide_index=True)
            for key, frame in (r.rejects or {}).items():
                if frame is not None and len(frame):
                    with st.expander(tr("ui.import.rejected_rows", table=iv.table_title(key, lang), n=len(frame))):
                        st.dataframe(frame, hide_index=True)
            rejects = r.rejects_xlsx()
            if rejects:
                stem = PurePath(r.file_name).stem or "file"
                st.download_button(tr("ui.import.rejects_download"), data=rejects, file_name=f"{stem}_未匯入列.xlsx",
                                   mime=XLSX_MIME, icon=":material/download:", key=f"rejects_{i}", on_click="ignore")
    if st.button(tr("ui.import.clear_results"), key="clear_results", type="tertiary"):
        st.session_state.pop("_import_results", None)
        st.rerun()


def render_import() -> None:
    c = current_controls()
    lang = c.lang
    st.title(tr("ui.import.title"))
    user = current_user()
    if user is not None and getattr(user, "role", None) not in ("admin", "lead"):
        st.warning(tr("ui.import.not_allowed"), icon=":material/lock:")
        return
    st.caption(tr("ui.import.intro", limit=upload_limit_mb()))
    with st.expander(tr("ui.import.template_expander"), icon=":material/table_view:"):
        st.caption(tr("ui.home.step_template_text"))
        template_download_button("import_template")
    render_results(lang)

    strict = st.toggle(tr("ui.import.strict"), help=tr("ui.import.strict_help"), key="import_strict")
    uploads = st.file_uploader(tr("ui.import.uploader"), type=ACCEPTED, accept_multiple_files=True,
                               key=f"uploader_{st.session_state.get('_uploader_round', 0)}",
                               help=tr("ui.import.uploader_help", limit=upload_limit_mb()))
    if not uploads:
        return
    limit = upload_limit_mb() * 1024 * 1024
    ready: list[tuple[str, bytes]] = []
    for index, upload in enumerate(uploads):
        name = clean_file_name(upload.name)  # issue #12: a NUL or U+202E in the name from the browser
        if index >= MAX_PARSED_FILES:  # issue #12 finding 3: no unbounded queue of work per session
            st.error(f"**{iv.md_escape(name)}**: " + iv.md_escape(tr("ingest.too_many_files", limit=MAX_PARSED_FILES)),
                     icon=":material/block:")
            continue
        content = upload.getvalue()
        if len(content) > limit:  # the browser enforces the limit too; this covers any other client
            st.error(tr_md("ui.import.too_large", name=name, limit=upload_limit_mb()), icon=":material/block:")
            continue
        if render_preview(name, content, lang):
            ready.append((name, content))
    replaces = render_replaces_choice(ready)
    label = tr("ui.import.commit_strict" if strict else "ui.import.commit", n=len(ready))
    blocked = not ready or replaces is False
    if st.button(label, type="primary", disabled=blocked, icon=":material/cloud_upload:", key="commit"):
        commit(ready, strict=strict, lang=lang, replaces=replaces or None)


def render_replaces_choice(ready: list[tuple[str, bytes]]) -> int | None | bool:
    """"This file corrects an earlier import": the chosen batch id, None when not chosen, False when chosen but
    impossible (more than one file, or no batch the user may correct) — the commit button is then disabled."""
    if not st.toggle(tr("ui.import.replaces_toggle"), help=tr("ui.import.replaces_help"), key="import_replaces"):
        return None
    if len(ready) != 1:
        st.warning(tr("ui.import.replaces_one_file"), icon=":material/warning:")
        return False
    options = correctable_batches()
    if not options:
        st.info(tr("ui.import.replaces_none"), icon=":material/info:")
        return False
    return st.selectbox(tr("ui.import.replaces_pick"), list(options), format_func=options.__getitem__,
                        key="import_replaces_batch")


with page_guard():
    render_import()
