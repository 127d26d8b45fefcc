"""資料匯入 Import: template, upload, preview per file, strict mode, commit with progress, results and rejects."""

from __future__ import annotations

from ui.gate import page_gate

page_gate()  # the sign-in gate before anything else of the page runs (docs/security.md)

import hashlib
from pathlib import PurePath

import streamlit as st

from analytics.auth.model import IMPORTING_ROLES
from analytics.ingest.filenames import clean_file_name
from ui import import_view as iv
from ui.db import clear_caches, db_path
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


def render_read_error(name: str, content: bytes, parsed) -> None:
    """A file that could not be read at all: its name and the reason (it is not planned nor offered to import)."""
    with st.container(border=True):
        st.markdown(f":material/description: **{iv.md_escape(name)}** · {len(content) / 1024:,.0f} KB")
        st.error(iv.md_escape(parsed.file_error.message(current_controls().lang)), icon=":material/block:")


def store_stamp() -> tuple:
    """Changes whenever the database file (or its WAL) changes: a plan made before another import is made again."""
    import os

    stamp: list[object] = []
    for path in (db_path(), PurePath(str(db_path()) + ".wal")):
        try:
            info = os.stat(path)
        except OSError:
            stamp.append(None)
        else:
            stamp.append((info.st_ino, info.st_mtime_ns, info.st_size))
    return tuple(stamp)


def planned(files: list[tuple[str, bytes]], *, strict: bool, replaces: int | None, lang: str):
    """The dry run of importing ``files`` (analytics.store.importer.plan_import), kept for this session until the
    files, the options, the user or the database change. Its parsed files are the sandboxed parses of ``_parsed``:
    the commit imports the plan itself, nothing is read twice (issue #13 item 3)."""
    from analytics.store.importer import plan_import

    user = current_user()
    key = (tuple((name, hashlib.sha256(content).hexdigest()) for name, content in files), strict, replaces,
           getattr(user, "username", None), lang, store_stamp())
    kept = st.session_state.get("_import_plan")
    if kept is not None and kept[0] == key:
        return kept[1]
    plan = plan_import([(_parsed(name, content), content) for name, content in files], db_path=db_path(),
                       strict=strict, user=getattr(user, "username", None) or "local", lang=lang, replaces=replaces,
                       acting=user)
    st.session_state["_import_plan"] = (key, plan)  # one plan per session: the bound of _parsed holds
    return plan


def render_preview(box, item, lang: str) -> None:
    """What importing one file will do, before the button (issue #16 item 10): the outcome (already imported
    included), rows and counts, every error, warning and notice — the database's own (unknown 工號, unknown
    責任單位, refused scope) too."""
    preview, parsed = item.preview, item.parsed
    counts = iv.problem_counts(preview.problems)
    with box:
        st.markdown(f":material/description: **{iv.md_escape(parsed.file_name)}** · {len(item.content) / 1024:,.0f} KB"
                    f" · {status_badge_text(preview.status, 'ui.import.plan_status')}")
        if preview.status == "already_imported":
            st.info(tr("ui.import.plan_already", batch=preview.batch_id), icon=":material/content_copy:")
        elif not item.writes:  # refused before anything would be written: the first error says why
            first = next((p for p in preview.problems if p.severity == "error"), None)
            if first is not None:
                st.error(iv.md_escape(first.message(lang)), icon=":material/block:")
        rejected = preview.rejected_rows()
        valid = sum(len(df) for df in parsed.tables.values()) - (rejected - parsed.rejected_row_count())
        if preview.status == "rejected":
            valid = 0
        st.caption(tr("ui.import.preview_summary", valid=valid, rejected=rejected, errors=counts["error"],
                      warnings=counts["warning"], notices=counts["notice"]))
        if item.writes and preview.status != "rejected":
            totals = {k: sum(int(c.get(k, 0) or 0) for c in preview.counts.values())
                      for k in ("new", "updated", "unchanged")}
            st.caption(tr("ui.import.plan_counts", **totals))
        st.dataframe(iv.sheets_frame(parsed, lang), hide_index=True)
        problems = iv.problems_frame(preview.problems, lang)
        if not problems.empty:
            with st.expander(tr("ui.import.problems", n=len(problems)), expanded=counts["error"] > 0):
                st.dataframe(problems, hide_index=True)


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


def commit(plan, *, lang: str) -> None:
    """Commit the previewed plan (analytics.store.importer.commit_plan) with a progress bar; results kept for
    display; caches cleared. Every check (scope, already imported, the batch corrected) is made again by the
    importer inside each file's transaction; the batch to correct is also checked here against the user's list
    (never trust the widget's list)."""
    from analytics.store.importer import commit_plan

    user = current_user()
    if plan.replaces is not None and (len(plan.files) != 1 or plan.replaces not in correctable_batches()):
        st.error(tr("ui.import.replaces_none"), icon=":material/block:")
        return
    bar = st.progress(0.0, text=tr("ui.import.committing"))

    def on_progress(message: str, fraction: float) -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=iv.md_escape(message))  # may name the file

    try:
        results = commit_plan(plan, db_path=db_path(), user=getattr(user, "username", None) or "local", lang=lang,
                              on_progress=on_progress)
    finally:
        clear_caches()
    bar.empty()
    st.session_state["_import_results"] = results
    st.session_state.pop("_import_plan", None)
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
    if user is not None and getattr(user, "role", None) not in IMPORTING_ROLES:
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
    readable: list[tuple[str, bytes]] = []
    boxes = []
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
        parsed = _parsed(name, content)
        if parsed.file_error is not None:
            render_read_error(name, content, parsed)
            continue
        readable.append((name, content))
        boxes.append(st.container(border=True))  # filled below, once the plan (which needs the options) is made
    replaces = render_replaces_choice(readable)
    plan = planned(readable, strict=strict, replaces=replaces or None, lang=lang) if readable else None
    if plan is not None:
        for box, item in zip(boxes, plan.files, strict=True):
            render_preview(box, item, lang)
    ready = plan.to_commit() if plan is not None else []
    label = tr("ui.import.commit_strict" if strict else "ui.import.commit", n=len(ready))
    blocked = not ready or replaces is False
    if st.button(label, type="primary", disabled=blocked, icon=":material/cloud_upload:", key="commit"):
        commit(plan, lang=lang)


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
