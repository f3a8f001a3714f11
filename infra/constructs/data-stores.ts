import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as timestream from 'aws-cdk-lib/aws-timestream';
import { Construct } from 'constructs';
import { tableDesign } from '../../shared/aws/table-design';
import type { SecretKind } from '../../shared/vault/secret-kind';
import { acknowledge, iam5Resource } from '../nag';
import type { HistoryStore } from '../settings';
import type { FunctionEnvironment, PitwatchFunction } from './pitwatch-function';

export interface DataStoresProps {
  readonly historyStore: HistoryStore;
  /** Table deletion protection, and RETAIN instead of DESTROY for the table, Timestream and the vault key. */
  readonly deletionProtection: boolean;
}

/**
 * The DynamoDB actions a function may be granted, by name: exactly the calls it makes. No Scan (every access pattern
 * is a key or GSI1 lookup, see table-design.ts) and none of the stream actions the L2 read grant would add.
 */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem';

/**
 * The encryption context every vault operation carries (shared/vault/credential-vault.ts): `purpose` is the kind of
 * secret, and grants name the one kind they allow, so a function granted broker passwords cannot open ThermoWorks
 * tokens, nor the reverse.
 */
export const vaultEncryptionContext = { purpose: 'thermoworks-refresh-token', keys: ['purpose', 'userId'] } as const;

/** The credential items the authentication step may update (shared/aws/table-design.ts). */
export const credentialLeadingKeys = ['SESSION#*', 'APITOKEN#*'] as const;

/** Timestream retention: recent readings in the fast memory store, the rest on magnetic storage for a year. */
export const timestreamRetention = { memoryStoreHours: 24, magneticStoreDays: 365 } as const;

export interface TimestreamHistory {
  readonly database: timestream.CfnDatabase;
  readonly table: timestream.CfnTable;
}

/**
 * Everything stateful: the single DynamoDB table (keys from shared/aws/table-design.ts), reading history in
 * Timestream (only when historyStore=timestream; otherwise history items live in the same table), and the
 * customer-managed KMS key that wraps the credential vault's data keys.
 */
export class DataStores extends Construct {
  readonly table: dynamodb.TableV2;
  readonly vaultKey: kms.Key;
  readonly timestream: TimestreamHistory | undefined;
  readonly historyStore: HistoryStore;

