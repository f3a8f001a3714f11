/** Shared by the infra tests: synthesize a PitwatchStack once and read it back. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { PitwatchFunction } from './constructs/pitwatch-function';
import { PitwatchStack } from './pitwatch-stack';
import type { PitwatchSettings } from './settings';

/** A stand-in for `web/dist`, so infra tests neither need nor run the web build. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pitwatch-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log("pitwatch")');
  return dir;
}

export interface Synthesized {
  readonly stack: PitwatchStack;
  readonly template: Template;
  readonly assemblyDir: string;
}

/**
 * Synthesizes the real stack. `bundle: false` skips esbuild (CDK's `aws:cdk:bundling-stacks` context) for
 * variants whose bundles the main test file already checks.
 */
export function synthesize(settings: PitwatchSettings, options: { bundle: boolean }): Synthesized {
  const app = new App({
    outdir: mkdtempSync(path.join(tmpdir(), 'pitwatch-cdk-out-')),
    context: options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new PitwatchStack(app, 'Pitwatch', { ...settings, webDistPath: fakeWebDist() });
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template as Record<string, unknown>);
  return { stack, template, assemblyDir: assembly.directory };
}

export interface Violation {
  readonly rule: string;
  readonly severity: string;
  readonly paths: string[];
}

/** Unacknowledged cdk-nag AwsSolutions findings (errors and warnings), as the `cdk synth` plugin sees them. */
export function nagFindings(stack: Stack): Violation[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity ?? 'unknown',
    paths: v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId ?? '?'),
  }));
}

/** Unacknowledged findings of CDK's built-in CloudFormation validation (cfn-lint rules) from the synth report. */
export function cfnValidateFindings(assemblyDir: string): Violation[] {
  const report = JSON.parse(readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; severity?: string; violatingConstructs?: { constructPath?: string }[] }[];
    }[];
  };
  return report.pluginReports.flatMap((r) =>
    r.violations.map((v) => ({
      rule: `${r.pluginName}:${v.ruleName}`,
      severity: v.severity ?? 'unknown',
      paths: (v.violatingConstructs ?? []).map((c) => c.constructPath ?? '?'),
    })),
  );
}

/** The logical id of an L1, or of an L2's default child. */
export function logicalId(construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild;
  if (!element || !CfnElement.isCfnElement(element)) throw new Error(`${construct.node.path} has no CloudFormation element`);
  return element.stack.getLogicalId(element);
}

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** Every IAM statement attached to a function's role, whichever policy resource carries it. */
export function statementsOf(template: Template, fn: PitwatchFunction): Statement[] {
  const roleId = logicalId(fn.role);
  const policies = template.findResources('AWS::IAM::Policy') as Record<
    string,
    { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } }
  >;
  return Object.values(policies)
    .filter((p) => p.Properties.Roles.some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

export const allowedActions = (template: Template, fn: PitwatchFunction): string[] =>
  statementsOf(template, fn)
    .filter((s) => s.Effect === 'Allow')
    .flatMap(actionsOf);

/** A function's Lambda resource properties. */
export function functionProps(template: Template, fn: PitwatchFunction): Record<string, unknown> & {
  Environment: { Variables: Record<string, unknown> };
} {
  const resources = template.findResources('AWS::Lambda::Function') as Record<
    string,
    { Properties: Record<string, unknown> & { Environment: { Variables: Record<string, unknown> } } }
  >;
  const resource = resources[logicalId(fn.function)];
  if (!resource) throw new Error(`no Lambda function ${fn.node.path}`);
  return resource.Properties;
}
