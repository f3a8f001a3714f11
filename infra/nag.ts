import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 reads acknowledgements from CDK's native `Validations.of(x).acknowledge()` metadata
 * (the v2 `NagSuppressions` API is gone). Each finding is acknowledged on its own, as narrowly as
 * possible: on the construct that owns the resource and, for IAM5, per wildcard resource/action.
 */
export interface NagAcknowledgement {
  /** e.g. `AwsSolutions-CFR4` or `AwsSolutions-IAM5[Resource::*]`. */
  readonly id: `AwsSolutions-${string}`;
  /** Why the finding is acceptable here; shown in the synth report and audit trail. */
  readonly reason: string;
}

export function acknowledge(scope: IConstruct, ...acks: NagAcknowledgement[]): void {
  Validations.of(scope).acknowledge(...acks);
}

/**
 * The IAM5 finding id for a wildcard resource ARN, rendered the way cdk-nag renders it
 * (`Ref` → `<LogicalId>`, `Fn::GetAtt` → `<LogicalId.Attr>`, `Fn::Join` flattened), so acknowledgements
 * follow logical-id changes instead of hard-coding them.
 */
export function iam5Resource(scope: IConstruct, arn: string): `AwsSolutions-IAM5[Resource::${string}]` {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}

/** The IAM5 finding id for a wildcard action such as `s3:GetObject*`. */
export function iam5Action(action: string): `AwsSolutions-IAM5[Action::${string}]` {
  return `AwsSolutions-IAM5[Action::${action}]`;
}

function flattenCfnReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    const join = record['Fn::Join'];
    if (Array.isArray(join)) {
      const [delimiter, items] = join as [string, unknown[]];
      return items.map(flattenCfnReference).join(delimiter);
    }
    if (record['Fn::Sub'] !== undefined) return flattenCfnReference(record['Fn::Sub']);
    const getAtt = record['Fn::GetAtt'];
    if (Array.isArray(getAtt)) {
      const [resource, attribute] = getAtt as [unknown, unknown];
      return `<${flattenCfnReference(resource)}.${flattenCfnReference(attribute)}>`;
    }
    if (record['Fn::ImportValue'] !== undefined) return flattenCfnReference(record['Fn::ImportValue']);
    if (record.Ref !== undefined) return `<${flattenCfnReference(record.Ref)}>`;
  }
  return JSON.stringify(node);
}
