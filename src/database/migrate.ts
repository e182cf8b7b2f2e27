import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { repoRoot } from '../config/repo-root';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
  checksum: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.cypher$/;

/**
 * Reads cypher/migrations/NNN_name.cypher in version order. A file may hold
 * several statements, each ending with `;` at the end of a line.
 */
export function readMigrations(dir = path.join(repoRoot(), 'cypher', 'migrations')): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`migration file "${file}" must be named NNN_lower_snake_case.cypher`);
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const statements = text
        .split(/;\s*$/m)
        .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
        .filter((statement) => statement.length > 0);
      return {
        version: Number(match[1]),
        name: match[2] as string,
        statements,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migrations must be numbered 001, 002, ... without gaps; found ${migration.version}`);
  });
  return migrations;
}

/**
 * Applies the migrations not yet recorded in the database, in order, each
 * statement as an auto-commit query (schema commands cannot share a transaction,
 * and a data migration batches its writes with CALL ... IN TRANSACTIONS, which only
 * an auto-commit query may), and records each as a (:SchemaMigration) node.
 * Statements are idempotent (IF NOT EXISTS; data migrations write only what is
 * missing), so a run cut short is safely repeated. A recorded migration
 * whose file has changed since is refused: migrations are never edited after landing.
 */
export async function migrate(
  driver: Driver,
  database: string,
  {
    migrations = readMigrations(),
    onApply = () => {},
  }: {
    migrations?: Migration[];
    /** Told before each pending migration runs: a data migration may take a while on a large graph. */
    onApply?: (migration: Migration) => void;
  } = {},
): Promise<Migration[]> {
  const { records } = await driver.executeQuery(
    'MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum',
    {},
    { database },
  );
  const applied = new Map(records.map((record) => [Number(record.get('version')), String(record.get('checksum'))]));
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum === undefined) pending.push(migration);
    else if (checksum !== migration.checksum) {
      throw new Error(`migration ${migration.version} (${migration.name}) was edited after it was applied; add a new migration instead`);
    }
  }
  for (const migration of pending) {
    onApply(migration);
    await runStatements(driver, database, migration);
    await driver.executeQuery(
      'MERGE (m:SchemaMigration {version: $version}) SET m.name = $name, m.checksum = $checksum, m.appliedAt = datetime()',
      { version: migration.version, name: migration.name, checksum: migration.checksum },
      { database },
    );
  }
  await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
  return pending;
}

/** Runs a migration's statements, each as an auto-commit query, without recording it. */
export async function runStatements(driver: Driver, database: string, migration: Migration): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of migration.statements) await session.run(statement);
  } finally {
    await session.close();
  }
}
