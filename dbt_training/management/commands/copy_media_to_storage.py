"""Copy the uploads kept under MEDIA_ROOT into the storage STORAGE_URL names, once, when a site
moves its files to a bucket. Every app's uploads, so it lives in the project package; it reads
only files and the storage, no models: the database keeps the same names, which the bucket then
holds at the same keys."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat


@dataclass
class Tally:
    copied: int = 0
    copied_bytes: int = 0
    present: int = 0
    conflicts: list[str] = field(default_factory=list)


class Command(BaseCommand):
    help = (
        "Copy every file under MEDIA_ROOT into the configured storage (STORAGE_URL) at the same "
        "name. Safe to run again: a file already there with the same size is skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be copied; copy nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        self.verbosity = options["verbosity"]
        root = Path(settings.MEDIA_ROOT)
        if _is_media_root(default_storage, root):
            raise CommandError(
                "STORAGE_URL is not set: uploads are stored in MEDIA_ROOT already, so there is "
                "nowhere to copy them. Set STORAGE_URL to the bucket and run this again."
            )
        if not root.is_dir():
            raise CommandError(f"MEDIA_ROOT {root} is not a folder; there is nothing to copy.")
        tally = Tally()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            self.copy(path, path.relative_to(root).as_posix(), tally, dry_run=dry_run)
        verb = "Would copy" if dry_run else "Copied"
        self.stdout.write(
            f"{verb} {tally.copied} {_files(tally.copied)} "
            f"({filesizeformat(tally.copied_bytes)}); {tally.present} already there."
        )
        if tally.conflicts:
            # Left alone, never overwritten: a different object at the same name is most likely
            # an upload made after the switch to the bucket, and the database points at it.
            raise CommandError(
                f"{len(tally.conflicts)} {_files(len(tally.conflicts))} left alone: the storage "
                "holds a different file (another size) at the same name: "
                + ", ".join(tally.conflicts)
            )

    def copy(self, path: Path, name: str, tally: Tally, *, dry_run: bool) -> None:
        size = path.stat().st_size
        try:
            stored_size = default_storage.size(name)
        except FileNotFoundError:
            stored_size = None
        if stored_size == size:
            tally.present += 1
            return
        if stored_size is not None:
            tally.conflicts.append(name)
            return
        if not dry_run:
            with path.open("rb") as source:
                saved = default_storage.save(name, File(source, name=name))
            if saved != name:
                # Something was stored at that name between the check and the copy.
                default_storage.delete(saved)
                tally.conflicts.append(name)
                return
        if self.verbosity >= 2:
            self.stdout.write(f"  {name} ({filesizeformat(size)})")
        tally.copied += 1
        tally.copied_bytes += size


def _is_media_root(storage, root: Path) -> bool:
    # The lazy default storage answers isinstance for the storage it wraps.
    return isinstance(storage, FileSystemStorage) and (
        Path(storage.location).resolve() == root.resolve()
    )


def _files(count: int) -> str:
    return "file" if count == 1 else "files"
