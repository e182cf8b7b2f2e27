import type { Locator, Page } from 'playwright-core';
import { RELATIONS, type RelationType } from '../../src/models/relations';
import { launchBrowser, screenshot, type Browser } from './browser';
import { e2eBaseUrl } from './e2e-environment';
import { graphql } from './graphql';

/**
 * The explorer in Chromium against the running service and the curated graph. Each
 * test does what a reader would (search, open, compare, recommend, find a path) and
 * checks the page against what the API answers for the same question.
 */

let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  ({ page, problems } = await browser.open());
});

afterEach(async () => {
  await page.close();
  // No CSP violation, script error or failed request on any view.
  expect(problems).toEqual([]);
});

const url = (path: string) => `${e2eBaseUrl()}${path}`;
// page.evaluate takes expressions as strings here: this code is type-checked without the DOM's types.
const texts = async (locator: Locator) => (await locator.allTextContents()).map((text) => text.trim());
const names = (items: { name: string }[]) => items.map((item) => item.name);

/**
 * Wording meant for the code, not for readers: formulas' symbols and names, "hops",
 * and documents' ids (e.g. 000_3acbafd368b5d407) where their titles belong. A
 * formula may show once asked for, in a closed <details>, which innerText leaves out.
 */
const JARGON = /Jaccard|Σ|idf|\bhops?\b|\b\d{3}_[0-9a-f]{16}\b|careers-graph-role-mapping/;
const visibleText = async () => String(await page.evaluate('document.body.innerText'));

/**
 * Waits until the texts of `locator` equal `expected`, then asserts them (with Jest's
 * diff when they never do). The page updates after the address changes and its query
 * answers; playwright-core has no retrying assertions (those come with Playwright's own
 * test runner, and Jest runs these tests), so this is the one place that waits for them.
 */
async function expectTexts(locator: Locator, expected: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await texts(locator);
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await texts(locator);
  }
  expect(actual).toEqual(expected);
}

/** Types into the combobox labelled `label` and picks the option named `option` with the keyboard. */
async function choose(label: string, typed: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).waitFor();
  const options = await texts(page.getByRole('option'));
  const index = options.findIndex((text) => text.startsWith(option));
  for (let step = 0; step <= index; step++) await box.press('ArrowDown');
  await box.press('Enter');
}

describe('serving', () => {
  it('serves every view at its own address with a CSP that allows no other origin, and keeps the API 404', async () => {
    for (const path of ['/', '/roles/music-producer', '/nodes/mixing', '/compare', '/recommend', '/path']) {
      const response = await fetch(url(path));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toMatch(/https?:/);
    }
    const nowhere = await fetch(url('/nowhere'));
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
  });

  it('shows its own not-found view, with a 404, at any address a browser opens that it does not know', async () => {
    for (const path of ['/nowhere', '/roles', '/roles/', '/roles/music-producer/skills', '/nodes', '/assets/nothing-here', '/index.html']) {
      const response = await page.goto(url(path));
      expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      await expectTexts(page.getByRole('heading', { level: 1 }), ['Page not found']);
      await page.getByTestId('not-found').getByRole('link', { name: 'Search the graph' }).waitFor();
    }
    // Chromium reports each 404 document on the console; those are the ones asked for.
    problems.splice(0, problems.length, ...problems.filter((problem) => !/status of 404/.test(problem)));
    // An id that names nothing is the same view, from the page itself.
    await page.goto(url('/roles/does-not-exist'));
    await expectTexts(page.getByTestId('not-found').getByRole('heading', { level: 1 }), ['No such role']);
    await page.goto(url('/nodes/does-not-exist'));
    await expectTexts(page.getByTestId('not-found').getByRole('heading', { level: 1 }), ['Nothing with this id']);
    // A client-side route the explorer does not know, without a request to the server.
    await page.goto(url('/'));
    await page.evaluate("history.pushState({ key: 'x', idx: 1 }, '', '/nowhere/else'); dispatchEvent(new PopStateEvent('popstate'))");
    await expectTexts(page.getByRole('heading', { level: 1 }), ['Page not found']);
  });
});

