import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveStageName, liveThrottle } from './constructs/live-updates';
import type { PitwatchStack } from './pitwatch-stack';
import { logicalId, synthesize } from './test-support';

// -c liveMessagesPerSecond=400: a deployment for many households. API Gateway throttles a WebSocket stage for all
// connections together, so the live stage's limit is sized to the deployment. Bundling is skipped.
let stack: PitwatchStack;
let template: Template;

beforeAll(() => {
  ({ stack, template } = synthesize({ historyStore: 'timestream', deletionProtection: true, liveMessagesPerSecond: 400 }, { bundle: false }));
});

describe('the live stage’s throttle', () => {
  it('is the setting’s rate for all connections together, with a burst of 2.5 s of it', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: logicalId(stack.live.api) },
      StageName: liveStageName,
      DefaultRouteSettings: { ThrottlingRateLimit: 400, ThrottlingBurstLimit: 1000 },
    });
  });

  it('defaults to a household’s pages, and keeps its burst within API Gateway’s account limit', () => {
    expect(liveThrottle()).toEqual({ rateLimit: 20, burstLimit: 50 });
    expect(liveThrottle(4)).toEqual({ rateLimit: 4, burstLimit: 50 });
    expect(liveThrottle(10_000)).toEqual({ rateLimit: 10_000, burstLimit: 5_000 });
  });
});
