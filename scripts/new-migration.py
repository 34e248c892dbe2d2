#!/usr/bin/env python3
"""Writes a new hand-written migration (ADR 0004) for both providers from the model.

    python3 scripts/new-migration.py Queueing

Builds the app, asks it for the model's CREATE script on each provider (`schema-script`),
subtracts every statement already in that provider's migration scripts, and writes the rest as
Data/Migrations/{Sqlite,Postgres}/NNNN_Name.sql plus the migration classes. It handles new
tables and indexes; a changed existing table is reported and must be altered by hand.
MigrationSchemaTests then proves the result equals the model on both providers."""
import datetime, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
app = os.path.join(root, "OpsConsole")
name = sys.argv[1] if len(sys.argv) > 1 else sys.exit("usage: new-migration.py Name")
if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
    sys.exit("Name must be PascalCase letters and digits")

subprocess.run(["dotnet", "build", app, "-nologo", "-v", "q", "-clp:ErrorsOnly"], check=True)
dll = os.path.join(app, "bin", "Debug", "net10.0", "OpsConsole.dll")
providers = {
    "Sqlite": ["--Database:Provider=Sqlite", "--Database:ConnectionString=Data Source=/tmp/opsconsole-schema.db"],
    "Postgres": ["--Database:Provider=Postgres", "--Database:ConnectionString=Host=127.0.0.1;Database=schema"],
}

def statements(text):
    text = "\n".join(l for l in text.replace("\r\n", "\n").split("\n") if not l.startswith("--"))
    return [s.strip().rstrip(";").strip() for s in text.split(";\n\n") if s.strip().rstrip(";").strip()]

norm = lambda s: re.sub(r"\s+", " ", s).strip()
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d%H%M%S")
failed = False
for provider, args in providers.items():
    folder = os.path.join(app, "Data", "Migrations", provider)
    existing = set()
    numbers = [0]
    for f in sorted(os.listdir(folder)):
        if f.endswith(".sql"):
            numbers.append(int(f.split("_")[0]))
            existing.update(norm(s) for s in statements(open(os.path.join(folder, f), encoding="utf-8").read()))
    out = subprocess.run(["dotnet", dll, "schema-script", *args], cwd=app, check=True, capture_output=True, text=True,
                         env={**os.environ, "ASPNETCORE_ENVIRONMENT": "Development"}).stdout
    new = [s for s in statements(out) if norm(s) not in existing]
    if not new:
        print(f"{provider}: the migrations already match the model; nothing to write")
        continue
    existing_tables = {m.group(1) for s in existing for m in [re.match(r'CREATE TABLE "([^"]+)"', s)] if m}
    changed = [s for s in new if (m := re.match(r'CREATE TABLE "([^"]+)"', s)) and m.group(1) in existing_tables]
    if changed:
        failed = True
        print(f"{provider}: these tables changed and need ALTER statements by hand:")
        for s in changed:
            print("  " + s.split("\n")[0])
        continue
    number = max(numbers) + 1
    sql_name = f"{number:04d}_{name}.sql"
    with open(os.path.join(folder, sql_name), "w", encoding="utf-8") as f:
        f.write(f"-- {name} ({provider}). Written by scripts/new-migration.py; see ADR 0004.\n\n")
        f.write(";\n\n".join(new) + ";\n")
    with open(os.path.join(folder, f"{provider}_{number:04d}_{name}.cs"), "w", encoding="utf-8") as f:
        f.write(f"""using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace OpsConsole.Data.Migrations.{provider};

[DbContext(typeof({provider}OpsDbContext))]
[Migration("{stamp}_{name}")]
public sealed class {name} : Migration
{{
    protected override void Up(MigrationBuilder migrationBuilder) => SqlScript.Apply(migrationBuilder, "{provider}.{sql_name}");
}}
""")
    print(f"{provider}: wrote {sql_name} with {len(new)} statement(s)")
sys.exit(1 if failed else 0)
