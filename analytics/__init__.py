"""流程穿越 analytics: the data contract, importer, store, metrics and briefing. Never imports streamlit."""

__version__ = "0.1.0"
