// Run by dates.tz.test.ts in a child process with a given TZ: prints the probe as JSON.
import { probe } from './tz-probe';

process.stdout.write(JSON.stringify(probe()));
