/**
 * The load's HTTP side: one GraphQL request with its timing and outcome, and the
 * health probe. Never throws: no answer at all is an outcome too (NO_RESPONSE,
 * CLIENT_TIMEOUT), and each is recorded.
 */

export type RequestKind = 'read' | 'write' | 'import';

export interface RequestRecord {
  kind: RequestKind;
  /** The root field asked for: role, skillOverlap, paths, search, upsertSkill, link, importDataset. */
  operation: string;
  /** Milliseconds since the run began (performance.now()). */
  start: number;
  end: number;
  /** HTTP status, or 0 when no response came. */
  status: number;
  /** `extensions.code` of each error; NO_RESPONSE / CLIENT_TIMEOUT / BAD_RESPONSE when there was nothing to read. */
  codes: string[];
  /** A complete answer: HTTP 200, data for the root field, no errors. For a write: acknowledged. */
  ok: boolean;
  /** The first error's message, for the record file. */
  message?: string;
  /** A write answered before the kept neighbours reflected it (`extensions.neighboursPending`). */
  neighboursPending?: true;
}

export interface GraphQLAnswer {
  record: RequestRecord;
  data: Record<string, unknown> | null;
}

export interface Client {
  graphql(kind: RequestKind, operation: string, query: string, variables: Record<string, unknown>, curator?: boolean): Promise<GraphQLAnswer>;
  health(): Promise<{ start: number; end: number; status: number }>;
}

export function createClient(baseUrl: string, token: string, timeoutMs: number): Client {
  return {
    async graphql(kind, operation, query, variables, curator = false) {
      const start = performance.now();
      const finish = (status: number, codes: string[], ok: boolean, data: Record<string, unknown> | null, message?: string, pending = false): GraphQLAnswer => ({
        record: { kind, operation, start, end: performance.now(), status, codes, ok, ...(message ? { message } : {}), ...(pending ? { neighboursPending: true as const } : {}) },
        data,
      });
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(curator ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return finish(0, [isTimeout(error) ? 'CLIENT_TIMEOUT' : 'NO_RESPONSE'], false, null);
      }
      let body: {
        data?: Record<string, unknown> | null;
        errors?: { message?: string; extensions?: { code?: unknown } }[];
        extensions?: { neighboursPending?: unknown };
      };
      try {
        body = (await response.json()) as typeof body;
      } catch (error) {
        return finish(response.status, [isTimeout(error) ? 'CLIENT_TIMEOUT' : 'BAD_RESPONSE'], false, null);
      }
      const codes = (body.errors ?? []).map((error) => String(error.extensions?.code ?? 'NO_CODE'));
      const data = body.data ?? null;
      const ok = response.status === 200 && codes.length === 0 && data !== null && data[operation] !== null && data[operation] !== undefined;
      return finish(response.status, codes, ok, data, body.errors?.[0]?.message?.slice(0, 200), body.extensions?.neighboursPending === true);
    },

    async health() {
      const start = performance.now();
      try {
        const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        return { start, end: performance.now(), status: response.status };
      } catch {
        return { start, end: performance.now(), status: 0 };
      }
    },
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
