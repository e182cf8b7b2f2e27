import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';

// The service starts the same way from `npm start` and from the container image, V8
// flags included: both generations are bounded there (see docs/operations.md for what
// that does to the API's memory under load; the neighbour rebuild, which needs more,
// runs in a child process with its own limit). npm runs the script with
// `sh -c`; `exec` replaces that shell with node, so npm's child is the service itself
// and the SIGTERM and SIGINT npm forwards reach it (a shell would die and leave it running).
describe('the start command', () => {
  const script = (JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const start = script.replace(/^exec /, '');

  it('execs node, with no shell left between npm and the service', () => {
    expect(script).toMatch(/^exec node /);
  });
  const dockerfile = fs.readFileSync(path.join(repoRoot(), 'Dockerfile'), 'utf8');

  it('is the same in package.json and in the Dockerfile', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd ?? '[]')).toEqual(start.trim().split(/\s+/));
  });

  it('runs the compiled service with a bounded young generation and a capped old one', () => {
    expect(start).toMatch(/^node .*--max-semi-space-size=\d+ .*dist\/main\.js$/);
    expect(start).toMatch(/ --max-old-space-size=\d+ /);
  });
});
