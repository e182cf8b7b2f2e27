/** An error of a GraphQL response, as the server sends it. */
interface GraphQLErrorLike {
  message?: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** A GraphQL response body, or anything that carries its `errors`. */
interface ResponseWithErrors {
  errors?: readonly GraphQLErrorLike[] | null;
}

/** What a test states about one error. Only what it states is checked. */
export interface ExpectedGraphQLError {
  /** `extensions.code`, exactly. */
  code: string;
  /**
   * The message: a string is the whole message, a RegExp must match it, an
   * asymmetric matcher (`expect.stringContaining('...')`) must accept it.
   */
  message?: string | RegExp;
  /** The error's `path`, exactly. */
  path?: readonly (string | number)[];
  /** Every extension besides `code`: the error's extensions are exactly `{ code, ...extensions }`. */
  extensions?: Record<string, unknown>;
  /** Extensions besides `code` the error has, matched as toMatchObject matches; it may have others. */
  extensionsContaining?: Record<string, unknown>;
}

/**
 * The response's first error (usually its only one) is as `expected` says; further
 * errors are not looked at (expectGraphQLErrors checks the whole list).
 * On failure, the message shows every error of the response.
 */
export function expectGraphQLError(response: ResponseWithErrors, expected: ExpectedGraphQLError): void {
  withErrorsShown(response, () => {
    expect(response.errors?.length ?? 0).toBeGreaterThan(0);
    expectError(response.errors![0]!, expected);
  });
}

/**
 * The response has exactly these errors, in this order, each as its entry says.
 * On failure, the message shows every error of the response.
 */
export function expectGraphQLErrors(response: ResponseWithErrors, expected: readonly ExpectedGraphQLError[]): void {
  withErrorsShown(response, () => {
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(expected.map((error) => error.code));
    expected.forEach((entry, index) => expectError(response.errors![index]!, entry));
  });
}

/** The response has no `errors` at all (not even an empty list). On failure, the message shows them. */
export function expectNoErrors(response: ResponseWithErrors): void {
  withErrorsShown(response, () => expect(response.errors).toBeUndefined());
}

function expectError(error: GraphQLErrorLike, expected: ExpectedGraphQLError): void {
  const { code, message, path, extensions, extensionsContaining } = expected;
  expect(error.extensions?.code).toBe(code);
  if (message instanceof RegExp) expect(error.message).toMatch(message);
  else if (message !== undefined) expect(error.message).toEqual(message);
  if (path !== undefined) expect(error.path).toEqual(path);
  if (extensions !== undefined) expect(error.extensions).toEqual({ code, ...extensions });
  if (extensionsContaining !== undefined) expect(error.extensions).toMatchObject(extensionsContaining);
}

/** Runs `check`; if it fails, adds the response's errors, in full, to the failure's message. */
function withErrorsShown(response: ResponseWithErrors, check: () => void): void {
  try {
    check();
  } catch (failure) {
    if (failure instanceof Error) {
      const at = failure.stack?.indexOf('\n    at ') ?? -1;
      const frames = at >= 0 ? failure.stack!.slice(at) : '';
      failure.message += `\n\nThe response's errors:\n${JSON.stringify(response.errors, null, 2)}`;
      failure.stack = `${failure.name}: ${failure.message}${frames}`;
    }
    throw failure;
  }
}
