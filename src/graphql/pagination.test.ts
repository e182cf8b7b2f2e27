import { AppError } from '../errors/app-error';
import type { NodeRecord } from '../models/records';
import { decodeCursor, encodeCursor, toConnection } from './pagination';

const entity = (id: string): NodeRecord => ({ label: 'Role', id, name: id, aliases: [], citations: [], inferred: false });

describe('cursors', () => {
  it('round-trip an id', () => {
    expect(decodeCursor(encodeCursor('music-producer'))).toBe('music-producer');
  });

  it.each(['', 'not-base64!', Buffer.from('music-producer').toString('base64url'), Buffer.from('id:').toString('base64url')])(
    'refuse %p with BAD_USER_INPUT',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(AppError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect((error as AppError).extensions.code).toBe('BAD_USER_INPUT');
      }
    },
  );
});

describe('toConnection', () => {
  it('drops the look-ahead item and says another page follows', () => {
    const connection = toConnection({ total: 5, nodes: [entity('a'), entity('b'), entity('c')] }, 2, null);
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('a'),
      endCursor: encodeCursor('b'),
    });
    expect(connection.totalCount).toBe(5);
  });

  it('ends on a short page', () => {
    const connection = toConnection({ total: 5, nodes: [entity('e')] }, 2, 'd');
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
  });

  it('has null cursors on an empty page', () => {
    const connection = toConnection({ total: 0, nodes: [] }, 2, null);
    expect(connection.pageInfo.startCursor).toBeNull();
    expect(connection.pageInfo.endCursor).toBeNull();
  });
});
