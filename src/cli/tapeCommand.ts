/** `kiosk tape run|check|record` (being built, issue 4). */
import { UsageError } from './args.js';

export async function runTape(_argv: string[]): Promise<number> {
  throw new UsageError('"kiosk tape" is not available yet');
}
