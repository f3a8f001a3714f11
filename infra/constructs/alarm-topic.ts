import { Aws, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  /** Subscribed by email when set (context `alarmEmail`); SNS mails a confirmation link first. */
  readonly email?: string;
}

/**
 * The one SNS topic every Pitwatch alarm notifies, on ALARM and on OK. Subscribe to it however you like
 * (email via context `alarmEmail`, or a chat integration outside this stack).
 *
 * Not encrypted on purpose: CloudWatch cannot publish to a topic under the AWS managed `aws/sns` key, and a
 * customer-managed key would cost $1/month to protect alarm names and metric values (cdk-nag's AwsSolutions pack
 * has no SNS encryption rule; SNS3, publish over TLS only, is met by `enforceSSL`).
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'Topic', { displayName: 'Pitwatch alarms', enforceSSL: true });
    // Any topic policy replaces SNS's default one (which lets the account's principals publish), and CloudWatch
    // alarms publish as the CloudWatch service: allow it explicitly, for alarms of this account named by
    // `alarmName()` only, so no other account's or stack's alarm can use this topic.
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowThisStacksAlarms',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:${this.alarmName('*')}` },
        },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }

  /**
   * `<stack>-<suffix>`: readable in the notification, and the only alarm names the topic policy lets publish.
   * Every alarm passed to `notify()` must be named with this.
   */
  alarmName(suffix: string): string {
    return `${Stack.of(this).stackName}-${suffix}`;
  }

  /** Notify this topic when the alarm fires and again when it clears. */
  notify(alarm: cloudwatch.Alarm): void {
    // A mismatched name would deploy fine and then fail every publish (the topic policy would not match).
    const name: unknown = (alarm.node.defaultChild as cloudwatch.CfnAlarm).alarmName;
    if (typeof name !== 'string' || !name.startsWith(this.alarmName(''))) {
      throw new Error(`${alarm.node.path}: name the alarm with AlarmTopic.alarmName() so the topic policy lets it publish`);
    }
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}