  constructor(scope: Construct, id: string, props: DataStoresProps) {
    super(scope, id);
    this.historyStore = props.historyStore;
    const removalPolicy = props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const [gsi1] = tableDesign.globalSecondaryIndexes;
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      globalSecondaryIndexes: [
        {
          indexName: gsi1.indexName,
          partitionKey: { name: gsi1.partitionKey, type: dynamodb.AttributeType.STRING },
          sortKey: { name: gsi1.sortKey, type: dynamodb.AttributeType.STRING },
        },
      ],
      // A few cooks a month: pay per request, nothing when idle.
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      removalPolicy,
    });
    // Table grants cover `<table>/index/*`. Acknowledged for that exact resource wherever it appears in the stack:
    // the table has one index (GSI1), and every function querying it needs it.
    acknowledge(Stack.of(this), {
      id: iam5Resource(this, `${this.table.tableArn}/index/*`),
      reason: 'DynamoDB grants on the Pitwatch table include its indexes (only GSI1 exists); no other table is reachable.',
    });

    this.vaultKey = new kms.Key(this, 'VaultKey', {
      description: 'Pitwatch credential vault: wraps the data keys that encrypt ThermoWorks refresh tokens',
      enableKeyRotation: true,
      removalPolicy,
    });

    if (props.historyStore === 'timestream') {
      const database = new timestream.CfnDatabase(this, 'HistoryDatabase');
      const table = new timestream.CfnTable(this, 'HistoryTable', {
        databaseName: database.databaseRef.databaseName,
        // These two properties are untyped JSON in the L1, hence CloudFormation's own PascalCase keys.
        retentionProperties: {
          MemoryStoreRetentionPeriodInHours: String(timestreamRetention.memoryStoreHours),
          MagneticStoreRetentionPeriodInDays: String(timestreamRetention.magneticStoreDays),
        },
        // Node dataloggers upload hours late (NOTES.md); without this, records older than the memory store are rejected.
        magneticStoreWriteProperties: { EnableMagneticStoreWrites: true },
      });
      database.applyRemovalPolicy(removalPolicy);
      table.applyRemovalPolicy(removalPolicy);
      acknowledge(database, {
        id: 'AwsSolutions-TS3',
        reason:
          'Readings are temperatures, not secrets: Timestream encrypts them at rest with the AWS managed key (aws/timestream); another customer-managed key would add $1/month to a deployment that aims for cents.',
      });
      // cfn-lint W3697: Timestream for LiveAnalytics is in maintenance mode (no new customers since 2025-06-20).
      for (const resource of [database, table]) {
        Validations.of(resource).acknowledge({
          id: 'CloudFormation-Validate::W3697',
          reason:
            'Deliberate and switchable: historyStore=dynamodb avoids Timestream entirely for accounts that cannot create it (NOTES.md, README).',
        });
      }
      this.timestream = { database, table };
    }
  }

  /** The variables every handler's `loadConfig` needs (see FunctionEnvironment); the vault key is separate. */
  get environment(): FunctionEnvironment {
    return {
      TABLE_NAME: this.table.tableName,
      HISTORY_STORE: this.historyStore,
      ...(this.timestream && {
        TIMESTREAM_DATABASE_NAME: this.timestream.database.databaseRef.databaseName,
        TIMESTREAM_TABLE_NAME: this.timestream.table.tableRef.tableName,
      }),
    };
  }

  /** Only for functions that open or seal credentials (and are granted the key with grantVault). */
  get vaultEnvironment(): Pick<FunctionEnvironment, 'VAULT_KEY_ID'> {
    return { VAULT_KEY_ID: this.vaultKey.keyArn };
  }

  /** Exactly these DynamoDB actions on the table and its index. */
  grantTable(grantee: iam.IGrantable, actions: readonly TableAction[]): iam.Grant {
    return this.table.grant(grantee, ...[...new Set(actions)].map((a) => `dynamodb:${a}`));
  }

  /**
   * What the one authentication step does with a credential on every request: read it (GetItem), and record its use
   * (UpdateItem: a session's sliding expiry, an API token's last use), which is allowed on credential items only
   * (`dynamodb:LeadingKeys` SESSION#… and APITOKEN#…), so a function that only reads keeps no other write.
   */
  grantSessionUse(fn: PitwatchFunction): void {
    this.grantTable(fn, ['GetItem']);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...credentialLeadingKeys] } },
      }),
    );
  }

  /** Seal secrets of one kind: KMS GenerateDataKey on the vault key only, with that kind's encryption context. */
  grantVaultSeal(fn: PitwatchFunction, kind: SecretKind = vaultEncryptionContext.purpose): void {
    this.grantVaultAction(fn, 'kms:GenerateDataKey', kind);
  }

  /** Open sealed secrets of one kind: KMS Decrypt on the vault key only, with that kind's encryption context. */
  grantVaultOpen(fn: PitwatchFunction, kind: SecretKind = vaultEncryptionContext.purpose): void {
    this.grantVaultAction(fn, 'kms:Decrypt', kind);
  }

  /**
   * In the role's policy and in the key policy, naming the role: the key policy says who may use the key, rather
   * than leaving that to the account-root statement alone. Both require the vault's encryption context (a
   * `userId` and the purpose), so the key cannot be used for anything but sealing a user's credential.
   */
  private grantVaultAction(fn: PitwatchFunction, action: 'kms:GenerateDataKey' | 'kms:Decrypt', kind: SecretKind): void {
    const conditions = {
      StringEquals: { 'kms:EncryptionContext:purpose': kind },
      'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': [...vaultEncryptionContext.keys] },
      Null: { 'kms:EncryptionContext:userId': 'false' },
    };
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [action], resources: [this.vaultKey.keyArn], conditions }));
    this.vaultKey.addToResourcePolicy(
      new iam.PolicyStatement({ principals: [fn.role], actions: [action], resources: ['*'], conditions }),
    );
  }

  /**
   * Write reading history. Timestream: WriteRecords on the one table, plus endpoint discovery.
   * DynamoDB: history items go to the main table.
   */
  grantHistoryWrite(fn: PitwatchFunction): void {
    if (!this.timestream) {
      // Raw points and hourly roll-ups in batches, the hour's raw points read back (Query) to roll them up, late
      // points into their roll-up by UpdateItem (shared/aws/dynamo-reading-store.ts).
      this.grantTable(fn, ['BatchWriteItem', 'Query', 'UpdateItem']);
      return;
    }
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['timestream:WriteRecords'],
        resources: [this.timestream.table.tableRef.tableArn],
      }),
    );
    this.grantTimestreamEndpointDiscovery(fn);
  }

  /**
   * Query reading history. Timestream: Select on the one table (no other table or database is queryable), plus
   * endpoint discovery. DynamoDB: history items are in the main table, so this is the table read grant.
   */
  grantHistoryRead(fn: PitwatchFunction): void {
    if (!this.timestream) {
      this.grantTable(fn, ['Query']);
      return;
    }
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['timestream:Select'],
        resources: [this.timestream.table.tableRef.tableArn],
      }),
    );
    this.grantTimestreamEndpointDiscovery(fn);
  }

  /**
   * DescribeEndpoints (the SDK's endpoint discovery, called before WriteRecords and Query), which IAM only allows
   * on `*`: in a policy of its own so that wildcard is acknowledged on its own. Once per function.
   */
  private grantTimestreamEndpointDiscovery(fn: PitwatchFunction): void {
    const id = 'TimestreamEndpointDiscovery';
    if (fn.node.tryFindChild(id)) return;
    const discovery = new iam.Policy(fn, id, {
      roles: [fn.role],
      statements: [new iam.PolicyStatement({ actions: ['timestream:DescribeEndpoints'], resources: ['*'] })],
    });
    acknowledge(discovery, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'timestream:DescribeEndpoints (endpoint discovery, called by the SDK before WriteRecords and Query) supports only Resource "*".',
    });
  }
}
