import { launchBrowser, type Browser } from './browser';
import { e2eBaseUrl } from './e2e-environment';

/**
 * The GraphQL IDE (GraphiQL, bundled into the build) in Chromium against the
 * running service: reached from /graphql and from the explorer's footer, it runs
 * a query and shows the schema's documentation, asking nothing of any other origin.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the GraphQL IDE', () => {
  it('opens from /graphql, runs the default query and loads nothing from another origin', async () => {
    const { page, problems } = await browser.open();
    const origin = new URL(e2eBaseUrl()).origin;
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      await page.goto(`${e2eBaseUrl()}/graphql`);
      expect(new URL(page.url()).pathname).toBe('/ide');
      // GraphiQL runs a query only once both editors (Monaco, loaded on demand) are drawn.
      await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
      await page.locator('.result-window .monaco-editor').waitFor();
      await page.getByRole('button', { name: /^Execute query/ }).click();
      // The answer appears in the response editor (Monaco draws spaces as no-break spaces).
      await page.locator('.result-window').getByText(/"Music\sproducer"/).waitFor();
      // The documentation comes from introspection.
      await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
      await page.getByText('A GraphQL schema provides a root type for each kind of operation.').waitFor();

      expect(requested.length).toBeGreaterThan(3);
      expect(requested.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('is linked from the explorer footer', async () => {
    const { page, problems } = await browser.open();
    try {
      await page.goto(e2eBaseUrl());
      await page.getByRole('contentinfo').getByRole('link', { name: 'the GraphQL IDE' }).click();
      await page.waitForURL(/\/ide$/);
      await page.getByRole('button', { name: /^Execute query/ }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
