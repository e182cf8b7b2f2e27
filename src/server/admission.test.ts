import { parse, type OperationDefinitionNode } from 'graphql';
import { AppError } from '../errors/app-error';
import { Admission, HEAVY_COST, isHeavy, rootFields } from './admission';

const options = { maxInFlight: 3, maxQueued: 2, maxHeavyInFlight: 1, maxPerClient: 4, maxHeavyStatements: 1 };

/** Whether a promise has settled, after the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
  return state;
}

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected a refusal');
}

function operationOf(source: string): { document: ReturnType<typeof parse>; operation: OperationDefinitionNode } {
  const document = parse(source);
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  return { document, operation };
}

describe('Admission', () => {
  it('runs up to maxInFlight at once, queues up to maxQueued, and refuses the next with OVERLOADED and Retry-After', async () => {
    const admission = new Admission(options);
    const running = ['a', 'b', 'c'].map((client) => admission.admit(client, false));
    for (const place of running) expect(await settled(place.ready)).toBe('resolved');
    const queued = ['d', 'e'].map((client) => admission.admit(client, false));
    for (const place of queued) expect(await settled(place.ready)).toBe('pending');
    expect(admission.running).toBe(3);
    expect(admission.waiting).toBe(2);

    const refused = admission.admit('f', false);
    const refusal = await refusalOf(refused.ready);
    expect(refusal.code).toBe('OVERLOADED');
    expect(refusal.extensions).toMatchObject({ retryAfterSeconds: 1, http: { status: 503 } });
    expect(admission.refusals).toEqual({ client: 0, overloaded: 1 });

    // A slot given back goes to the first in the queue, in order.
    running[0]?.leave();
    expect(await settled(queued[0]!.ready)).toBe('resolved');
    expect(await settled(queued[1]!.ready)).toBe('pending');
    running[1]?.leave();
    expect(await settled(queued[1]!.ready)).toBe('resolved');
    expect(admission.running).toBe(3);
    expect(admission.waiting).toBe(0);
  });

  it('caps one client, running and waiting together, with CONCURRENCY_LIMITED, while others still get in', async () => {
    const admission = new Admission({ ...options, maxPerClient: 2 });
    const first = admission.admit('greedy', false);
    const second = admission.admit('greedy', false);
    const third = admission.admit('greedy', false);
    const refusal = await refusalOf(third.ready);
    expect(refusal.code).toBe('CONCURRENCY_LIMITED');
    expect(refusal.extensions).toMatchObject({ retryAfterSeconds: 1, limit: 2, http: { status: 429 } });
    expect(await settled(admission.admit('polite', false).ready)).toBe('resolved');
    expect(admission.refusals).toEqual({ client: 1, overloaded: 0 });

    // Leaving twice frees one place, not two.
    first.leave();
    first.leave();
    expect(await settled(admission.admit('greedy', false).ready)).toBe('resolved');
    expect(await settled(admission.admit('greedy', false).ready)).toBe('rejected');
    second.leave();
  });

  it('lets heavy operations hold at most maxHeavyInFlight slots, so cheap ones still run beside them', async () => {
    const admission = new Admission(options);
    const heavy = [admission.admit('a', true), admission.admit('b', true)];
    expect(await settled(heavy[0]!.ready)).toBe('resolved');
    expect(await settled(heavy[1]!.ready)).toBe('pending');
    const cheap = [admission.admit('c', false), admission.admit('d', false)];
    for (const place of cheap) expect(await settled(place.ready)).toBe('resolved');
    expect(admission.running).toBe(3);
    heavy[0]?.leave();
    expect(await settled(heavy[1]!.ready)).toBe('resolved');
  });

  it('hands a slot back at once when the operation was given up while waiting', async () => {
    const admission = new Admission({ ...options, maxInFlight: 1, maxQueued: 10 });
    const running = admission.admit('a', false);
    const waiting = admission.admit('b', false);
    expect(await settled(waiting.ready)).toBe('pending');
    waiting.leave();
    running.leave();
    await settled(waiting.ready);
    expect(admission.running).toBe(0);
    // The slot is free for the next one, and client b has no place left behind.
    expect(await settled(admission.admit('c', false).ready)).toBe('resolved');
    const again = Array.from({ length: 4 }, () => admission.admit('b', false));
    expect(await refusalOf(admission.admit('b', false).ready)).toMatchObject({ code: 'CONCURRENCY_LIMITED' });
    for (const place of again) place.leave();
  });
});

describe('Admission.forRequest', () => {
  it('holds the statements of heavy operations to maxHeavyStatements at once, and lets a light one’s through', async () => {
    const admission = new Admission({ ...options, maxInFlight: 8, maxHeavyInFlight: 2, maxHeavyStatements: 1 });
    const heavy = [admission.forRequest('a'), admission.forRequest('b')];
    const light = admission.forRequest('c');
    for (const request of heavy) await request.admit(true).ready;
    await light.admit(false).ready;

    const running: string[] = [];
    const finish = new Map<string, () => void>();
    const statement = (name: string) => () =>
      new Promise<string>((resolve) => {
        running.push(name);
        finish.set(name, () => resolve(name));
      });
    const first = heavy[0]!.gate(statement('heavy-1'));
    const second = heavy[1]!.gate(statement('heavy-2'));
    const cheap = light.gate(statement('light'));
    await settled(Promise.resolve());
    expect([...running].sort()).toEqual(['heavy-1', 'light']);
    finish.get('heavy-1')?.();
    expect(await first).toBe('heavy-1');
    await settled(Promise.resolve());
    expect([...running].sort()).toEqual(['heavy-1', 'heavy-2', 'light']);
    finish.get('heavy-2')?.();
    finish.get('light')?.();
    expect(await Promise.all([second, cheap])).toEqual(['heavy-2', 'light']);
  });
});

describe('isHeavy', () => {
  it('finds the root fields through inline fragments and fragment spreads', () => {
    const { document, operation } = operationOf(`
      query Q { role(id: "x") { id } ... on Query { skills(first: 1) { totalCount } } ...More }
      fragment More on Query { paths(from: "a", to: "b") { length } ...More }
    `);
    expect([...rootFields(document, operation)].sort()).toEqual(['paths', 'role', 'skills']);
    expect(isHeavy(document, operation, 10)).toBe(true);
  });

  it('counts a cheap lookup as light, and any operation at HEAVY_COST or more as heavy', () => {
    const { document, operation } = operationOf('{ role(id: "x") { id skills { skill { id } } } }');
    expect(isHeavy(document, operation, HEAVY_COST - 1)).toBe(false);
    expect(isHeavy(document, operation, HEAVY_COST)).toBe(true);
  });
});
