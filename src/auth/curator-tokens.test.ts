import { CuratorTokens, curationTokensSchema } from './curator-tokens';

const alice = 'a'.repeat(40);
const bob = 'b1'.repeat(20);

describe('CURATION_TOKENS', () => {
  it('parses name:token pairs', () => {
    expect(curationTokensSchema.parse(` alice:${alice} , bob:${bob}`)).toEqual([
      { name: 'alice', token: alice },
      { name: 'bob', token: bob },
    ]);
  });

  it.each([
    ['a short token', 'alice:short'],
    ['a missing name', `:${alice}`],
    ['no separator', alice],
    ['a token with a space', `alice:${'a'.repeat(20)} ${'a'.repeat(20)}`],
    ['a repeated name', `alice:${alice},alice:${bob}`],
    ['a repeated token', `alice:${alice},bob:${alice}`],
  ])('refuses %s, without echoing the token', (_case, value) => {
    const parsed = curationTokensSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(alice);
  });
});

describe('CuratorTokens.authenticate', () => {
  const tokens = new CuratorTokens([
    { name: 'alice', token: alice },
    { name: 'bob', token: bob },
  ]);

  it('names the curator whose token is presented', () => {
    expect(tokens.authenticate(`Bearer ${bob}`)).toEqual({ kind: 'curator', curator: { name: 'bob' } });
    expect(tokens.authenticate(`bearer ${alice}`)).toEqual({ kind: 'curator', curator: { name: 'alice' } });
  });

  it('treats a request without the header as anonymous', () => {
    expect(tokens.authenticate(undefined)).toEqual({ kind: 'anonymous' });
  });

  it.each([`Bearer ${alice}x`, `Bearer ${alice.slice(1)}`, `Basic ${alice}`, 'Bearer', `Bearer ${alice} ${bob}`, ''])(
    'refuses %j',
    (header) => {
      expect(tokens.authenticate(header).kind).toBe('invalid');
    },
  );

  it('refuses every token when none is configured', () => {
    expect(new CuratorTokens([]).authenticate(`Bearer ${alice}`).kind).toBe('invalid');
  });
});
