/**
 * Whether an answer to a search for `asked` belongs to what the field holds now,
 * `typed`: the same text once trimmed. An answer to an earlier term (still shown by
 * the client while the next loads, or overtaken by typing) does not.
 */
export function answersTerm(asked: string | undefined, typed: string): boolean {
  return asked !== undefined && asked === typed.trim();
}
