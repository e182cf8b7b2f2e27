import { AppError } from './app-error';
import { ErrorCode } from './error-code';

/** NOT_FOUND for ids that name no node of the kind asked for; `extensions.ids` lists them. */
export function notFound(kind: string, ids: readonly string[]): AppError {
  const named = ids.map((id) => `"${id}"`).join(', ');
  return new AppError(ErrorCode.NOT_FOUND, `No ${kind} with id ${named}.`, { ids: [...ids] });
}
