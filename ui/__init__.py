"""Streamlit and Plotly glue shared by the pages (text, widgets, figures, cached runs)."""
