"""Export and import from the app: the palette's way to what ``followup export`` and ``followup
import`` do, saying where it wrote and what came in.

Both read and write files in a worker thread, so a large file never freezes the screen. An import
is planned first (a dry run, shown in full) and applied only once the person confirms it.
"""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...interop import EXPORT_FORMATS, EXTENSIONS, FilePlan, ImportProblem
from ..commands import bindings_for
from ..services import UsesServices
from .confirm import ConfirmDialog
from .forms import CleanInput

#: Problems listed in the import dialog before "and N more".
SHOWN_PROBLEMS = 6


def default_export_path(fmt: str, today: date) -> Path:
    """Where an export goes unless the person says otherwise: the home folder, dated."""
    return Path.home() / f"followup-{today.isoformat()}{EXTENSIONS[fmt]}"


def _user_path(text: str) -> Path:
    return Path(text.strip()).expanduser()


class ExportDialog(UsesServices, ModalScreen[str | None]):
    """Choose a format and a file; dismissed with a line saying where it wrote, or None."""

    CSS_PATH = "forms.tcss"
    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def compose(self) -> ComposeResult:
        """The formats, then the file to write."""
        today = self.services.today
        with Vertical(classes="dialog transfer-box") as box:
            box.border_title = "Export"
            box.border_subtitle = "Enter to write · Esc to cancel"
            yield OptionList(
                *(Option(f"{name:<5} {what}", id=name) for name, what in EXPORT_FORMATS.items()),
                id="export-format",
            )
            yield Static("Write to (vcf: end with / for one card per file):")
            yield CleanInput(str(default_export_path("json", today)), id="export-path")
            yield Static(id="export-error", classes="error")

    def _format(self) -> str:
        options = self.query_one("#export-format", OptionList)
        highlighted = options.highlighted or 0
        return options.get_option_at_index(highlighted).id or "json"

    @on(OptionList.OptionHighlighted, "#export-format")
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        """Follow the format with the file's extension, unless a directory was typed."""
        path = self.query_one("#export-path", Input)
        if path.value.endswith("/"):
            return
        old = Path(path.value)
        if old.suffix in EXTENSIONS.values():
            path.value = str(old.with_suffix(EXTENSIONS[event.option.id or "json"]))

    @on(OptionList.OptionSelected, "#export-format")
    def _format_chosen(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def _write(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self._error("Type where to write the export.")
            return
        fmt = self._format()
        target = _user_path(text)
        to_directory = text.endswith("/") or target.is_dir()
        if to_directory and target.exists() and not target.is_dir():
            self._error(f"{target} is a file, not a folder: remove the / at the end.")
            return
        if to_directory and fmt != "vcf":
            self._error(f"{text} names a folder: type a file name for {fmt}.")
            return
        if not to_directory and target.is_file():

            def answered(replace: bool | None) -> None:
                if replace:
                    self._export(fmt, target, to_directory)

            self.app.push_screen(
                ConfirmDialog(
                    f"Replace {target}?",
                    "The file there now is overwritten by the export.",
                    confirm_label="Replace",
                ),
                answered,
            )
            return
        self._export(fmt, target, to_directory)

    def _error(self, message: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(Content(message))
        error.add_class("-shown")

    @work(thread=True, exclusive=True, group="export")
    def _export(self, fmt: str, target: Path, to_directory: bool) -> None:
        from ...interop import export_bytes
        from ...store import write_directory, write_output

        dataset = self.services.store.dataset()
        try:
            if to_directory:
                from ...interop import vcard_files

                count = write_directory(target, vcard_files(dataset))
                done = f"Exported {count} cards to {target}/"
            else:
                write_output(target, export_bytes(fmt, dataset, self.services.today))
                done = f"Exported {fmt} to {target}"
        except OSError as error:
            self.app.call_from_thread(
                self._error, f"Could not write {target}: {error.strerror or error}"
            )
            return
        self.app.call_from_thread(self.dismiss, done)


class ImportDialog(UsesServices, ModalScreen[str | None]):
    """Choose a file, see everything importing it would do, then import or cancel. Dismissed
    with a line saying what came in, or None."""

    CSS_PATH = "forms.tcss"
    SCOPE = "dialog"
    BINDINGS = bindings_for(SCOPE)

    def __init__(self) -> None:
        super().__init__()
        self._plan: tuple[Path, FilePlan] | None = None

    def compose(self) -> ComposeResult:
        """The file, how to read numeric dates, then the plan or the problems."""
        with Vertical(classes="dialog transfer-box") as box:
            box.border_title = "Import"
            box.border_subtitle = "Enter to read the file · Esc to cancel"
            yield Static(
                "A followup export (.json), a spreadsheet (.csv), LinkedIn's data export "
                "(the .zip, or its Connections.csv or Invitations.csv), or vCards (.vcf)."
            )
            yield CleanInput(placeholder="path of the file", id="import-path")
            yield Select(
                [("Dates like 03/04: day first", "dmy"), ("Dates like 03/04: month first", "mdy")],
                prompt="Dates like 03/04: as the file settles them",
                id="import-dates",
            )
            with VerticalScroll(id="import-plan-box"):
                yield Static(id="import-plan")
            yield Static(id="import-error", classes="error")
            with Horizontal(id="import-buttons", classes="buttons"):
                yield Button("Import", variant="primary", id="import-yes", disabled=True)
                yield Button("Cancel", id="import-no")

    @on(Input.Submitted, "#import-path")
    def _read(self, event: Input.Submitted) -> None:
        path = _user_path(event.value) if event.value.strip() else None
        problem = _unreadable(path)
        if path is None or problem:
            self._show(error=problem or "Type the path of the file to import.")
            return
        order = self.query_one("#import-dates", Select).value
        self._show(plan="Reading…")
        self._read_plan(path, order if order in ("dmy", "mdy") else None)

    def _show(self, *, plan: str = "", error: str = "", ready: bool = False) -> None:
        self.query_one("#import-plan", Static).update(Content(plan))
        box = self.query_one("#import-error", Static)
        box.update(Content(error))
        box.set_class(bool(error), "-shown")
        button = self.query_one("#import-yes", Button)
        button.disabled = not ready
        if ready:
            button.focus()
        else:
            self._plan = None

    @work(thread=True, exclusive=True, group="import")
    def _read_plan(self, path: Path, order: str | None) -> None:
        from ...domain import bindable
        from ...interop import SourceError, plan_file, read_source
        from ..commands import COMMANDS

        services = self.services
        try:
            data = read_source(path, str(path))
            plan = plan_file(
                services.store.dataset(),
                data,
                services.today,
                name=path.name,
                date_order=order,  # type: ignore[arg-type]
                bindings=lambda: bindable(COMMANDS),
            )
        except SourceError as error:
            self.app.call_from_thread(self._show, error=str(error))
            return
        except ImportProblem as problem:
            self.app.call_from_thread(self._refused, path, problem)
            return
        self.app.call_from_thread(self._planned, path, plan)

    def _refused(self, path: Path, problem: ImportProblem) -> None:
        lines = [_for_the_app(line) for line in problem.listed[:SHOWN_PROBLEMS]]
        if problem.total > len(lines):
            lines.append(f"and {problem.total - len(lines)} more")
        self._show(
            error=f"Nothing was imported from {path.name}:\n" + "\n".join(f"• {p}" for p in lines)
        )

    def _planned(self, path: Path, plan: FilePlan) -> None:
        if not plan.has_changes:
            self._show(plan=plan.detail, error="Nothing to import: the file adds nothing new.")
            return
        self._show(plan=plan.detail, ready=True)
        self._plan = (path, plan)
        self.query_one(".transfer-box").border_subtitle = "Enter to import · Esc to cancel"

    @on(Button.Pressed, "#import-yes")
    def _import(self) -> None:
        if self._plan is None:
            return
        path, plan = self._plan
        self._show(plan="Importing…")
        # Drawn first, then applied: a large import takes a moment on this thread.
        self.call_after_refresh(self._apply, path, plan)

    def _apply(self, path: Path, plan: FilePlan) -> None:
        self.services.store.replace_all(plan.result)
        self.dismiss(f"Imported from {path}:\n{plan.summary}")

    @on(Button.Pressed, "#import-no")
    def _cancel(self) -> None:
        self.dismiss(None)


def _unreadable(path: Path | None) -> str:
    """Why the app will not read ``path``, or "": a pipe would wait for a writer forever."""
    if path is None:
        return ""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""  # reading it says why, in the usual words
    if stat.S_ISDIR(mode):
        return f"{path} is a folder: type the path of a file."
    if not stat.S_ISREG(mode):
        return f"{path} is not a file (a pipe or a device): save it as a file first."
    return ""


def _for_the_app(problem: str) -> str:
    """A reader's problem in the app's words: the dates choice is a list here, not an option."""
    return problem.replace(
        "pass --date-format dmy or mdy", "choose the order under \u201cDates like 03/04\u201d"
    )
