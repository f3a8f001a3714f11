/**
 * CDK app entry (`cdk.json`: `npx tsx infra/app.ts`). Context: `historyStore` (timestream|dynamodb),
 * `deletionProtection` (true|false), `alarmEmail` (optional: subscribed to the alarm topic). cdk-nag's AWS Solutions
 * pack runs on every synth.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PitwatchStack } from './pitwatch-stack';
import { repoRoot, webDistDir } from './paths';
import { readSettings } from './settings';

/** The website deployment zips web/dist at synth time, so build it first if it is missing. */
function ensureWebBuild(): void {
  if (existsSync(path.join(webDistDir, 'index.html'))) return;
  process.stderr.write('web/dist/index.html is missing: running `npm run build:web` before synth\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // The build's chatter goes to stderr, like the notice above.
  execFileSync(npm, ['run', 'build:web'], { cwd: repoRoot, stdio: ['ignore', process.stderr, process.stderr] });
  if (!existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error('`npm run build:web` finished but web/dist/index.html still does not exist');
  }
}

const app = new App();
const settings = readSettings(app.node);
ensureWebBuild();

new PitwatchStack(app, 'Pitwatch', {
  ...settings,
  webDistPath: webDistDir,
  description: `Pitwatch: ThermoWorks thermometers in your own AWS account (history: ${settings.historyStore})`,
});

// cdk-nag 3 is a policy-validation plugin (it replaced the v2 Aspect): findings are printed by `cdk synth`,
// and an unacknowledged error fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

app.synth();
