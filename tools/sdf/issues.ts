/** Validation findings. */

export interface Issue {
  /** File relative to the project folder, '/' separated: 'Objects/customscript_x.xml'. */
  file: string;
  /** Element path inside the file, e.g. 'scheduledscript/scriptdeployments/scriptdeployment[customdeploy_x]/status'. */
  element?: string;
  message: string;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
  /** Number of object files read (well-formed or not). */
  objectCount: number;
}

/** Collects errors and warnings while the checks run. */
export class Issues {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];

  error(file: string, element: string | undefined, message: string): void {
    this.errors.push(issue(file, element, message));
  }

  warn(file: string, element: string | undefined, message: string): void {
    this.warnings.push(issue(file, element, message));
  }

  add(severity: 'error' | 'warning', file: string, element: string | undefined, message: string): void {
    if (severity === 'error') this.error(file, element, message);
    else this.warn(file, element, message);
  }
}

function issue(file: string, element: string | undefined, message: string): Issue {
  return element ? { file, element, message } : { file, message };
}

/** One line of CLI output: 'ERROR <file>: <element>: <message>' / 'WARN …'. */
export function formatIssue(level: 'ERROR' | 'WARN', i: Issue, filePrefix = ''): string {
  const file = filePrefix ? `${filePrefix.replace(/\/+$/, '')}/${i.file}` : i.file;
  return i.element ? `${level} ${file}: ${i.element}: ${i.message}` : `${level} ${file}: ${i.message}`;
}
