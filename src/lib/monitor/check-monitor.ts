/**
 * Validation of a monitor before it is saved, so a bad setting is refused with a message instead
 * of failing later inside a window.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { Monitor } from '../contracts/monitoring';
import { driftTestChoice } from './drift-test-choices';
import { checkRule } from './evaluate-rules';
import { checkWindow } from './window-entries';

/**
 * Checks a monitor's settings.
 * @param monitor the monitor
 * @returns the same monitor
 * @throws {InvalidArgumentError} for an empty name or deployment, a bad window, a drift share
 *   outside (0, 1], an unknown test or non-finite threshold of a column, or a bad rule
 * @example
 * checkMonitor({ ...monitor, driftShare: 0 }) // throws: driftShare 0 must be in (0, 1]
 */
export function checkMonitor(monitor: Monitor): Monitor {
  if (!monitor.name.trim())
    throw new InvalidArgumentError('name', monitor.name, 'give the monitor a name');
  if (!monitor.deploymentId) {
    throw new InvalidArgumentError(
      'deploymentId',
      monitor.deploymentId,
      'choose a deployment to monitor',
    );
  }
  checkWindow(monitor.window);
  if (!(monitor.driftShare > 0 && monitor.driftShare <= 1)) {
    throw new InvalidArgumentError('driftShare', monitor.driftShare, 'must be in (0, 1]');
  }
  for (const [column, s] of Object.entries(monitor.columns)) {
    if (s.test !== undefined && !driftTestChoice(s.test)) {
      throw new InvalidArgumentError(
        `test of column ${column}`,
        s.test,
        'is not a drift test of STATS.md',
      );
    }
    if (s.threshold !== undefined && !Number.isFinite(s.threshold)) {
      throw new InvalidArgumentError(
        `threshold of column ${column}`,
        s.threshold,
        'must be a finite number',
      );
    }
  }
  for (const rule of monitor.rules) checkRule(rule);
  return monitor;
}
