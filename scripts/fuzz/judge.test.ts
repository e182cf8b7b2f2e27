import { judge } from './judge';

const request = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: '{"query":"{ role(id: \\"x\\") { id } }"}' };
const limited = JSON.stringify({ errors: [{ message: 'Budget spent; retry in 12 s.', extensions: { code: 'RATE_LIMITED' } }] });
const json = 'application/json; charset=utf-8';

describe('the judge of a spent budget', () => {
  it('accepts a 429 that says RATE_LIMITED and when to retry', () => {
    expect(judge(request, { status: 429, contentType: json, body: limited, retryAfter: '12' }).violations).toEqual([]);
  });

  it('flags a 429 without a Retry-After of seconds', () => {
    expect(judge(request, { status: 429, contentType: json, body: limited }).violations).toEqual(['HTTP 429 without a Retry-After of seconds (none)']);
    expect(judge(request, { status: 429, contentType: json, body: limited, retryAfter: 'soon' }).violations).toHaveLength(1);
  });

  it('accepts a 429 for too many operations of one client at once', () => {
    const busy = JSON.stringify({ errors: [{ message: 'Too many at once.', extensions: { code: 'CONCURRENCY_LIMITED' } }] });
    expect(judge(request, { status: 429, contentType: json, body: busy, retryAfter: '1' }).violations).toEqual([]);
  });

  it('flags a 429 with another code', () => {
    const other = JSON.stringify({ errors: [{ message: 'At capacity.', extensions: { code: 'OVERLOADED' } }] });
    expect(judge(request, { status: 429, contentType: json, body: other, retryAfter: '1' }).violations).toEqual(['HTTP 429 without RATE_LIMITED or CONCURRENCY_LIMITED (codes: OVERLOADED)']);
  });
});
