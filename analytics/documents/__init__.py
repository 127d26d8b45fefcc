"""The walker's documents of an individual plan (issue #14 item 4, SPEC 4.6, articles 8.1-8.3): the 穿越任務書
(.docx, ``taskbook``) and the 穿越總結表 (.xlsx, ``summary_form``) whose filled-in copy the ordinary importer reads."""
