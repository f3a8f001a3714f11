import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PitwatchStack } from './pitwatch-stack';
import { allowedActions, functionProps, logicalId, nagFindings, synthesize } from './test-support';

// historyStore=dynamodb, deletionProtection=false, with an alarm email: the variant for accounts that cannot
// create Timestream. Bundling is skipped here; pitwatch-stack.test.ts checks the bundles.
let stack: PitwatchStack;
let template: Template;

beforeAll(() => {
  ({ stack, template } = synthesize(
    { historyStore: 'dynamodb', deletionProtection: false, alarmEmail: 'cook@example.com' },
    { bundle: false },
  ));
});

const functions = () => [
  stack.poller.dispatcher,
  stack.poller.worker,
  ...Object.values(stack.http.functions),
  stack.live.connectFn,
  stack.live.disconnectFn,
  stack.live.messageFn,
  stack.mqtt.publisher,
];

describe('historyStore=dynamodb', () => {
  it('creates no Timestream resources', () => {
    expect(stack.data.timestream).toBeUndefined();
    template.resourceCountIs('AWS::Timestream::Database', 0);
    template.resourceCountIs('AWS::Timestream::Table', 0);
  });

  it('tells every handler HISTORY_STORE=dynamodb and no Timestream names', () => {
    for (const fn of functions()) {
      const env = functionProps(template, fn).Environment.Variables;
      expect(env.HISTORY_STORE, fn.node.path).toBe('dynamodb');
      expect(env, fn.node.path).not.toHaveProperty('TIMESTREAM_DATABASE_NAME');
      expect(env, fn.node.path).not.toHaveProperty('TIMESTREAM_TABLE_NAME');
    }
  });

  it('grants no Timestream action to anyone; the worker writes history to the table, history reads it from there', () => {
    for (const fn of functions()) {
      expect(allowedActions(template, fn).filter((a) => a.startsWith('timestream:')), fn.node.path).toEqual([]);
    }
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const everyAction = policies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s) => s.Action));
    expect(everyAction.filter((a) => a.startsWith('timestream:'))).toEqual([]);
    expect(allowedActions(template, stack.poller.worker)).toEqual(
      expect.arrayContaining(['dynamodb:BatchWriteItem', 'dynamodb:Query', 'dynamodb:UpdateItem']),
    );
    // History reads its Query from the table; its only write is the session's sliding expiry.
    const history = [...new Set(allowedActions(template, stack.http.functions.history).filter((a) => !/^(logs|xray):/.test(a)))].sort();
    expect(history).toEqual(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
  });

  it('subscribes the alarm email to the alarm topic', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'cook@example.com',
      TopicArn: { Ref: logicalId(stack.alarms.topic) },
    });
  });

  it('is still free of unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('deletionProtection=false', () => {
  it('lets the table, key and buckets go with the stack', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: { Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] },
    });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.hasResourceProperties('Custom::S3AutoDeleteObjects', {
      BucketName: { Ref: logicalId(stack.website.bucket) },
    });
  });
});
