/**
 * The single DynamoDB table's key design: the one source of truth for the CDK stack (infra/constructs/data-stores.ts)
 * and the local stack (DynamoDB Local). Access patterns, all by key or GSI, never a Scan:
 *
 * | item                | PK                         | SK                         | GSI1PK                   | GSI1SK        | TTL |
 * |---------------------|----------------------------|----------------------------|--------------------------|---------------|-----|
 * | linked TW account   | USER#{userId}              | LINK                       | LINKS                    | {userId}      |     |
 * | device              | ACCOUNT#{accountId}        | DEVICE#{serial}            |                          |               |     |
 * | latest reading      | ACCOUNT#{accountId}        | LATEST#{serial}#{channel}  |                          |               |     |
 * | cook in progress    | ACCOUNT#{accountId}        | COOK#{serial}              |                          |               |     |
 * | auth session        | SESSION#{sha256(token)}    | SESSION                    | USER#{userId}#SESSIONS   | {createdAt}#{sessionId} | yes |
 * | API token           | APITOKEN#{sha256(token)}   | APITOKEN                   | USER#{userId}#APITOKENS  | {createdAt}#{tokenId} |     |
 * | MQTT integration    | ACCOUNT#{accountId}        | INTEGRATION#mqtt           | INTEGRATIONS#mqtt        | {accountId}   |     |
 * | ws connection       | CONN#{connectionId}        | CONN                       | ACCOUNT#{accountId}#CONN | {connectionId}| yes |
 * | history (dynamodb)  | HIST#{acct}#{serial}#{ch}#{hour} | {epoch ms, padded}   |                          |               | yes |
 * | vault decrypt audit | AUDIT#{userId}             | {ISO time}#{purpose}       |                          |               | yes |
 * | sign-in attempts    | SIGNIN#{email hash or ip}  | SIGNIN                     |                          |               | yes |
 * | alarm rule + state  | ACCOUNT#{accountId}        | ALARM#{alarmId}            |                          |               |     |
 * | alarm event         | ALARMEVENTS#{accountId}    | EVENT#{eventId (sorts by time)} |                     |               | yes |
 * | notification channel| NOTIFY#{accountId}         | CHANNEL#{channelId}        |                          |               |     |
 * | SMS sent this hour  | SMSRATE#{accountId}#{hour} | SMSRATE                    |                          |               | yes |
 * | deployment secrets  | DEPLOYMENT                 | NOTIFY-SECRETS             |                          |               |     |
 *
 * - "devices + latest readings + cooks in progress of an account": Query PK = ACCOUNT#{accountId}.
 * - "all linked accounts to poll": Query GSI1 GSI1PK = LINKS (paginated).
 * - "connections watching an account": Query GSI1 GSI1PK = ACCOUNT#{accountId}#CONN.
 * - "a user's sessions, oldest first": Query GSI1 GSI1PK = USER#{userId}#SESSIONS.
 * - "a user's API tokens, oldest first": Query GSI1 GSI1PK = USER#{userId}#APITOKENS.
 * - "every MQTT integration" (key rotation only): Query GSI1 GSI1PK = INTEGRATIONS#mqtt.
 * The MQTT integration lives in the account partition so that the poll's one Query of it also says whether to
 * hand the account's state to the MQTT publisher (no extra read per poll).
 * - "who decrypted this user's credentials, newest first": Query PK = AUDIT#{userId}, ScanIndexForward false.
 * - "a channel's history in [from, to)" (historyStore=dynamodb): one Query per hour bucket, SK BETWEEN.
 * - "an account's alarm rules and their state": in the account partition, so the poll's one Query brings them.
 * - "an account's alarm events in [from, to)": Query PK = ALARMEVENTS#{accountId}, SK BETWEEN (event ids start with
 *   the firing time).
 * - "an account's notification channels": Query PK = NOTIFY#{accountId} (the notifier and the channels routes only).
 * Devices carry their back-fill state (pending gaps) and health (battery, wifi, online, last seen); cooks carry their
 * per-minute series, predictions, alerts and alert state; latest-reading
 * items double as the idempotency key of polling (a reading no newer than the stored one is skipped).
 * A Pitwatch user is their ThermoWorks user (uid): the link item holds what Pitwatch knows of them (email, account).
 * Planned (later issues, same table): ended cooks (ACCOUNT#… / COOKLOG#{start}), share links (SHARE#{tokenHash} with TTL).
 */
export const tableDesign = {
  partitionKey: 'PK',
  sortKey: 'SK',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [{ indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }],
} as const;

export const keys = {
  link: (userId: string) => ({ PK: `USER#${userId}`, SK: 'LINK' }),
  linksIndex: 'LINKS',
  accountPartition: (accountId: string) => `ACCOUNT#${accountId}`,
  device: (accountId: string, serial: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `DEVICE#${serial}` }),
  cook: (accountId: string, serial: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `COOK#${serial}` }),
  latest: (accountId: string, serial: string, channel: string) => ({
    PK: `ACCOUNT#${accountId}`,
    SK: `LATEST#${serial}#${channel}`,
  }),
  session: (tokenHash: string) => ({ PK: `SESSION#${tokenHash}`, SK: 'SESSION' }),
  userSessions: (userId: string) => `USER#${userId}#SESSIONS`,
  apiToken: (tokenHash: string) => ({ PK: `APITOKEN#${tokenHash}`, SK: 'APITOKEN' }),
  userApiTokens: (userId: string) => `USER#${userId}#APITOKENS`,
  mqttIntegration: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'INTEGRATION#mqtt' }),
  mqttIntegrationsIndex: 'INTEGRATIONS#mqtt',
  connection: (connectionId: string) => ({ PK: `CONN#${connectionId}`, SK: 'CONN' }),
  accountConnections: (accountId: string) => `ACCOUNT#${accountId}#CONN`,
  signInAttempts: (key: string) => ({ PK: `SIGNIN#${key}`, SK: 'SIGNIN' }),
  decryptAuditPartition: (userId: string) => `AUDIT#${userId}`,
  decryptAudit: (userId: string, atIso: string, purpose: string) => ({ PK: `AUDIT#${userId}`, SK: `${atIso}#${purpose}` }),
  alarmRule: (accountId: string, alarmId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `ALARM#${alarmId}` }),
  alarmRulePrefix: 'ALARM#',
  alarmEventsPartition: (accountId: string) => `ALARMEVENTS#${accountId}`,
  alarmEvent: (accountId: string, eventId: string) => ({ PK: `ALARMEVENTS#${accountId}`, SK: `EVENT#${eventId}` }),
  channelsPartition: (accountId: string) => `NOTIFY#${accountId}`,
  channel: (accountId: string, channelId: string) => ({ PK: `NOTIFY#${accountId}`, SK: `CHANNEL#${channelId}` }),
  smsRate: (accountId: string, hour: string) => ({ PK: `SMSRATE#${accountId}#${hour}`, SK: 'SMSRATE' }),
  deploymentSecrets: { PK: 'DEPLOYMENT', SK: 'NOTIFY-SECRETS' },
} as const;
