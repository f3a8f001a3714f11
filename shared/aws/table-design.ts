/**
 * The single DynamoDB table's key design: the one source of truth for the CDK stack (infra/constructs/data-stores.ts)
 * and the local stack (DynamoDB Local). Access patterns, all by key or GSI, never a Scan:
 *
 * | item                | PK                         | SK                         | GSI1PK                   | GSI1SK        | TTL |
 * |---------------------|----------------------------|----------------------------|--------------------------|---------------|-----|
 * | linked TW account   | USER#{userId}              | LINK                       | LINKS                    | {userId}      |     |
 * | display settings    | USER#{userId}              | SETTINGS                   |                          |               |     |
 * | device              | ACCOUNT#{accountId}        | DEVICE#{serial}            |                          |               |     |
 * | latest reading      | ACCOUNT#{accountId}        | LATEST#{serial}#{channel}  |                          |               |     |
 * | active cook (live)  | ACCOUNT#{accountId}        | COOK#{serial}              |                          |               |     |
 * | personal priors     | ACCOUNT#{accountId}        | PRIORS#personal            |                          |               |     |
 * | cook record         | COOK#{cookId}              | COOK                       | ACCOUNT#{accountId}#COOKS | {startedAt}#{cookId} |  |
 * | share link          | SHARE#{sha256(token)}      | SHARE                      | COOK#{cookId}#SHARES     | {createdAt}#{shareId} | yes |
 * | auth session        | SESSION#{sha256(token)}    | SESSION                    | USER#{userId}#SESSIONS   | {createdAt}#{sessionId} | yes |
 * | API token           | APITOKEN#{sha256(token)}   | APITOKEN                   | USER#{userId}#APITOKENS  | {createdAt}#{tokenId} |     |
 * | MQTT integration    | ACCOUNT#{accountId}        | INTEGRATION#mqtt           | INTEGRATIONS#mqtt        | {accountId}   |     |
 * | ws connection       | CONN#{connectionId}        | CONN                       | ACCOUNT#{accountId}#CONN | {connectionId}| yes |
 * | history (dynamodb)  | HIST#{acct}#{serial}#{ch}#{hour} | {epoch ms, padded}   |                          |               | yes |
 * | vault decrypt audit | AUDIT#{userId}             | {ISO time}#{purpose}       |                          |               | yes |
 * | sign-in attempts    | SIGNIN#{email hash or ip}  | SIGNIN                     |                          |               | yes |
 * | alarm rule + state  | ACCOUNT#{accountId}        | ALARM#{alarmId}            |                          |               |     |
 * | device alarm to clear | ACCOUNT#{accountId}      | ALARMCLEAR#{serial}#{channel} |                       |               |     |
 * | alarm event         | ALARMEVENTS#{accountId}    | EVENT#{eventId (sorts by time)} |                     |               | yes |
 * | notification channel| NOTIFY#{accountId}         | CHANNEL#{channelId}        |                          |               |     |
 * | SMS sent this hour  | SMSRATE#{accountId}#{hour} | SMSRATE                    |                          |               | yes |
 * | deployment secrets  | DEPLOYMENT                 | NOTIFY-SECRETS             |                          |               |     |
 *
 * - "devices + latest readings + active cooks of an account": Query PK = ACCOUNT#{accountId} (the poll worker's one
 *   read per poll; only active cooks live there, so it does not grow with the cooks kept).
 * - "one cook": GetItem COOK#{cookId} (its accountId must be the caller's: another account's cook is not found).
 * - "an account's cooks, newest first, started in [from, to)": Query GSI1 GSI1PK = ACCOUNT#{accountId}#COOKS,
 *   GSI1SK BETWEEN from AND to, ScanIndexForward false, paged; status, tag and words are filters on that page.
 * - "a cook's share links": Query GSI1 GSI1PK = COOK#{cookId}#SHARES; "the share a token stands for": GetItem
 *   SHARE#{sha256(token)} (tokens are stored hashed only).
 * - "a user's display settings": GetItem USER#{userId} / SETTINGS; PATCH sets only the fields given (UpdateItem).
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
 * - "an account's personal priors" (what its ended cooks taught the predictions, a few KB): GetItem when a cook ends
 *   or is planned; in the account partition, so the poll's one Query brings them too (no read of its own per poll).
 * - "an account's alarm events in [from, to)": Query PK = ALARMEVENTS#{accountId}, SK BETWEEN (event ids start with
 *   the firing time).
 * - "an account's notification channels": Query PK = NOTIFY#{accountId} (the notifier and the channels routes only).
 * Devices carry their back-fill state (pending gaps) and health (battery, wifi, online, last seen); an active cook's
 * live item carries its probes and targets, timeline events, per-minute series, predictions, alerts and alert state
 * (starting one is a conditional put on COOK#{serial}: a device has at most one); the cook record carries name, notes,
 * tags, rating, and once ended the final probes, events, predictions, alerts and stats (ending moves them there in
 * one transaction and deletes the live item). A cook's readings are the device history over its span; latest-reading
 * items double as the idempotency key of polling (a reading no newer than the stored one is skipped).
 * A Pitwatch user is their ThermoWorks user (uid): the link item holds what Pitwatch knows of them (email, account).
 * Everything of one user is found by key from the link item (shared/account/account-data.ts lists the parts, for the
 * account export and deletion).
 */
export const tableDesign = {
  partitionKey: 'PK',
  sortKey: 'SK',
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [{ indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }],
} as const;

export const keys = {
  link: (userId: string) => ({ PK: `USER#${userId}`, SK: 'LINK' }),
  settings: (userId: string) => ({ PK: `USER#${userId}`, SK: 'SETTINGS' }),
  linksIndex: 'LINKS',
  accountPartition: (accountId: string) => `ACCOUNT#${accountId}`,
  device: (accountId: string, serial: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `DEVICE#${serial}` }),
  activeCook: (accountId: string, serial: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `COOK#${serial}` }),
  activeCookPrefix: 'COOK#',
  personalPriors: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: 'PRIORS#personal' }),
  cookRecord: (cookId: string) => ({ PK: `COOK#${cookId}`, SK: 'COOK' }),
  accountCooks: (accountId: string) => `ACCOUNT#${accountId}#COOKS`,
  cookRecordSort: (startedAt: string, cookId: string) => `${startedAt}#${cookId}`,
  share: (tokenHash: string) => ({ PK: `SHARE#${tokenHash}`, SK: 'SHARE' }),
  cookShares: (cookId: string) => `COOK#${cookId}#SHARES`,
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
  deviceAlarmClear: (accountId: string, serial: string, channel: string) => ({ PK: `ACCOUNT#${accountId}`, SK: `ALARMCLEAR#${serial}#${channel}` }),
  alarmEventsPartition: (accountId: string) => `ALARMEVENTS#${accountId}`,
  alarmEvent: (accountId: string, eventId: string) => ({ PK: `ALARMEVENTS#${accountId}`, SK: `EVENT#${eventId}` }),
  channelsPartition: (accountId: string) => `NOTIFY#${accountId}`,
  channel: (accountId: string, channelId: string) => ({ PK: `NOTIFY#${accountId}`, SK: `CHANNEL#${channelId}` }),
  smsRate: (accountId: string, hour: string) => ({ PK: `SMSRATE#${accountId}#${hour}`, SK: 'SMSRATE' }),
  deploymentSecrets: { PK: 'DEPLOYMENT', SK: 'NOTIFY-SECRETS' },
} as const;
