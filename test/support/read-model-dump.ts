import Database from 'better-sqlite3';

/** Every read-model row (checkpoint timestamps aside), table by table, in a stable order: for comparing rebuilds. */
export function dumpReadModels(projectionsFile: string): Record<string, unknown[]> {
  const db = new Database(projectionsFile, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string }>;
    return Object.fromEntries(
      tables.map(({ name }) => {
        if (name === 'rm_checkpoints')
          return [name, db.prepare(`SELECT projection, position, version FROM ${name} ORDER BY projection`).all()];
        return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()];
      }),
    );
  } finally {
    db.close();
  }
}
