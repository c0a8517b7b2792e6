"""The layering of docs/architecture.md, read off every import in the code (lazy ones inside
functions included): each layer imports only from the layers below it, and inside `assessments`
the concepts import only the concepts before them."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("dbt_training", "courses", "reminders", "modules", "assessments")

# Bottom up. The project package is the top; its shared core and the users app sit at the bottom.
LAYERS = {
    "dbt_training.core": 0,
    "dbt_training.outbox": 0,
    "dbt_training.users": 1,
    "courses": 2,
    "reminders": 3,
    "modules": 4,
    "assessments": 5,
    "dbt_training": 6,
}

# Inside `assessments`: what each part may import. The vocabulary and the models are below every
# concept; the app-level files (apps, admin, urls, tasks, reminders, management, migrations) wire
# the concepts together and sit above them.
BELOW_CONCEPTS = {"taxonomy", "models"}
ASSESSMENTS_MAY_IMPORT = {
    "taxonomy": {"taxonomy"},
    "models": BELOW_CONCEPTS,
    "quizzes": BELOW_CONCEPTS | {"quizzes"},
    "assignments": BELOW_CONCEPTS | {"quizzes", "assignments"},
    "grading": BELOW_CONCEPTS | {"quizzes", "assignments", "grading"},
    "completion": BELOW_CONCEPTS | {"quizzes", "assignments", "grading", "completion"},
    "evaluation": BELOW_CONCEPTS | {"quizzes", "evaluation"},
}
CONCEPT_PARTS = set(ASSESSMENTS_MAY_IMPORT)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def imports_of(path: Path, own: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import statement of module `own`, at any depth."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                candidate = f"{source}.{alias.name}"
                found.append((node.lineno, candidate if is_module(candidate) else source))
    return found


def layer_of(name: str) -> int | None:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "."):
            return LAYERS[prefix]
    return None


def assessments_part(name: str) -> str:
    """The concept (or "app" for the app-level files) an assessments module belongs to."""
    part = name.split(".")[1] if name.count(".") else ""
    return part if part in CONCEPT_PARTS else "app"


def source_files():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def file_violations(path: Path, importer: str) -> list[str]:
    found = []
    for line, imported in imports_of(path, importer):
        target_layer = layer_of(imported)
        if target_layer is None:
            continue  # Django, a library, the standard library
        where = f"{importer}:{line} imports {imported}"
        if layer_of(importer) < target_layer:
            found.append(f"{where} (a higher layer)")
        elif importer.startswith("assessments.") and imported.startswith("assessments."):
            part, target = assessments_part(importer), assessments_part(imported)
            if part != "app" and target not in ASSESSMENTS_MAY_IMPORT[part]:
                found.append(f"{where} ({part} may not import {target})")
    return found


def test_every_import_runs_down_the_layers():
    found = [v for path in source_files() for v in file_violations(path, module_name(path))]
    assert found == []


def test_the_check_reads_lazy_and_relative_imports(tmp_path):
    """The reader finds an import inside a function and resolves a relative one, so the test
    above cannot pass by not looking."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from .models import Course\n\n\ndef later():\n"
        "    from assessments.quizzes import services\n"
    )
    assert sorted(imports_of(probe, "courses.probe")) == [
        (1, "courses.models"),
        (5, "assessments.quizzes.services"),
    ]
    assert file_violations(probe, "courses.probe") == [
        "courses.probe:5 imports assessments.quizzes.services (a higher layer)"
    ]
    assert file_violations(probe, "assessments.quizzes.probe") == []
    assert file_violations(probe, "assessments.models.probe") == [
        "assessments.models.probe:5 imports assessments.quizzes.services "
        "(models may not import quizzes)"
    ]


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("assessments.grading.services", "assessments.quizzes.services", True),
        ("assessments.quizzes.services", "assessments.grading.services", False),
        ("assessments.evaluation.report", "assessments.quizzes.results", True),
        ("assessments.evaluation.report", "assessments.grading.gradebook", False),
        ("assessments.completion.checklists", "assessments.evaluation.report", False),
        ("assessments.models.quizzes", "assessments.quizzes.rules", False),
        ("assessments.apps", "assessments.completion.authoring", True),
    ],
)
def test_the_order_inside_assessments(importer, imported, allowed):
    part, target = assessments_part(importer), assessments_part(imported)
    assert (part == "app" or target in ASSESSMENTS_MAY_IMPORT[part]) is allowed