describe('search', () => {
  it('suggests what the API finds as one types, and opens the choice with the keyboard', async () => {
    const { search } = await graphql<{ search: { name: string; node: { id: string } }[] }>(
      'query ($text: String!) { search(text: $text, first: 8, kinds: [ROLE, SKILL, SETTING, TOOL]) { name node { id } } }',
      { text: 'mix' },
    );
    expect(search.length).toBeGreaterThan(0);
    await page.goto(url('/'));
    // The documents are named by their titles.
    const { sources } = await graphql<{ sources: { title: string }[] }>('{ sources { title } }');
    await page.getByText(sources[0]!.title).first().waitFor();
    expect(await visibleText()).not.toMatch(JARGON);
    const box = page.getByRole('combobox', { name: 'Search roles, skills, settings and tools' });
    await box.fill('mix');
    await page.getByRole('option').first().waitFor();
    expect((await texts(page.getByRole('option'))).map((text) => text.replace(/\s*(Role|Skill|Setting|Tool)$/, ''))).toEqual(names(search));
    await screenshot(page, 'search');
    const first = search[0]!;
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/(roles|nodes)\//);
    expect(page.url()).toContain(first.node.id);
    // The new page's heading names what was chosen, and screen readers hear it.
    await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
    await expectTexts(page.getByTestId('page-announcement'), [first.name]);
  });

  it('never lists the hits of an earlier term while the answer for the current one loads', async () => {
    const ask = (text: string) =>
      graphql<{ search: { name: string }[] }>('query ($text: String!) { search(text: $text, first: 8, kinds: [ROLE, SKILL, SETTING, TOOL]) { name } }', { text });
    const [earlier, current] = [(await ask('music')).search, (await ask('music prod')).search];
    expect(names(current)).not.toEqual(names(earlier));
    // The answer for "music prod" is held back, as a slow network would.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { variables?: { text?: string } } | null;
      if (body?.variables?.text === 'music prod') await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue().catch(() => undefined);
    });
    await page.goto(url('/'));
    const box = page.getByRole('combobox', { name: 'Search roles, skills, settings and tools' });
    await box.fill('music');
    const options = page.getByRole('option');
    const hitNames = async () => (await texts(options)).map((text) => text.replace(/\s*(Role|Skill|Setting|Tool)$/, ''));
    await options.first().waitFor();
    expect(await hitNames()).toEqual(names(earlier));

    await box.fill('music prod');
    // During the debounce and while the request is out: no hit of "music", a loading note instead.
    const deadline = Date.now() + 1_000;
    while (Date.now() < deadline) {
      expect(await hitNames()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expectTexts(page.locator('.search-note'), ['Searching…']);
    const until = Date.now() + 10_000;
    while (JSON.stringify(await hitNames()) !== JSON.stringify(names(current)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await hitNames()).toEqual(names(current));
    await page.unroute('**/graphql');
  });
});

describe('focus', () => {
  const activeText = () => page.evaluate('document.activeElement?.textContent?.trim()');
  /** After a move, focus reaches the top of the document (the app's wrapper) once the view has rendered: wait for it rather than race it. */
  const focusAtTop = () => page.waitForFunction('document.activeElement?.getAttribute("data-testid") === "app"');

  it('lands the first Tab on the skip link, on the first load and after each move to another view', async () => {
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await activeText()).toBe('Skip to content');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Compare' }).click();
    await page.waitForURL(/\/compare$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await focusAtTop();
    await page.keyboard.press('Tab');
    expect(await activeText()).toBe('Skip to content');

    // With the keyboard too: follow a link with Enter, then Tab.
    await page.goto(url('/roles/music-producer'));
    await page.getByRole('link', { name: 'How to become one' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/path\?to=music-producer$/);
    await expectTexts(page.getByRole('heading', { level: 1 }), ['From one role to another']);
    await focusAtTop();
    await page.keyboard.press('Tab');
    expect(await activeText()).toBe('Skip to content');
    await expectTexts(page.getByTestId('page-announcement'), ['From one role to another']);
  });

  it('leaves focus in the field when a view only updates its own address', async () => {
    await page.goto(url('/recommend'));
    await choose('Add a skill', 'mixing', 'Mixing');
    await page.waitForURL(/skills=mixing$/);
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('combobox');
  });
});

describe('role page', () => {
  const roleQuery = `query ($id: ID!) { role(id: $id) { name
    skills { skill { id name category } sources { quote } }
    salaries { median low high } } }`;
  type Role = {
    name: string;
    skills: { skill: { id: string; name: string; category: string }; sources: { quote: string | null }[] }[];
    salaries: unknown[];
  };

  it('shows the skills by category, every salary figure side by side, and a fact’s source on demand', async () => {
    const { role } = await graphql<{ role: Role }>(roleQuery, { id: 'music-producer' });
    await page.goto(url('/'));
    await choose('Search roles, skills, settings and tools', 'music prod', role.name);
    await page.waitForURL(/\/roles\/music-producer$/);
    await expectTexts(page.getByRole('heading', { level: 1 }), [role.name]);

    const skillsSection = page.getByRole('region', { name: /^Skills/ });
    for (const category of new Set(role.skills.map((link) => link.skill.category))) {
      const group = skillsSection.locator('.skill-group', { has: page.getByRole('heading', { name: category, exact: true }) });
      const expected = role.skills.filter((link) => link.skill.category === category).map((link) => link.skill.name);
      await expectTexts(group.locator('li > a'), expected);
    }
    expect(await page.getByTestId('salary-figure').count()).toBe(role.salaries.length);
    await expect(page.getByTestId('conflict-note').isVisible()).resolves.toBe(role.salaries.length > 1);

    const mixing = role.skills.find((link) => link.skill.id === 'mixing')!;
    const quote = mixing.sources.find((citation) => citation.quote)!.quote!;
    await skillsSection.getByText(`Sources for ${role.name} requires Mixing`).click();
    await page.getByText(quote, { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'Documents cited' }).waitFor();
    expect(await visibleText()).not.toMatch(JARGON);
    await screenshot(page, 'role');
  });

  it('reads at 390 px wide without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(url('/roles/sound-engineer'));
    await page.getByTestId('salary-figure').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'role-390');
  });

  it('says so when the role does not exist', async () => {
    await page.goto(url('/roles/no-such-role'));
    await expectTexts(page.getByRole('heading', { level: 1 }), ['No such role']);
    await page.getByTestId('not-found').getByRole('link', { name: 'Search the graph' }).waitFor();
  });
});

