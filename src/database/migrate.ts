import { createHash, randomUUID } from 'node:crypto';
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
 * The node whose lease lets one process at a time apply migrations: a label of the
 * migrator's own, like :SchemaMigration, whose uniqueness constraint the migrator
 * creates before anything else (the migrations that create the graph's constraints
 * are what the lease guards, and MERGE without one could make two nodes).
 */
const LEASE_STATE = 'migrations';
const LEASE_CONSTRAINT = 'CREATE CONSTRAINT migration_lease_id IF NOT EXISTS FOR (lease:MigrationLease) REQUIRE lease.id IS UNIQUE';
/** How long a lease lasts unless renewed: a process that dies holding one blocks the others this long at most. */
const LEASE_SECONDS = 30;
const LEASE_POLL_MS = 500;

/**
 * Takes the lease if it is free, expired or already this holder's, and extends it.
 * A lease rather than a lock: schema commands and CALL ... IN TRANSACTIONS each need
 * an auto-commit query of their own, so no one transaction can hold a lock across a
 * migration. The node's write lock is taken (SET then REMOVE of a property never
 * kept) before the holder is read: under read-committed isolation a read without it
 * could see the lease free while another process is claiming it, and both would
 * think they hold it. With the lock first, of two processes asking at once one
 * claims it and the other, waiting on the lock, then reads the claim.
 */
const TAKE_LEASE = `
MERGE (lease:MigrationLease {id: $state})
SET lease._LOCK_ = true
REMOVE lease._LOCK_
WITH lease, lease.holder IS NULL OR lease.holder = $holder OR lease.until < datetime() AS free
SET lease.holder = CASE WHEN free THEN $holder ELSE lease.holder END,
    lease.until = CASE WHEN free THEN datetime() + duration({seconds: $seconds}) ELSE lease.until END
RETURN free`;
const DROP_LEASE = `MATCH (lease:MigrationLease {id: $state}) WHERE lease.holder = $holder REMOVE lease.holder, lease.until`;

async function takeLease(driver: Driver, database: string, holder: string): Promise<boolean> {
  const { records } = await driver.executeQuery(TAKE_LEASE, { state: LEASE_STATE, holder, seconds: LEASE_SECONDS }, { database });
  return records[0]?.get('free') === true;
}

/**
 * Applies the migrations not yet recorded in the database, in order, each
 * statement as an auto-commit query (schema commands cannot share a transaction,
 * and a data migration batches its writes with CALL ... IN TRANSACTIONS, which only
 * an auto-commit query may), and records each as a (:SchemaMigration) node.
 * Statements are idempotent (IF NOT EXISTS; data migrations write only what is
 * missing), so a run cut short is safely repeated. A recorded migration
 * whose file has changed since is refused: migrations are never edited after landing.
 *
 * Several processes starting at once on one database (replicas) apply each
 * migration once: a process takes the migrations' lease before reading what is
 * applied and keeps it, renewed, until it has applied the rest; the others wait
 * for it (`onWait` says so) and then find nothing left to do.
 */
export async function migrate(
  driver: Driver,
  database: string,
  {
    migrations = readMigrations(),
    onApply = () => {},
    onWait = () => {},
  }: {
    migrations?: Migration[];
    /** Told before each pending migration runs: a data migration may take a while on a large graph. */
    onApply?: (migration: Migration) => void;
    /** Told once when another process holds the migrations' lease and this one waits for it. */
    onWait?: () => void;
  } = {},
): Promise<Migration[]> {
  // Two processes creating it at once: one succeeds, the other fails or finds it made; either way it exists after a second try.
  await driver.executeQuery(LEASE_CONSTRAINT, {}, { database }).catch(() => driver.executeQuery(LEASE_CONSTRAINT, {}, { database }));
  const holder = randomUUID();
  let told = false;
  while (!(await takeLease(driver, database, holder))) {
    if (!told) onWait();
    told = true;
    await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
  }
  // Renewed while migrations run (a data migration on a large graph can take minutes).
  const renewal = setInterval(() => void takeLease(driver, database, holder).catch(() => undefined), (LEASE_SECONDS * 1000) / 3);
  try {
    return await applyPending(driver, database, migrations, onApply);
  } finally {
    clearInterval(renewal);
    await driver.executeQuery(DROP_LEASE, { state: LEASE_STATE, holder }, { database }).catch(() => undefined);
  }
}

async function applyPending(driver: Driver, database: string, migrations: Migration[], onApply: (migration: Migration) => void): Promise<Migration[]> {
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
