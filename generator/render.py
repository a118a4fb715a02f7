"""STUB (render helper replaces)."""
def render_site(corpus, config):
    return {"index.md": "# newsbrief\n"}
