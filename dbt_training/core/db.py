"""Database statements the ORM cannot express."""

from django.db import connections, router


def upsert(obj, *, unique: tuple[str, ...], update: tuple[str, ...], only_if: dict):
    """Insert `obj`'s row or, when a row with the same `unique` fields exists (their unique
    constraint), set that row's `update` fields to `obj`'s, only where each `only_if` field holds
    one of the listed values (None: NULL). One statement, INSERT … ON CONFLICT … DO UPDATE …
    WHERE … RETURNING, on PostgreSQL and SQLite alike: Django's `bulk_create(update_conflicts=
    True)` without the condition it cannot express. The conflicting row is locked and the
    condition read on its latest version, so it serialises with `select_for_update` writers.
    Returns the row as stored, or None when the existing row did not meet the condition."""
    model = type(obj)
    meta = model._meta
    using = router.db_for_write(model, instance=obj)
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    fields = [f for f in meta.local_concrete_fields if not f.primary_key]
    params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    conditions = []
    for name, allowed in only_if.items():
        field = meta.get_field(name)
        column = f"{table}.{quote(field.column)}"
        values = [v for v in allowed if v is not None]
        either = [f"{column} IS NULL"] if None in allowed else []
        if values:
            either.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
            params += [field.get_db_prep_value(v, connection) for v in values]
        conditions.append(f"({' OR '.join(either)})")
    columns = ", ".join(quote(f.column) for f in fields)
    sets = ", ".join(
        f"{quote(meta.get_field(n).column)} = EXCLUDED.{quote(meta.get_field(n).column)}"
        for n in update
    )
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({', '.join(quote(meta.get_field(n).column) for n in unique)}) "
        f"DO UPDATE SET {sets} WHERE {' AND '.join(conditions) or 'TRUE'} "
        f"RETURNING {', '.join(quote(f.column) for f in meta.local_concrete_fields)}"
    )
    return next(iter(model._default_manager.db_manager(using).raw(sql, params)), None)