describe('compare', () => {
  it('draws what a music producer and a sound engineer share, lists shared and distinct skills, and gives the share in common', async () => {
    const { skillOverlap } = await graphql<{ skillOverlap: { jaccard: number; shared: { name: string }[]; onlyA: { name: string }[]; onlyB: { name: string }[] } }>(
      '{ skillOverlap(roleA: "music-producer", roleB: "sound-engineer") { jaccard shared { name } onlyA { name } onlyB { name } } }',
    );
    await page.goto(url('/compare'));
    await choose('Add a role', 'music producer', 'Music producer');
    await choose('Add another role', 'sound engineer', 'Sound engineer');
    await page.waitForURL(/roles=music-producer%2Csound-engineer|roles=music-producer,sound-engineer/);
    // A choice empties the field for the next one.
    expect(await page.getByRole('combobox', { name: 'Add another role' }).inputValue()).toBe('');

    await page.getByTestId('shared').locator('li').first().waitFor();
    await expectTexts(page.getByTestId('shared').locator('li'), names(skillOverlap.shared));
    await expectTexts(page.getByTestId('share-in-common'), [`${Math.round(skillOverlap.jaccard * 100)}%`]);
    const union = skillOverlap.shared.length + skillOverlap.onlyA.length + skillOverlap.onlyB.length;
    await expectTexts(page.getByTestId('share-explained'), [
      `Share of skills in common: ${skillOverlap.shared.length} of the ${union} skills either role has are shared by both.`,
    ]);
    // The formula, on demand.
    const formula = page.getByTestId('formula');
    expect(await formula.isVisible()).toBe(false);
    expect(await visibleText()).not.toMatch(JARGON);
    await page.getByText('How is this computed?').click();
    await formula.waitFor();
    await expectTexts(formula, [`J = |A ∩ B| / |A ∪ B| = ${skillOverlap.shared.length} / ${union} = ${skillOverlap.jaccard.toFixed(4)}`]);
    const onlyProducer = page.getByRole('region', { name: /^Only Music producer/ });
    await expectTexts(onlyProducer.locator('li'), names(skillOverlap.onlyA));

    // The diagram's middle region holds the shared skills; choosing it lists them.
    const middle = page.getByRole('button', { name: `${skillOverlap.shared.length} skills in Music producer and Sound engineer` });
    await middle.click();
    await page.getByText(`In Music producer and Sound engineer: ${names(skillOverlap.shared).join(', ')}.`).waitFor();
    await screenshot(page, 'compare');
  });

  it('compares three roles on another dimension from a shared link', async () => {
    const { overlap } = await graphql<{ overlap: { shared: { name: string }[] } }>(
      '{ overlap(roles: ["music-producer", "sound-engineer", "audio-engineer"], dimension: TOOLS) { shared { ... on Tool { name } } } }',
    );
    await page.goto(url('/compare?roles=music-producer,sound-engineer,audio-engineer&dimension=TOOLS'));
    await page.getByRole('heading', { name: /^Shared by all 3/ }).waitFor();
    await expectTexts(page.getByTestId('shared').locator('li'), names(overlap.shared));
    expect(await page.getByRole('combobox', { name: 'Compare by' }).inputValue()).toBe('TOOLS');
    expect(await page.locator('.venn-circle').count()).toBe(3);
  });
});

