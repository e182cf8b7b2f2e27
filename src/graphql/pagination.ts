import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { NodePage } from '../repositories/node.repository';
import type { NodeRecord } from '../models/records';

const PREFIX = 'id:';

/** Cursors are opaque to clients: the base64url of the item's id. */
export function encodeCursor(id: string): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The id inside a cursor; BAD_USER_INPUT when it is not one of ours. */
export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(PREFIX) || decoded.length === PREFIX.length || encodeCursor(decoded.slice(PREFIX.length)) !== cursor) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Argument "after" is not a cursor returned by this API.', { argument: 'after' });
  }
  return decoded.slice(PREFIX.length);
}

export interface Connection {
  edges: { cursor: string; node: NodeRecord }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A Relay connection from a page read with `limit = first + 1` (the extra item tells whether more follow). */
export function toConnection(page: NodePage, first: number, after: string | null): Connection {
  const nodes = page.nodes.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.nodes.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.total,
  };
}
