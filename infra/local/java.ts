import { spawnSync } from 'node:child_process';

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

/** DynamoDB Local is Amazon's Java engine: fail early, in one line, with the fix, when Java 17+ is absent. */
export function ensureJava(): number {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const text = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const match = text.match(/version "(\d+)(?:\.(\d+))?/);
  if (result.error || result.status !== 0 || !match) {
    throw new JavaMissingError(
      'Java 17+ is required for DynamoDB Local and was not found. Install it: sudo apt-get install -y default-jre-headless',
    );
  }
  const major = Number(match[1] === '1' ? match[2] : match[1]);
  if (major < 17) {
    throw new JavaMissingError(`Java ${major} found; DynamoDB Local needs Java 17+. Install it: sudo apt-get install -y default-jre-headless`);
  }
  return major;
}