describe('recommend', () => {
  it('ranks the roles that fit the skills chosen, with what matched and what is missing', async () => {
    const { recommendRoles } = await graphql<{ recommendRoles: { role: { name: string }; matched: { name: string }[]; missing: { name: string }[] }[] }>(
      '{ recommendRoles(skills: ["mixing", "acoustics"], first: 10) { role { name } matched { name } missing { name } } }',
    );
    await page.goto(url('/recommend'));
    await choose('Add a skill', 'mixing', 'Mixing');
    await choose('Add a skill', 'acoust', 'Acoustics');
    await page.waitForURL(/skills=mixing(%2C|,)acoustics/);
    await page.getByTestId('recommendation').first().waitFor();
    await expectTexts(page.getByTestId('recommendation').locator('h3'), recommendRoles.map((entry) => entry.role.name));
    const best = page.getByTestId('recommendation').first();
    await expectTexts(best.locator('.matched li'), names(recommendRoles[0]!.matched));
    await expectTexts(best.locator('.missing li'), names(recommendRoles[0]!.missing));
    await screenshot(page, 'recommend');
  });
});

describe('path', () => {
  const pathQuery = `{
    skillGap(from: "sound-engineer", to: "music-producer") { toLearn { name } transferable { name } }
    paths(from: "sound-engineer", to: "music-producer", first: 3) { explanation steps { explanation sources { quote } } }
  }`;
  type Answer = {
    skillGap: { toLearn: { name: string }[]; transferable: { name: string }[] };
    paths: { explanation: string; steps: { explanation: string; sources: { quote: string | null }[] }[] }[];
  };

  it('gives the skill gap from a sound engineer to a music producer and draws the explained, cited paths', async () => {
    const answer = await graphql<Answer>(pathQuery);
    await page.goto(url('/roles/music-producer'));
    await page.getByRole('link', { name: 'from sound engineer to music producer' }).click();
    await page.waitForURL(/\/path\?from=sound-engineer&to=music-producer/);

    await page.getByTestId('to-learn').locator('li').first().waitFor();
    await expectTexts(page.getByTestId('to-learn').locator('li'), names(answer.skillGap.toLearn));
    await expectTexts(page.getByTestId('transferable').locator('li'), names(answer.skillGap.transferable));
    await expectTexts(page.getByTestId('path').locator('.path-explanation'), answer.paths.map((path) => path.explanation));
    // Cytoscape draws on canvases inside the graph's container.
    expect(await page.getByTestId('path-graph').locator('canvas').count()).toBeGreaterThan(0);
    // Plain words, the coverage's formula on demand.
    expect(await visibleText()).not.toMatch(JARGON);
    await page.getByText('How is this computed?').click();
    await expectTexts(page.getByTestId('coverage-formula'), ["Coverage = Σ idf·w over the skills that carry over ÷ Σ idf·w over all the target role's skills"]);

    const step = answer.paths[0]!.steps[0]!;
    const quote = step.sources.find((citation) => citation.quote)!.quote!;
    await page.getByTestId('path').first().getByText(`Sources for ${step.explanation}`).click();
    await page.getByText(quote, { exact: false }).first().waitFor();
    await screenshot(page, 'path');
  });

  it('shows each hop with an arrow the way its relationship points, the path still reading from start to end', async () => {
    type Step = { from: string; to: string; links: { relation: RelationType; forward: boolean }[] };
    const { paths } = await graphql<{ paths: { nodes: { id: string; name: string }[]; steps: Step[] }[] }>(
      `{ paths(from: "sound-engineer", to: "music-producer", via: [REQUIRES_SKILL], first: 3) {
        nodes { id ... on Role { name } ... on Skill { name } } steps { from to links { relation forward } } } }`,
    );
    const steps = paths.flatMap((path) => path.steps);
    // The paths go through shared skills: the second hop of each runs against its relationship.
    expect(steps.some((step) => step.links.some((link) => !link.forward))).toBe(true);
    const nameOf = (id: string) => paths.flatMap((path) => path.nodes).find((node) => node.id === id)!.name;
    const expected = steps.map((step) =>
      step.links
        .map((link) => {
          const verb = RELATIONS[link.relation].verb;
          return link.forward ? `${nameOf(step.from)} —${verb}→ ${nameOf(step.to)}` : `${nameOf(step.from)} ←${verb}— ${nameOf(step.to)}`;
        })
        .join('; '),
    );
    await page.goto(url('/path?from=sound-engineer&to=music-producer&via=REQUIRES_SKILL'));
    await expectTexts(page.getByTestId('path').getByTestId('hop-links'), expected);
  });

  it('shows the path view at 390 px wide', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(url('/path?from=sound-engineer&to=music-producer'));
    await page.getByTestId('path').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'path-390');
  });

  it('reports an unknown role as an error the reader can see', async () => {
    await page.goto(url('/path?from=no-such-role&to=music-producer'));
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('NOT_FOUND');
  });
});

