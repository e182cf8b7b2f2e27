import type { HostileCase } from './hostile-cases';
import { judge, type Expectation, type ReceivedResponse, type SentRequest } from './judge';
import { pool, send } from './send';

export interface Violation {
  rule: string;
  /** Who generated the request: `schemathesis` or `hostile:<kind>`. */
  source: string;
  note: string;
  request: SentRequest;
  response: ReceivedResponse;
}

const increment = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/** Counts of everything sent and received, and every broken rule. */
export class Tally {
  requests = 0;
  readonly bySource = new Map<string, number>();
  readonly byStatus = new Map<string, number>();
  /** Responses per error code (a response with two codes counts for both); `none` when it had no error. */
  readonly byCode = new Map<string, number>();
  readonly violations: Violation[] = [];

  record(source: string, note: string, request: SentRequest, response: ReceivedResponse, expected?: Expectation): string[] {
    this.requests += 1;
    increment(this.bySource, source);
    increment(this.byStatus, response.status === 0 ? 'no response' : String(response.status));
    const verdict = judge(request, response, expected);
    if (verdict.codes.length === 0) increment(this.byCode, 'none');
    for (const code of verdict.codes) increment(this.byCode, code);
    for (const rule of verdict.violations) this.violations.push({ rule, source, note, request, response });
    return verdict.violations;
  }

  /** Violations grouped by rule, most frequent first. */
  violationsByRule(): [string, Violation[]][] {
    const groups = new Map<string, Violation[]>();
    for (const violation of this.violations) {
      const key = violation.rule.replace(/: ".*$/, '');
      groups.set(key, [...(groups.get(key) ?? []), violation]);
    }
    return [...groups].sort((a, b) => b[1].length - a[1].length);
  }
}

/** The request as judged: bodies as text. */
export function asSent(request: HostileCase): SentRequest {
  const body = request.body === undefined || typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
  return { method: request.method, path: request.path, headers: request.headers, body };
}

/** Sends every case (at most `concurrency` at once) and records each answer. */
export async function fire(baseUrl: string, cases: Iterable<HostileCase>, concurrency: number, tally: Tally): Promise<void> {
  await pool(cases, concurrency, async (item) => {
    const response = await send(baseUrl, item);
    tally.record(`hostile:${item.kind}`, item.note, asSent(item), response, item.expect);
  });
}
