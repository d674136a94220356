/**
 * The error of a rejected model export (RELIABILITY X6 hostile bundle, X7 hostile model). A
 * subclass of the shared {@link BenchtopError}, so it crosses the worker boundary through
 * `toErrorInfo` like every other error (code `model-export`).
 */
import { BenchtopError } from '../contracts/errors';

/** A model export (files or single-file container) was rejected; the message says why. */
export class ModelExportError extends BenchtopError {
  /** The file at fault, when one is. */
  readonly file: string | undefined;
  /**
   * @param message what is wrong and, where it helps, what to do
   * @param file the file at fault
   * @example
   * new ModelExportError('has 9 files; a model export has at most 8').code // 'model-export'
   */
  constructor(message: string, file?: string) {
    super(
      'model-export',
      file === undefined
        ? `model export rejected: ${message}`
        : `model export rejected: ${file} ${message}`,
      file === undefined ? undefined : { file },
    );
    this.file = file;
  }
}