describe('an O*NET occupation', () => {
  type Tagged = { name: string; tags: string[] };
  const ONET_ROLE = 'onet-27-4014-00';
  const onetQuery = `query($id: ID!) { role(id: $id) {
    name
    responsibilityLinks { responsibility { name } core }
    toolLinks { tool { name } hot inDemand }
    education { level share }
    typicalEducation { level share }
    relatedRoles { role { name } tier rank }
    relatedFrom { role { name } tier rank }
  } }`;
  type Place = { role: { name: string }; tier: string | null; rank: number | null };
  type OnetRole = {
    name: string;
    responsibilityLinks: { responsibility: { name: string }; core: boolean | null }[];
    toolLinks: { tool: { name: string }; hot: boolean | null; inDemand: boolean | null }[];
    education: { level: string; share: number | null }[];
    typicalEducation: { level: string; share: number | null } | null;
    relatedRoles: Place[];
    relatedFrom: Place[];
  };

  /** Each item of a section: the name its link shows, and the tags beside it. */
  async function taggedItems(section: Locator): Promise<Tagged[]> {
    const items = await section.locator('.fact-list > li:not(.typical)').all();
    return Promise.all(
      items.map(async (item) => ({
        name: (await item.locator('a').first().textContent())?.trim() ?? '',
        tags: (await item.getByTestId('link-tags').allTextContents()).map((text) => text.trim()),
      })),
    );
  }
  const tags = (...shown: (string | false | null)[]) => {
    const kept = shown.filter((tag): tag is string => Boolean(tag));
    return kept.length > 0 ? [`(${kept.join(', ')})`] : [];
  };
  const place = (link: Place) => (link.tier ? (link.rank ? `${link.tier} #${link.rank}` : link.tier) : null);
  const share = (value: number | null) => (value === null ? null : `${Number(value.toFixed(1))}% of workers`);

  it("tags core and supplemental tasks, hot and in-demand technology, education shares with the typical level, and O*NET's related lists both ways", async () => {
    const { role } = await graphql<{ role: OnetRole }>(onetQuery, { id: ONET_ROLE });
    await page.goto(url(`/roles/${ONET_ROLE}`));
    await expectTexts(page.getByRole('heading', { level: 1 }), [role.name]);

    expect(await taggedItems(page.getByRole('region', { name: /^Responsibilities/ }))).toEqual(
      role.responsibilityLinks.map((link) => ({
        name: link.responsibility.name,
        tags: tags(link.core === true && 'core task', link.core === false && 'supplemental task'),
      })),
    );
    expect(role.toolLinks.some((link) => link.hot || link.inDemand)).toBe(true);
    expect(await taggedItems(page.getByRole('region', { name: 'Tools' }))).toEqual(
      role.toolLinks.map((link) => ({ name: link.tool.name, tags: tags(link.hot === true && 'hot technology', link.inDemand === true && 'in demand') })),
    );
    const education = page.getByRole('region', { name: 'Education' });
    expect(role.typicalEducation).not.toBeNull();
    await expectTexts(education.getByTestId('typical-education'), [
      `Typically required: ${role.typicalEducation!.level} (${share(role.typicalEducation!.share)})`,
    ]);
    expect(await taggedItems(education)).toEqual(role.education.map((link) => ({ name: link.level, tags: tags(share(link.share)) })));

    expect(await taggedItems(page.getByRole('region', { name: 'Related careers' }))).toEqual(
      role.relatedRoles.map((link) => ({ name: link.role.name, tags: tags(place(link)) })),
    );
    expect(role.relatedFrom.length).toBeGreaterThan(0);
    expect(await taggedItems(page.getByRole('region', { name: 'Listed as related by' }))).toEqual(
      role.relatedFrom.map((link) => ({ name: link.role.name, tags: tags(place(link)) })),
    );
  });
});
