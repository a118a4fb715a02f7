"""STUB (render helper replaces)."""
from dataclasses import dataclass
@dataclass
class WriteResult:
    written: int = 0
    removed: int = 0
    unchanged: int = 0
def write_pages(pages, docs_dir):
    docs_dir.mkdir(parents=True, exist_ok=True)
    for k, v in pages.items():
        (docs_dir / k).write_text(v)
    return WriteResult(len(pages))
