import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isScalarType, specifiedScalarTypes, type GraphQLSchema } from 'graphql';
import type { ReceivedResponse, SentRequest } from './judge';

/** Where the pinned Schemathesis is installed, relative to the repository. */
export const VENV_DIR = '.venv-fuzz';
const REQUIREMENTS = path.join('scripts', 'fuzz', 'requirements.txt');
const HOOKS = path.join('scripts', 'fuzz', 'schemathesis_hooks.py');

/** Custom scalars Schemathesis generates values for by itself. */
const BUILT_IN_SCALARS = new Set(['Date', 'Time', 'DateTime', 'UUID', 'IP', 'IPv4', 'IPv6', 'BigInt', 'Long']);

function pinnedVersion(root: string): string {
  const line = fs
    .readFileSync(path.join(root, REQUIREMENTS), 'utf8')
    .split('\n')
    .find((item) => item.startsWith('schemathesis=='));
  if (!line) throw new Error(`${REQUIREMENTS} pins no schemathesis version`);
  return (line.split('==')[1] ?? '').trim();
}

/**
 * The Schemathesis executable of the project's virtualenv, installing the pinned
 * version from PyPI (with python3's venv and pip) when it is missing or another.
 */
export function ensureSchemathesis(root: string, say: (line: string) => void): { bin: string; version: string } {
  const version = pinnedVersion(root);
  const bin = path.join(root, VENV_DIR, 'bin', 'schemathesis');
  const installed = fs.existsSync(bin) ? spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout : '';
  if (installed.includes(version)) return { bin, version };
  say(`installing Schemathesis ${version} into ${VENV_DIR}/ (python3 -m venv, pip install -r ${REQUIREMENTS})`);
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', VENV_DIR]],
    [path.join(VENV_DIR, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  return { bin, version };
}

/** Custom scalars of the schema that Schemathesis needs the hooks file for. */
export function unknownScalars(schema: GraphQLSchema): string[] {
  const standard = new Set(specifiedScalarTypes.map((type) => type.name));
  return Object.values(schema.getTypeMap())
    .filter((type) => isScalarType(type) && !standard.has(type.name) && !BUILT_IN_SCALARS.has(type.name))
    .map((type) => type.name)
    .sort();
}

export interface SchemathesisRun {
  exitCode: number | null;
  /** Its console output, in full. */
  output: string;
  /** Every request it sent, with the response, from its HAR report. */
  exchanges: { request: SentRequest; response: ReceivedResponse }[];
  /** Its own JSON report: test cases, failures by its codes, errors. */
  report: {
    test_cases?: { generated?: number };
    operations?: { total?: number; tested?: number; errored?: number };
    failures?: { code: string; title: string; count: number }[];
    errors?: unknown[];
  };
}

interface HarEntry {
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { text?: string } };
  response: { status: number; content: { mimeType?: string; text?: string } };
}

/**
 * Runs Schemathesis in its GraphQL mode: every Query and Mutation field is an
 * operation, fuzzed with up to `maxExamples` generated documents. The schema is
 * given as SDL (read from the live service beforehand). Its HAR report holds each
 * request and response, which the caller judges with its own checks.
 */
export async function runSchemathesis(options: {
  root: string;
  bin: string;
  sdlFile: string;
  graphqlUrl: string;
  maxExamples: number;
  seed: number;
  workDir: string;
  customScalars: string[];
}): Promise<SchemathesisRun> {
  const har = path.join(options.workDir, 'schemathesis.har.json');
  const json = path.join(options.workDir, 'schemathesis.report.json');
  const args = [
    'run',
    options.sdlFile,
    '--url',
    options.graphqlUrl,
    '--max-examples',
    String(options.maxExamples),
    '--seed',
    String(options.seed),
    '--checks',
    'not_a_server_error',
    '--continue-on-failure',
    '--no-shrink',
    '--generation-database',
    'none',
    '--workers',
    '2',
    '--request-timeout',
    '30',
    '--report',
    'har,json',
    '--report-har-path',
    har,
    '--report-json-path',
    json,
    '--no-color',
  ];
  const output: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(options.bin, args, {
      // Its working folder gets Hypothesis's cache: keep that out of the repository.
      cwd: options.workDir,
      env: { ...process.env, SCHEMATHESIS_HOOKS: path.join(options.root, HOOKS), FUZZ_CUSTOM_SCALARS: options.customScalars.join(',') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const text = output.join('');
  fs.writeFileSync(path.join(options.workDir, 'schemathesis.log'), text);
  if (!fs.existsSync(har)) throw new Error(`Schemathesis wrote no report (exit ${exitCode}):\n${text.slice(-3_000)}`);
  const entries = (JSON.parse(fs.readFileSync(har, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
  const exchanges = entries.map((entry) => {
    const url = new URL(entry.request.url);
    return {
      request: {
        method: entry.request.method,
        path: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(entry.request.headers.map((header) => [header.name.toLowerCase(), header.value])),
        body: entry.request.postData?.text,
      },
      response: {
        status: entry.response.status,
        contentType: entry.response.content.mimeType ?? '',
        body: entry.response.content.text ?? '',
      },
    };
  });
  const report = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as SchemathesisRun['report']) : {};
  return { exitCode, output: text, exchanges, report };
}
