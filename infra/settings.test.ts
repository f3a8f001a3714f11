import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readSettings } from './settings';

const settingsFor = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

describe('readSettings', () => {
  it('defaults to Timestream with deletion protection', () => {
    expect(settingsFor({})).toEqual({ historyStore: 'timestream', deletionProtection: true });
  });

  it('accepts cdk.json booleans and -c strings', () => {
    expect(settingsFor({ historyStore: 'dynamodb', deletionProtection: false })).toEqual({
      historyStore: 'dynamodb',
      deletionProtection: false,
    });
    expect(settingsFor({ deletionProtection: 'false' }).deletionProtection).toBe(false);
    expect(settingsFor({ deletionProtection: 'true' }).deletionProtection).toBe(true);
  });

  it('rejects anything else by name', () => {
    expect(() => settingsFor({ historyStore: 'influxdb' })).toThrow(/historyStore must be one of timestream\|dynamodb/);
    expect(() => settingsFor({ deletionProtection: 'yes' })).toThrow(/deletionProtection must be true or false/);
    expect(() => settingsFor({ alarmEmail: 'pitmaster' })).toThrow(/alarmEmail must be an email address/);
    expect(() => settingsFor({ alarmEmail: true })).toThrow(/alarmEmail must be an email address/);
  });

  it('sizes the live stage’s throttle from liveMessagesPerSecond, a whole number within API Gateway’s account limit', () => {
    expect(settingsFor({})).not.toHaveProperty('liveMessagesPerSecond');
    expect(settingsFor({ liveMessagesPerSecond: '400' }).liveMessagesPerSecond).toBe(400);
    expect(settingsFor({ liveMessagesPerSecond: 400 }).liveMessagesPerSecond).toBe(400);
    for (const bad of ['0', '-5', '2.5', 'lots', 10_001]) {
      expect(() => settingsFor({ liveMessagesPerSecond: bad })).toThrow(/liveMessagesPerSecond must be a whole number 1–10000/);
    }
  });

  it('subscribes an alarm email only when one is given', () => {
    expect(settingsFor({ alarmEmail: 'cook@example.com' }).alarmEmail).toBe('cook@example.com');
    expect(settingsFor({})).not.toHaveProperty('alarmEmail');
    expect(settingsFor({ alarmEmail: '' })).not.toHaveProperty('alarmEmail');
  });
});

describe('custom domain', () => {
  const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
  const euCert = 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

  it('is off unless a domain and a certificate are given, together', () => {
    expect(settingsFor({})).not.toHaveProperty('customDomain');
    expect(settingsFor({ domainName: 'pit.example.com', certificateArn: cert }).customDomain).toEqual({ domainName: 'pit.example.com', certificateArn: cert });
    expect(() => settingsFor({ domainName: 'pit.example.com' })).toThrow(/certificateArn must be an ACM certificate ARN/);
    expect(() => settingsFor({ certificateArn: cert })).toThrow(/domainName must be a lower-case host name/);
  });

  it('checks the names and that the CloudFront certificate is in us-east-1', () => {
    expect(() => settingsFor({ domainName: 'Pit.Example.com', certificateArn: cert })).toThrow(/domainName/);
    expect(() => settingsFor({ domainName: 'localhost', certificateArn: cert })).toThrow(/domainName/);
    expect(() => settingsFor({ domainName: 'pit.example.com', certificateArn: 'arn:aws:iam::1:role/x' })).toThrow(/certificateArn/);
    expect(() => settingsFor({ domainName: 'pit.example.com', certificateArn: euCert, cloudFrontCertificateArn: euCert })).toThrow(/us-east-1/);
    expect(settingsFor({ domainName: 'pit.example.com', certificateArn: euCert, cloudFrontCertificateArn: cert }).customDomain).toEqual({
      domainName: 'pit.example.com',
      certificateArn: euCert,
      cloudFrontCertificateArn: cert,
    });
  });
});
