import { z } from 'zod';
import { LANG_ARGUMENT_VALUES } from '../models/languages';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

/** `first` on every list: 1..100. */
export const firstArg = z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100');

/** Ids are at most 200 characters; anything longer cannot exist and is refused early. */
export const idArg = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/**
 * Validates resolver arguments before any database call. A failure is a
 * BAD_USER_INPUT error naming the argument and the rule it broke.
 */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const argument = issue?.path.join('.') ?? '';
  throw new AppError(ErrorCode.BAD_USER_INPUT, `Argument "${argument}" ${issue?.message ?? 'is invalid'}.`, { argument });
}

/** `lang` on names, aliases and search: English (`en`) or a language of src/models/languages.ts; absent means English. */
export const langArg = z
  .string()
  .nullish()
  .refine((value) => value === null || value === undefined || (LANG_ARGUMENT_VALUES as readonly string[]).includes(value), {
    message: `must be one of ${LANG_ARGUMENT_VALUES.join(', ')}`,
  });
