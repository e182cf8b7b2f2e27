import { ApiKeys, apiKeysSchema } from './api-keys';

const partner = 'p'.repeat(40);
const explorer = 'e2'.repeat(20);

describe('API_KEYS', () => {
  it('parses name:key pairs', () => {
    expect(apiKeysSchema.parse(` partner:${partner} , explorer:${explorer}`)).toEqual([
      { name: 'partner', key: partner },
      { name: 'explorer', key: explorer },
    ]);
  });

  it.each([
    ['a short key', 'partner:short'],
    ['a missing name', `:${partner}`],
    ['no separator', partner],
    ['a repeated name', `partner:${partner},partner:${explorer}`],
    ['a repeated key', `partner:${partner},explorer:${partner}`],
  ])('refuses %s, without echoing the key', (_case, value) => {
    const parsed = apiKeysSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).not.toContain(partner);
  });
});

describe('ApiKeys.identify', () => {
  const keys = new ApiKeys([
    { name: 'partner', key: partner },
    { name: 'explorer', key: explorer },
  ]);

  it('names the client a configured key was issued to', () => {
    expect(keys.identify(partner)).toEqual({ kind: 'key', name: 'partner' });
    expect(keys.identify(explorer)).toEqual({ kind: 'key', name: 'explorer' });
  });

  it('takes a request without a key for its address', () => {
    expect(keys.identify(undefined)).toEqual({ kind: 'address' });
    expect(keys.identify('')).toEqual({ kind: 'address' });
  });

  it.each([`${partner}x`, partner.slice(1), partner.toUpperCase(), 'made-up-key'])('refuses the unknown key %j', (key) => {
    expect(keys.identify(key).kind).toBe('invalid');
  });

  it('refuses every key when none is configured', () => {
    expect(new ApiKeys([]).identify(partner)).toEqual({ kind: 'invalid', reason: expect.stringContaining('no API keys') });
  });
});
