/**
 * Expected errors: their messages are written for the person who caused them and may be shown.
 * Anything else is unexpected: it is logged and the person sees a plain sentence.
 */
export class ExpectedError extends Error {
  readonly status: number = 400;
  readonly code: string = "bad_request";
}

export class Unauthenticated extends ExpectedError {
  override readonly status = 401;
  override readonly code = "unauthenticated";
  constructor(message = "請先登入。Please sign in.") {
    super(message);
  }
}

export class Forbidden extends ExpectedError {
  override readonly status = 403;
  override readonly code = "forbidden";
  constructor(message = "您的角色無權執行此操作。Your role may not do this.") {
    super(message);
  }
}

export class NotFound extends ExpectedError {
  override readonly status = 404;
  override readonly code = "not_found";
  constructor(what = "item") {
    super(`找不到該${what === "item" ? "項目" : what}。Not found.`);
  }
}

/** Someone else changed the item first (optimistic concurrency on its version). */
export class Conflict extends ExpectedError {
  override readonly status = 409;
  override readonly code = "conflict";
}

export class InvalidTransition extends ExpectedError {
  override readonly status = 409;
  override readonly code = "invalid_transition";
}

export class RateLimited extends ExpectedError {
  override readonly status = 429;
  override readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ValidationFailed extends ExpectedError {
  override readonly status = 422;
  override readonly code = "validation_failed";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(message);
  }
}

export function isExpectedError(error: unknown): error is ExpectedError {
  return error instanceof ExpectedError;
}
