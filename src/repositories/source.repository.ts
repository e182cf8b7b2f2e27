import type { CypherRunner } from '../database/database';
import type { SourceRecord } from '../models/records';

/** Source documents. */
export class SourceRepository {
  constructor(private readonly run: CypherRunner) {}

  async all(): Promise<SourceRecord[]> {
    const rows = await this.run.read('sources-all', {});
    return rows.map((row) => row.source as SourceRecord);
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, SourceRecord>> {
    const rows = await this.run.read('sources-by-ids', { ids });
    return new Map(rows.map((row) => [(row.source as SourceRecord).id, row.source as SourceRecord]));
  }
}
