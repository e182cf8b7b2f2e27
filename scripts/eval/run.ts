/**
 * The evaluation of the analytics against ground truth on the real O*NET release.
 *
 *   npm run eval -- [--out DIR] [--seed N] [--bolt-port N]
 *
 * Starts a local Neo4j of its own (.neo4j/eval-data, port 7707 unless --bolt-port, kept between runs: the import
 * skips files loaded before and unchanged), loads the curated graph, O*NET 29.0, ESCO
 * v1.1.1 and O*NET's ESCO crosswalk (from .realdata/, unpacked from
 * ../shared/realdata when absent), serves the API in this process, and asks it what
 * a user would:
 *
 * - similarRoles(role, first: 10) for every O*NET occupation, per metric, scored
 *   against O*NET's Related Occupations (Primary-Short, the headline, and all tiers):
 *   recall@10 and nDCG@10, and the share of occupations with an empty answer;
 * - recommendRoles(skills, first: 10) from each rated occupation's own k most
 *   important skills and knowledge areas (k = 5, 10), and from a noisy profile (30% of
 *   the top 10 dropped, 3 skills the occupation does not rate important added, drawn
 *   with a seeded generator): hit@1, hit@10 and MRR of the occupation itself;
 * - similarRoles(role, first: 10) for every ESCO occupation: the share of the answers
 *   in its own ISCO-08 minor group, and recall@10 of the ESCO occupations the crosswalk
 *   maps to O*NET's Primary-Short related occupations of its own O*NET equivalents;
 * - search(text, first: 10) for every O*NET occupation, with its title, an alternate
 *   title only it has, and its title typed as into an autocomplete (the last word cut
 *   to four letters): hit@1, hit@3 and MRR of the occupation.
 *
 * The ground truth is read from the files by onet-truth.ts, not through the graph.
 * Prints a Markdown table and writes it, with the figures as JSON, to eval/results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { connectDatabase } from '../../src/database/connect-database';
import { startLocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { escoId } from '../../src/import/esco/esco-import';
import { occupationId, elementId } from '../../src/import/onet/onet-import';
import { createLogger } from '../../src/logging/logger';
import { prepareGraph } from '../../src/repositories/prepare-graph';
import { createApp } from '../../src/server/create-app';
import { importRealReleases, onetRelease } from '../support/real-releases';
import { SeededRandom } from '../support/seeded-random';
import { unpackRealData } from '../../test/support/real-data';
import { hitAtK, meanOf, ndcgAtK, recallAtK, reciprocalRank } from './metrics';
import { readEscoTruth } from './esco-truth';
import { readOnetTruth } from './onet-truth';

const root = repoRoot();
const METRICS = ['PROFILE', 'JACCARD', 'WEIGHTED_JACCARD'] as const;
const K = 10;

function option(argv: string[], flag: string, fallback: string): string {
  const index = argv.indexOf(flag);
  return index >= 0 && argv[index + 1] ? (argv[index + 1] as string) : fallback;
}

type Row = Record<string, string | number | null>;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const release = onetRelease();
  const out = path.resolve(root, option(argv, '--out', 'eval/results'));
  const random = new SeededRandom(Number(option(argv, '--seed', '17')));
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const password = 'careers-graph-eval';
  const neo4j = await startLocalNeo4j({ boltPort: Number(option(argv, '--bolt-port', '7707')), dataDir: path.join(root, '.neo4j', 'eval-data'), heap: '1g', pageCache: '512m', password, log });
  const database = connectDatabase({ uri: neo4j.uri, user: 'neo4j', password, database: 'neo4j', queryTimeoutMs: 60_000 });
  try {
    const logger = createLogger('warn');
    await prepareGraph(database, 'neo4j', true, logger);
    await importRealReleases(database, log);
    const app = await createApp(database, logger, { budget: { points: 1_000_000_000, windowSeconds: 60 } });
    const port = await app.listen(0, '127.0.0.1');
    const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    const truth = readOnetTruth(release);
    const present = new Set(
      (await database.driver.executeQuery('MATCH (n:Node) WHERE n.id IN $ids RETURN n.id AS id', { ids: [...truth.occupations.map(occupationId), ...[...new Set([...truth.byImportance.values()].flat())].map(elementId)] })).records.map(
        (record) => String(record.get('id')),
      ),
    );
    const occupations = truth.occupations.filter((code) => present.has(occupationId(code)));
    const started = Date.now();

    // similarRoles against Related Occupations.
    const similar: Row[] = [];
    for (const metric of METRICS) {
      const recallShort: (number | null)[] = [];
      const ndcgShort: (number | null)[] = [];
      const recallAll: (number | null)[] = [];
      let empty = 0;
      for (const code of occupations) {
        const data = await ask<{ similarRoles: { role: { id: string } }[] }>('query ($id: ID!, $metric: SimilarityMetric) { similarRoles(role: $id, first: 10, metric: $metric) { role { id } } }', {
          id: occupationId(code),
          metric,
        });
        const ranked = data.similarRoles.map((match) => match.role.id);
        if (ranked.length === 0) empty += 1;
        const related = truth.related.get(code) ?? [];
        const primaryShort = new Set(related.filter((entry) => entry.tier === 'Primary-Short').map((entry) => occupationId(entry.code)));
        recallShort.push(recallAtK(ranked, primaryShort, K));
        ndcgShort.push(ndcgAtK(ranked, primaryShort, K));
        recallAll.push(recallAtK(ranked, new Set(related.map((entry) => occupationId(entry.code))), K));
      }
      similar.push({
        metric,
        occupations: occupations.length,
        'recall@10 Primary-Short': meanOf(recallShort).mean,
        'nDCG@10 Primary-Short': meanOf(ndcgShort).mean,
        'recall@10 all tiers': meanOf(recallAll).mean,
        'empty answers': empty / occupations.length,
      });
      log(`similarRoles ${metric}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }

    // similarRoles of ESCO occupations: ESCO's own grouping, and O*NET's Related Occupations through the crosswalk.
    const esco = readEscoTruth(path.join(unpackRealData('esco-1.1.1'), 'ESCO dataset - v1.1.1 - classification - en - csv'), unpackRealData('crosswalks/derived/ESCO_to_ONET-SOC.tsv'));
    const groupOf = new Map(esco.occupations.map((occupation) => [escoId(occupation.uri), occupation.iscoGroup]));
    const escoByOnet = new Map<string, string[]>();
    for (const occupation of esco.occupations) {
      for (const onet of esco.onetByEscoCode.get(occupation.code) ?? []) escoByOnet.set(onet, [...(escoByOnet.get(onet) ?? []), escoId(occupation.uri)]);
    }
    const escoSimilar: Row[] = [];
    for (const metric of METRICS) {
      const sameMinor: (number | null)[] = [];
      const recallThrough: (number | null)[] = [];
      let empty = 0;
      for (const occupation of esco.occupations) {
        const id = escoId(occupation.uri);
        if (!groupOf.has(id)) continue;
        const data = await ask<{ similarRoles: { role: { id: string } }[] }>('query ($id: ID!, $metric: SimilarityMetric) { similarRoles(role: $id, first: 10, metric: $metric) { role { id } } }', { id, metric });
        const ranked = data.similarRoles.map((match) => match.role.id);
        if (ranked.length === 0) empty += 1;
        sameMinor.push(ranked.length === 0 ? null : ranked.filter((other) => groupOf.get(other)?.slice(0, 3) === occupation.iscoGroup.slice(0, 3)).length / ranked.length);
        const relatedOnet = new Set(
          (esco.onetByEscoCode.get(occupation.code) ?? []).flatMap((onet) => (truth.related.get(onet) ?? []).filter((entry) => entry.tier === 'Primary-Short').map((entry) => entry.code)),
        );
        const relevant = new Set([...relatedOnet].flatMap((onet) => escoByOnet.get(onet) ?? []).filter((other) => other !== id));
        recallThrough.push(recallAtK(ranked, relevant, K));
      }
      escoSimilar.push({
        metric,
        occupations: sameMinor.length + empty,
        'same ISCO minor group share of the top 10': meanOf(sameMinor).mean,
        'recall@10 through the crosswalk (Primary-Short)': meanOf(recallThrough).mean,
        'with crosswalk ground truth': meanOf(recallThrough).count,
        'empty answers': empty / Math.max(1, sameMinor.length + empty),
      });
      log(`ESCO similarRoles ${metric}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }

    // recommendRoles from an occupation's own profile.
    const recommend: Row[] = [];
    const rated = occupations.filter((code) => (truth.byImportance.get(code) ?? []).length > 0);
    const allElements = [...new Set([...truth.byImportance.values()].flat())].filter((element) => present.has(elementId(element)));
    const profiles: { name: string; skills: (code: string) => string[] }[] = [
      { name: 'top 5', skills: (code) => (truth.byImportance.get(code) ?? []).slice(0, 5) },
      { name: 'top 10', skills: (code) => (truth.byImportance.get(code) ?? []).slice(0, 10) },
      {
        name: 'top 10, noisy (30% dropped, 3 unrelated added)',
        skills: (code) => {
          const own = truth.byImportance.get(code) ?? [];
          const kept = own.slice(0, 10).filter(() => !random.chance(0.3));
          const unrelated = allElements.filter((element) => !own.slice(0, 20).includes(element));
          for (let added = 0; added < 3 && unrelated.length > 0; added += 1) kept.push(unrelated.splice(random.int(unrelated.length), 1)[0] as string);
          return kept;
        },
      },
    ];
    for (const profile of profiles) {
      const hit1: number[] = [];
      const hit10: number[] = [];
      const rr: number[] = [];
      let empty = 0;
      for (const code of rated) {
        const skills = profile.skills(code).map(elementId).filter((id) => present.has(id));
        if (skills.length === 0) continue;
        const data = await ask<{ recommendRoles: { role: { id: string } }[] }>('query ($skills: [ID!]!) { recommendRoles(skills: $skills, first: 10) { role { id } } }', { skills });
        const ranked = data.recommendRoles.map((match) => match.role.id);
        if (ranked.length === 0) empty += 1;
        hit1.push(hitAtK(ranked, occupationId(code), 1));
        hit10.push(hitAtK(ranked, occupationId(code), K));
        rr.push(reciprocalRank(ranked, occupationId(code)));
      }
      recommend.push({
        profile: profile.name,
        occupations: hit1.length,
        'hit@1': meanOf(hit1).mean,
        'hit@10': meanOf(hit10).mean,
        MRR: meanOf(rr).mean,
        'empty answers': empty / Math.max(1, hit1.length),
      });
      log(`recommendRoles ${profile.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    // skillGap against recommendRoles: the fit skillGap(from, to) gives must be the score
    // recommendRoles gives `to` for the skills `from` requires, for every answer.
    const consistency: Row[] = [];
    {
      const sample = rated.filter((_, index) => index % 10 === 0);
      let pairs = 0;
      let agreeing = 0;
      let worst = 0;
      for (const code of sample) {
        const from = occupationId(code);
        const held = await ask<{ role: { skills: { skill: { id: string } }[] } | null }>('query ($id: ID!) { role(id: $id) { skills { skill { id } } } }', { id: from });
        const skills = (held.role?.skills ?? []).map((link) => link.skill.id).slice(0, 100);
        if (skills.length === 0) continue;
        const data = await ask<{ recommendRoles: { role: { id: string }; score: number }[] }>('query ($skills: [ID!]!) { recommendRoles(skills: $skills, first: 5) { role { id } score } }', { skills });
        for (const recommendation of data.recommendRoles) {
          const gap = await ask<{ skillGap: { fit: number } }>('query ($from: ID!, $to: ID!) { skillGap(from: $from, to: $to) { fit } }', { from, to: recommendation.role.id });
          const difference = Math.abs(gap.skillGap.fit - recommendation.score);
          pairs += 1;
          worst = Math.max(worst, difference);
          if (difference <= 1e-9) agreeing += 1;
        }
      }
      consistency.push({ 'from occupations': sample.length, pairs, 'fit equal to the score': agreeing / Math.max(1, pairs), 'largest difference': worst });
      log(`skillGap consistency: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    // careerPath: O*NET's Related Occupations reachable in one move, and pairs a career adviser would recognise.
    const career: Row[] = [];
    const careerExamples: string[] = [];
    {
      const CAREER = `query ($from: ID!, $to: ID!, $maxMoves: Int) { careerPath(from: $from, to: $to, maxMoves: $maxMoves) {
        moves { from { name } to { name } similarity fit fromJobZone toJobZone carriesOver { name } toLearn { skill { name } } } } }`;
      type Moves = { careerPath: { moves: { from: { name: string }; to: { name: string }; similarity: number; fit: number; fromJobZone: number | null; toJobZone: number | null; carriesOver: { name: string }[]; toLearn: { skill: { name: string } }[] }[] } | null };
      for (const tier of ['Primary-Short', 'Primary-Long'] as const) {
        let pairs = 0;
        let oneMove = 0;
        for (const code of occupations) {
          for (const entry of (truth.related.get(code) ?? []).filter((related) => related.tier === tier)) {
            if (!present.has(occupationId(entry.code))) continue;
            pairs += 1;
            const data = await ask<Moves>(CAREER, { from: occupationId(code), to: occupationId(entry.code), maxMoves: 1 });
            if (data.careerPath) oneMove += 1;
          }
        }
        career.push({ tier, pairs, 'reachable in one move': oneMove / Math.max(1, pairs) });
      }
      for (const [from, to] of [
        ['27-4014.00', '27-2012.00'],
        ['29-1141.00', '15-1252.00'],
        ['27-4014.00', '27-2041.00'],
      ] as const) {
        const data = await ask<Moves>(CAREER, { from: occupationId(from), to: occupationId(to), maxMoves: 4 });
        const moves = data.careerPath?.moves;
        careerExamples.push(
          moves
            ? `- ${from} → ${to}: ${moves.length} move(s)\n${moves
                .map((move) => `  - ${move.from.name} → ${move.to.name} (similarity ${move.similarity.toFixed(2)}, fit ${move.fit.toFixed(2)}, job zone ${move.fromJobZone ?? '?'}→${move.toJobZone ?? '?'}); carries over ${move.carriesOver.map((skill) => skill.name).join(', ') || 'nothing uncommon'}; to learn ${move.toLearn.map((entry) => entry.skill.name).join(', ') || 'nothing uncommon'}`)
                .join('\n')}`
            : `- ${from} → ${to}: no path of at most 4 moves with the default bounds`,
        );
      }
      log(`careerPath: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    // search: an occupation from what a person types for it.
    const searched: Row[] = [];
    const typed = (title: string | undefined) => {
      const words = title?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const last = words.pop();
      return last && last.length > 4 ? [...words, last.slice(0, 4)].join(' ') : null;
    };
    const probes: { name: string; text: (code: string) => string | null }[] = [
      { name: 'its title', text: (code) => truth.titles.get(code) ?? null },
      { name: 'an alternate title only it has', text: (code) => truth.ownAlternate.get(code) ?? null },
      { name: 'its title typed, the last word cut to 4 letters', text: (code) => typed(truth.titles.get(code)) },
    ];
    for (const probe of probes) {
      const hit1: number[] = [];
      const hit3: number[] = [];
      const rr: number[] = [];
      for (const code of occupations) {
        const text = probe.text(code);
        if (!text) continue;
        const data = await ask<{ search: { node: { id: string } }[] }>('query ($text: String!) { search(text: $text, first: 10) { node { id } } }', { text });
        const ranked = data.search.map((hit) => hit.node.id);
        hit1.push(hitAtK(ranked, occupationId(code), 1));
        hit3.push(hitAtK(ranked, occupationId(code), 3));
        rr.push(reciprocalRank(ranked, occupationId(code)));
      }
      searched.push({ 'search text': probe.name, occupations: hit1.length, 'hit@1': meanOf(hit1).mean, 'hit@3': meanOf(hit3).mean, MRR: meanOf(rr).mean });
      log(`search ${probe.name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await app.stop();

    const table = (rows: Row[]) => {
      const columns = Object.keys(rows[0] ?? {});
      const cell = (value: string | number | null) => (typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(3) : String(value ?? '—'));
      return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${columns.map((column) => cell(row[column] ?? null)).join(' | ')} |`)].join('\n');
    };
    const report = [
      `# Evaluation on O*NET 29.0`,
      '',
      `\`npm run eval\` (scripts/eval/run.ts), seed ${option(argv, '--seed', '17')}. Ground truth: O*NET's Related Occupations and each occupation's own skill and knowledge ratings, read from the release's files.`,
      '',
      '## similarRoles (first: 10) against Related Occupations',
      '',
      table(similar),
      '',
      "## recommendRoles (first: 10): the occupation itself, from its own most important skills and knowledge",
      '',
      table(recommend),
      '',
      "## similarRoles (first: 10) of ESCO v1.1.1's occupations: ESCO's own ISCO grouping, and O*NET's Related Occupations through O*NET's ESCO crosswalk",
      '',
      'The relevant occupations of an ESCO occupation: the other ESCO occupations the crosswalk maps to an O*NET occupation in the Primary-Short list of one of its own O*NET occupations.',
      '',
      table(escoSimilar),
      '',
      "## skillGap against recommendRoles: the fit of skillGap(from, to) against the score recommendRoles(from's skills) gives `to`",
      '',
      'Every tenth rated occupation as `from`, each of its top 5 recommendations as `to`.',
      '',
      table(consistency),
      '',
      "## careerPath (default bounds): O*NET's Related Occupations reachable in one move, and some pairs",
      '',
      table(career),
      '',
      ...careerExamples,
      '',
      '## search (first: 10): an O*NET occupation from what a person types for it',
      '',
      "Over the whole graph (O*NET, ESCO, the curated roles), so an ESCO occupation named as the text, or another node with it as an alias, may rightly come first. The alternate title is each occupation's first in Alternate Titles.txt that no other occupation lists.",
      '',
      table(searched),
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'onet-29.0.md'), report);
    fs.writeFileSync(path.join(out, 'onet-29.0.json'), `${JSON.stringify({ similar, recommend, escoSimilar, consistency, career, search: searched }, null, 2)}\n`);
  } finally {
    await database.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
