import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettingsPatch } from '../api/settings-schemas';
import type { SettingsStore, UserSettings } from '../settings/settings-store';
import { keys } from './table-design';

const FIELDS = ['units', 'clock', 'timeZone', 'theme'] as const;

function toSettings(item: Record<string, unknown> | undefined): Partial<UserSettings> | undefined {
  if (!item) return undefined;
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) if (field in item) out[field] = item[field];
  return out as Partial<UserSettings>;
}

/** USER#{userId} / SETTINGS: one item per user, fields set one by one (UpdateItem), so concurrent patches of different fields both land. */
export class DynamoSettingsStore implements SettingsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(userId: string): Promise<Partial<UserSettings> | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.settings(userId) }));
    return toSettings(out.Item);
  }

  async update(userId: string, patch: SettingsPatch, updatedAt: string): Promise<Partial<UserSettings>> {
    const fields = FIELDS.filter((field) => patch[field] !== undefined);
    const names: Record<string, string> = { '#updatedAt': 'updatedAt', '#type': 'type' };
    const values: Record<string, unknown> = { ':updatedAt': updatedAt, ':type': 'settings' };
    for (const field of fields) {
      names[`#${field}`] = field;
      values[`:${field}`] = patch[field];
    }
    const out = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.settings(userId),
        UpdateExpression: `SET ${['#updatedAt = :updatedAt', '#type = :type', ...fields.map((f) => `#${f} = :${f}`)].join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toSettings(out.Attributes) ?? {};
  }
}
