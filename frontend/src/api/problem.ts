// RFC 9457 problem+json helpers: recognise a problem, and map validation errors to form fields.

export interface ProblemFieldError {
  loc: (string | number)[];
  msg: string;
  type?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string | null;
  errors?: ProblemFieldError[];
}

export interface FieldError {
  name: string;
  errors: string[];
}

/** Thrown by API helpers when the server answers with an error status. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** The error response's parsed body as sent, for problem extensions (e.g. an import's `report`). */
  readonly body: unknown;
  constructor(problem: Problem, body?: unknown) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
    this.body = body;
  }
  get status(): number {
    return this.problem.status;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toFieldErrors(raw: unknown): ProblemFieldError[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: ProblemFieldError[] = [];
  for (const e of raw) {
    if (!isRecord(e) || !Array.isArray(e.loc)) continue;
    const loc = e.loc.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    out.push({ loc, msg: typeof e.msg === 'string' ? e.msg : String(e.msg ?? ''), type: typeof e.type === 'string' ? e.type : undefined });
  }
  return out;
}

/** Turn whatever an error response carried into a Problem (never throws). */
export function toProblem(body: unknown, status: number): Problem {
  if (isRecord(body)) {
    const detail = body.detail;
    return {
      type: typeof body.type === 'string' ? body.type : undefined,
      title: typeof body.title === 'string' ? body.title : undefined,
      status: typeof body.status === 'number' ? body.status : status,
      // FastAPI's default 422 puts the error list in `detail`; accept both shapes.
      detail: typeof detail === 'string' ? detail : null,
      errors: toFieldErrors(body.errors) ?? toFieldErrors(detail),
    };
  }
  return { status, detail: typeof body === 'string' && body ? body : null };
}

/**
 * Map validation errors to form fields: loc ["body","code"] → field "code".
 * Errors whose field is not in `fields` (when given) are left for a general message.
 */
export function problemToFieldErrors(
  problem: Problem,
  fields?: readonly string[],
): { fieldErrors: FieldError[]; otherMessages: string[] } {
  const byField = new Map<string, string[]>();
  const otherMessages: string[] = [];
  for (const err of problem.errors ?? []) {
    const name = [...err.loc].reverse().find((p): p is string => typeof p === 'string');
    const last = err.loc[err.loc.length - 1];
    // For list items (["body","subjects",0]) the field is the nearest named part.
    const field = typeof last === 'string' ? last : name;
    if (!field || field === 'body' || (fields && !fields.includes(field))) {
      otherMessages.push(err.msg);
      continue;
    }
    const list = byField.get(field) ?? [];
    list.push(err.msg);
    byField.set(field, list);
  }
  return {
    fieldErrors: [...byField.entries()].map(([name, errors]) => ({ name, errors })),
    otherMessages,
  };
}

/**
 * What to tell the user about a failed request: the server's `detail` (or its title), else
 * `fallback`; `network` when the server was not reached at all.
 */
export function failureMessage(error: unknown, fallback: string, network: string): string {
  if (!(error instanceof ApiError)) return network;
  return error.problem.detail || error.problem.title || fallback;
}
