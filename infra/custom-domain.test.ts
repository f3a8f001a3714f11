import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PitwatchStack } from './pitwatch-stack';
import { logicalId, nagFindings, synthesize } from './test-support';

// -c domainName=pit.example.com -c certificateArn=… : the site, the HTTP API and the WebSocket API on the user's
// own names, TLS 1.2 at least everywhere. Bundling is skipped; pitwatch-stack.test.ts checks the bundles.
const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
let stack: PitwatchStack;
let template: Template;

beforeAll(() => {
  ({ stack, template } = synthesize(
    { historyStore: 'timestream', deletionProtection: true, customDomain: { domainName: 'pit.example.com', certificateArn } },
    { bundle: false },
  ));
});

describe('custom domain', () => {
  it('serves the site on the domain with the certificate and TLSv1.2_2021 at least', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['pit.example.com'],
        ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
  });

  it('serves the HTTP API on api.{domain} and the WebSocket API on live.{domain}, TLS 1.2, mapped to their stages', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 2);
    for (const name of ['api.pit.example.com', 'live.pit.example.com']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
        DomainName: name,
        DomainNameConfigurations: [Match.objectLike({ CertificateArn: certificateArn, SecurityPolicy: 'TLS_1_2', EndpointType: 'REGIONAL' })],
      });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiId: { Ref: logicalId(stack.http.api) }, DomainName: { Ref: logicalId(stack.http.domainName!) } });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiId: { Ref: logicalId(stack.live.api) }, DomainName: { Ref: logicalId(stack.live.domainName!) } });
  });

  it('points the web app and CORS at the custom names', () => {
    expect(stack.website.url).toBe('https://pit.example.com');
    expect(stack.http.url).toBe('https://api.pit.example.com/');
    expect(stack.live.url).toBe('wss://live.pit.example.com');
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://pit.example.com'] }),
    });
    template.hasOutput('DnsRecords', { Value: Match.anyValue() });
  });

  it('needs no acknowledgement of CFR4 (the TLS policy) any more, and leaves no cdk-nag finding', () => {
    expect(nagFindings(stack)).toEqual([]);
    const acks = JSON.stringify(stack.website.distribution.node.metadata);
    expect(acks).not.toContain('AwsSolutions-CFR4');
  });
});
