"""The web app: Gradio layout and handlers (the only package besides app.py that imports gradio)."""
