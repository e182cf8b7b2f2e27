/**
 * Compose's variable interpolation, as the Compose specification's "Interpolation"
 * section states it: `$VAR` and `${VAR}`; `${VAR:-default}` (unset or empty) and
 * `${VAR-default}` (unset); `${VAR:?message}` and `${VAR?message}` (an error);
 * `${VAR:+other}` and `${VAR+other}` (the reverse); `$$` for a literal `$`.
 * Defaults and messages may themselves hold variables. An unset variable with no
 * default becomes an empty string, with a warning, as Docker Compose does.
 */
export interface Interpolation {
  value: string;
  /** Variables that were unset and had no default. */
  unset: string[];
}

export class InterpolationError extends Error {
  override name = 'InterpolationError';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

/** Interpolates one string with `environment`; throws InterpolationError on a `?` variable or a malformed `${...}`. */
export function interpolate(text: string, environment: Readonly<Record<string, string>>): Interpolation {
  const unset: string[] = [];
  let value = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar === -1 || dollar === text.length - 1) {
      value += text.slice(index);
      break;
    }
    value += text.slice(index, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      value += '$';
      index = dollar + 2;
    } else if (next === '{') {
      const close = matchingBrace(text, dollar + 1);
      const expansion = expand(text.slice(dollar + 2, close), environment, text);
      value += expansion.value;
      unset.push(...expansion.unset);
      index = close + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      if (name === undefined) {
        value += '$';
        index = dollar + 1;
      } else {
        if (environment[name] === undefined) unset.push(name);
        value += environment[name] ?? '';
        index = dollar + 1 + name.length;
      }
    }
  }
  return { value, unset };
}

/** The index of the `}` closing the `{` at `open`, counting nested `${`. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  throw new InterpolationError(`invalid interpolation format for "${text}": a \${ is never closed`);
}

/** One `${...}`'s inside: a name, then optionally an operator and its word. */
function expand(inside: string, environment: Readonly<Record<string, string>>, text: string): Interpolation {
  const name = NAME.exec(inside)?.[0];
  if (name === undefined) throw new InterpolationError(`invalid interpolation format for "${text}": "\${${inside}}" does not start with a variable name`);
  const rest = inside.slice(name.length);
  const current = environment[name];
  if (rest === '') return { value: current ?? '', unset: current === undefined ? [name] : [] };
  const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (operator === undefined) throw new InterpolationError(`invalid interpolation format for "${text}": unexpected "${rest}" after ${name}`);
  const word = () => interpolate(rest.slice(operator.length), environment);
  const isSet = operator.startsWith(':') ? current !== undefined && current !== '' : current !== undefined;
  switch (operator) {
    case ':-':
    case '-':
      return isSet ? { value: current ?? '', unset: [] } : word();
    case ':?':
    case '?':
      if (!isSet) throw new InterpolationError(`required variable ${name} is missing a value: ${word().value}`);
      return { value: current ?? '', unset: [] };
    case ':+':
    case '+':
      return isSet ? word() : { value: '', unset: [] };
  }
}
