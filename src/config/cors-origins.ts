import { z } from 'zod';

/**
 * One origin as a browser sends it in the `Origin` header: `http` or `https`, a
 * host, and a port only when it is not the scheme's default. No path, no trailing
 * slash, no wildcard. A value that is almost right is refused with the form to use,
 * since the browser's header would never match it.
 */
function originProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an origin such as https://app.example.org`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${value}" is not an http:// or https:// origin`;
  if (url.origin !== value) return `"${value}" is not an origin as browsers send it; write "${url.origin}"`;
  return null;
}

/**
 * Parses CORS_ORIGINS: a comma-separated allow-list of origins, for example
 * `https://app.example.org,http://localhost:5173`. Spaces around entries are
 * ignored; duplicates are kept once.
 */
export const corsOriginsSchema = z.string().transform((value, context) => {
  const origins: string[] = [];
  for (const origin of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const problem = origin === '*' ? 'a wildcard is not allowed: list each origin' : originProblem(origin);
    if (problem) {
      context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
});
