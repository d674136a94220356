/**
 * The registry of drift tests: every test module declares a {@link DriftTestDescriptor}; this
 * file lists them once, and callers look tests up by name instead of switching on it.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { binaryZDriftTest } from './binary-z-test';
import { chiSquareDriftTest } from './chi-square-drift';
import type { DriftTestDescriptor, DriftTestName } from './drift-test';
import { jensenShannonDriftTest } from './jensen-shannon';
import { ksDriftTest } from './ks-two-sample';
import { psiDriftTest } from './psi';
import { wassersteinDriftTest } from './wasserstein';

const registry = new Map<string, DriftTestDescriptor>();

/**
 * Adds a drift test to the registry (the built-in tests register themselves below).
 * @param descriptor the test
 * @returns the descriptor
 * @throws {InvalidArgumentError} when a test with the same name is already registered
 * @example
 * registerDriftTest(myTest)
 */
export function registerDriftTest(descriptor: DriftTestDescriptor): DriftTestDescriptor {
  if (registry.has(descriptor.name)) {
    throw new InvalidArgumentError('descriptor.name', descriptor.name, 'is already registered');
  }
  registry.set(descriptor.name, descriptor);
  return descriptor;
}

for (const d of [
  ksDriftTest,
  wassersteinDriftTest,
  psiDriftTest,
  jensenShannonDriftTest,
  chiSquareDriftTest,
  binaryZDriftTest,
]) {
  registerDriftTest(d);
}

/**
 * Looks a drift test up by name.
 * @param name a registered test name
 * @returns its descriptor
 * @throws {InvalidArgumentError} when no test has that name
 * @example
 * getDriftTest('psi').defaultThreshold // 0.1
 */
export function getDriftTest(name: DriftTestName | string): DriftTestDescriptor {
  const d = registry.get(name);
  if (!d) {
    throw new InvalidArgumentError(
      'test',
      name,
      `must be one of ${[...registry.keys()].join(', ')}`,
    );
  }
  return d;
}

/**
 * All registered drift tests, in registration order.
 * @returns the descriptors
 * @example
 * listDriftTests().map((d) => d.name) // ['ks', 'wasserstein', 'psi', 'jensenshannon', 'chisquare', 'z']
 */
export function listDriftTests(): DriftTestDescriptor[] {
  return [...registry.values()];
}
