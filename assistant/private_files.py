"""Files the product writes for the user alone: folders 0700, files 0600, whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and missing parents) readable by the user alone; return it."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    for created in missing:
        created.chmod(FOLDER_MODE)
    return folder


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, readable by the user alone; an existing file is made so."""
    private_folder(path.parent)
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(descriptor)
    path.chmod(FILE_MODE)
    return path
