/**
 * Typed errors shared by the core, the workers and the page.
 *
 * Every error carries a message a person can act on: what is wrong, where (file, row, column,
 * value) and what to do. Errors cross the Comlink boundary as plain objects, so each class also
 * has a stable `code` that survives structured cloning (see {@link toErrorInfo}).
 */

/** Where in the input a problem sits. All fields optional; fill in what is known. */
export interface ErrorLocation {
  file?: string;
  /** 1-based line in the source file (counting the header line). */
  line?: number;
  /** 1-based data row (not counting the header). */
  row?: number;
  column?: string;
  value?: unknown;
}

/** Base class: a Benchtop error with a stable machine-readable code. */
export class BenchtopError extends Error {
  readonly code: string;
  readonly location: ErrorLocation | undefined;
  constructor(code: string, message: string, location?: ErrorLocation) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.location = location;
  }
}

/** An argument to a library function is out of its domain (e.g. an empty sample). */
export class InvalidArgumentError extends BenchtopError {
  readonly argument: string;
  readonly value: unknown;
  constructor(argument: string, value: unknown, why: string) {
    super('invalid-argument', `${argument} = ${formatValue(value)}: ${why}`);
    this.argument = argument;
    this.value = value;
  }
}

/** Input data (a file, a cell, a form field) cannot be used as it is. */
export class DataError extends BenchtopError {
  constructor(message: string, location?: ErrorLocation) {
    super('data', message, location);
  }
}

/** A training request cannot run (no target, one class, no features, ...). */
export class TrainingConfigError extends BenchtopError {
  constructor(message: string) {
    super('training-config', message);
  }
}

/** Training stopped because the loss became NaN or infinite. */
export class DivergenceError extends BenchtopError {
  readonly epoch: number;
  constructor(epoch: number, detail: string) {
    super(
      'divergence',
      `training diverged in epoch ${epoch} (${detail}); lower the learning rate or scale the inputs`,
    );
    this.epoch = epoch;
  }
}

/** The user cancelled a long operation. */
export class CancelledError extends BenchtopError {
  constructor(what = 'operation') {
    super('cancelled', `${what} was cancelled`);
  }
}

/** The browser refused a write because storage is full. */
export class StorageFullError extends BenchtopError {
  constructor(detail: string) {
    super(
      'storage-full',
      `storage is full (${detail}); free space by deleting old datasets or runs, then try again`,
    );
  }
}

/** A stored record is missing or failed an integrity check. */
export class IntegrityError extends BenchtopError {
  constructor(message: string) {
    super('integrity', message);
  }
}

/** A record that should exist does not. */
export class NotFoundError extends BenchtopError {
  constructor(kind: string, id: string) {
    super('not-found', `${kind} ${formatValue(id)} was not found; it may have been deleted`);
  }
}

/** Plain-data form of an error, safe to post between threads. */
export interface ErrorInfo {
  name: string;
  code: string;
  message: string;
  location?: ErrorLocation;
}

/** Converts any thrown value to {@link ErrorInfo}. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof BenchtopError) {
    const info: ErrorInfo = { name: error.name, code: error.code, message: error.message };
    if (error.location) info.location = error.location;
    return info;
  }
  if (error instanceof Error) return { name: error.name, code: 'internal', message: error.message };
  return { name: 'Error', code: 'internal', message: String(error) };
}

/** Renders a value for an error message: strings quoted and cut to 60 characters. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
