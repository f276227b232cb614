/**
 * sdf-validate: `npx tsx tools/sdf/cli.ts [projectDir]` (default src). Prints one line per finding,
 * `ERROR <file>: <element>: <message>` / `WARN …`, then a summary; exits 1 when there is an error.
 */
import { formatIssue } from './issues';
import { validateProject } from './validate';

export function main(argv: string[]): number {
  const projectDir = argv[0] ?? 'src';
  const result = validateProject(projectDir);
  for (const e of result.errors) console.log(formatIssue('ERROR', e, projectDir));
  for (const w of result.warnings) console.log(formatIssue('WARN', w, projectDir));
  console.log(
    `sdf-validate: ${result.objectCount} objects, ${result.errors.length} errors, ${result.warnings.length} warnings`,
  );
  return result.errors.length > 0 ? 1 : 0;
}

// Run only as a program (tsx tools/sdf/cli.ts), not when imported.
if (require.main === module) process.exitCode = main(process.argv.slice(2));
