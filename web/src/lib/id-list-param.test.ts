import { readIdList, withIdList } from './id-list-param';

describe('readIdList', () => {
  it('reads comma-separated ids in order, trimming blanks and repeats', () => {
    const params = new URLSearchParams('roles=music-producer, sound-engineer,,music-producer');
    expect(readIdList(params, 'roles')).toEqual(['music-producer', 'sound-engineer']);
  });

  it('keeps at most `max` ids and reads a missing parameter as none', () => {
    expect(readIdList(new URLSearchParams('roles=a,b,c,d,e'), 'roles', 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(readIdList(new URLSearchParams(''), 'roles')).toEqual([]);
  });
});

describe('withIdList', () => {
  it('sets the list and keeps the other parameters', () => {
    const next = withIdList(new URLSearchParams('dimension=TOOLS'), 'roles', ['a', 'b']);
    expect(next.toString()).toBe('dimension=TOOLS&roles=a%2Cb');
    expect(readIdList(next, 'roles')).toEqual(['a', 'b']);
  });

  it('removes the parameter for an empty list', () => {
    expect(withIdList(new URLSearchParams('roles=a'), 'roles', []).toString()).toBe('');
  });
});
