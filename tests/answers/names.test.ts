import { describe, expect, it } from 'vitest';
import {
  pluralize, proseWords, resourceItemPath, resourcePath, singularize, tableName, toCamel, toConstant, toKebab, toPascal, toSnake, words,
} from '../../src/answers/names.js';

describe('names', () => {
  it('splits words at case changes and separators', () => {
    expect(words('UserRole')).toEqual(['user', 'role']);
    expect(words('HTTPServer')).toEqual(['http', 'server']);
    expect(words('user_role')).toEqual(['user', 'role']);
    expect(words('billing-core v2')).toEqual(['billing', 'core', 'v2']);
  });

  it('converts between cases', () => {
    expect(toPascal('user_role')).toBe('UserRole');
    expect(toCamel('UserRole')).toBe('userRole');
    expect(toSnake('UserRole')).toBe('user_role');
    expect(toKebab('UserRole')).toBe('user-role');
    expect(toKebab('Payments')).toBe('payments');
  });

  it('pluralises with simple English rules', () => {
    expect(pluralize('Product')).toBe('Products');
    expect(pluralize('Category')).toBe('Categories');
    expect(pluralize('Key')).toBe('Keys');
    expect(pluralize('Box')).toBe('Boxes');
    expect(pluralize('Status')).toBe('Statuses');
    expect(pluralize('Branch')).toBe('Branches');
    expect(pluralize('Wish')).toBe('Wishes');
    // The Greek -sis nouns take -ses, not -sises (AppointmentDiagnosis -> appointment_diagnoses).
    expect(pluralize('Diagnosis')).toBe('Diagnoses');
    expect(pluralize('AppointmentDiagnosis')).toBe('AppointmentDiagnoses');
    expect(pluralize('UserRole')).toBe('UserRoles');
  });

  it('keeps a name already in the plural when it ends in -as or is a listed -us plural (NAMES-5)', () => {
    expect(pluralize('Ideas')).toBe('Ideas');
    expect(pluralize('Idea')).toBe('Ideas');
    expect(pluralize('ProductSchemas')).toBe('ProductSchemas');
    expect(pluralize('Menus')).toBe('Menus');
    expect(pluralize('Menu')).toBe('Menus');
    // The singular -as nouns still take -es; other -us nouns too.
    expect(pluralize('Alias')).toBe('Aliases');
    expect(pluralize('UserAlias')).toBe('UserAliases');
    expect(pluralize('Canvas')).toBe('Canvases');
    expect(pluralize('Bus')).toBe('Buses');
    expect(pluralize('Campus')).toBe('Campuses');
  });

  it('singularises -as and -us words as NAMES-5 pluralises them (NAMES-6)', () => {
    expect(singularize('aliases')).toBe('alias');
    expect(singularize('canvases')).toBe('canvas');
    expect(singularize('canvas')).toBe('canvas');
    expect(singularize('ideas')).toBe('idea');
    expect(singularize('menus')).toBe('menu');
    expect(singularize('status')).toBe('status');
    expect(singularize('responses')).toBe('response');
  });

  it('builds resource paths', () => {
    expect(resourcePath('Product')).toBe('/products');
    expect(resourcePath('UserRole')).toBe('/user-roles');
    expect(resourcePath('Category')).toBe('/categories');
    expect(resourcePath('Category', '/catalog/categories')).toBe('/catalog/categories');
    expect(resourceItemPath('/products/', 'sku')).toBe('/products/{sku}');
  });
});

// NAMES-1..5 (docs/rules.md): each row is a name users write; every column is what the plans call it. Most rows
// failed before these rules (io_t_devices, sensor_reading4_ks, user_i_ds, sk_us, o_auth_tokens).
// name, words, snake, Pascal, camel, prose, table, collection path
const ENTITY_NAMES: readonly (readonly [string, string, string, string, string, string, string])[] = [
  // Initialisms: a run of capitals is one word; its last capital begins the next word when a lower-case letter follows.
  ['HTTPRequestLog', 'http_request_log', 'HttpRequestLog', 'httpRequestLog', 'HTTP request log', 'http_request_logs', '/http-request-logs'],
  ['APIKey', 'api_key', 'ApiKey', 'apiKey', 'API key', 'api_keys', '/api-keys'],
  ['URLMapping', 'url_mapping', 'UrlMapping', 'urlMapping', 'URL mapping', 'url_mappings', '/url-mappings'],
  ['UserID', 'user_id', 'UserId', 'userId', 'user ID', 'user_ids', '/user-ids'],
  ['SKU', 'sku', 'Sku', 'sku', 'SKU', 'skus', '/skus'],
  ['KYCApplicant', 'kyc_applicant', 'KycApplicant', 'kycApplicant', 'KYC applicant', 'kyc_applicants', '/kyc-applicants'],
  ['SMSMessage', 'sms_message', 'SmsMessage', 'smsMessage', 'SMS message', 'sms_messages', '/sms-messages'],
  ['IPv4Address', 'ipv4_address', 'Ipv4Address', 'ipv4Address', 'IPv4 address', 'ipv4_addresses', '/ipv4-addresses'],
  // Listed mixed-case names stay one word and keep their spelling in PascalCase and prose.
  ['IoTDevice', 'iot_device', 'IoTDevice', 'iotDevice', 'IoT device', 'iot_devices', '/iot-devices'],
  ['OAuthToken', 'oauth_token', 'OAuthToken', 'oauthToken', 'OAuth token', 'oauth_tokens', '/oauth-tokens'],
  ['OAuth2Client', 'oauth2_client', 'OAuth2Client', 'oauth2Client', 'OAuth2 client', 'oauth2_clients', '/oauth2-clients'],
  ['GitHubAccount', 'github_account', 'GitHubAccount', 'githubAccount', 'GitHub account', 'github_accounts', '/github-accounts'],
  // Digits stick to the word before them...
  ['S3Object', 's3_object', 'S3Object', 's3Object', 'S3 object', 's3_objects', '/s3-objects'],
  ['Base64Blob', 'base64_blob', 'Base64Blob', 'base64Blob', 'base64 blob', 'base64_blobs', '/base64-blobs'],
  ['V2Order', 'v2_order', 'V2Order', 'v2Order', 'V2 order', 'v2_orders', '/v2-orders'],
  ['ISO8601Date', 'iso8601_date', 'Iso8601Date', 'iso8601Date', 'ISO8601 date', 'iso8601_dates', '/iso8601-dates'],
  ['ICD10Code', 'icd10_code', 'Icd10Code', 'icd10Code', 'ICD10 code', 'icd10_codes', '/icd10-codes'],
  ['Vector3', 'vector3', 'Vector3', 'vector3', 'vector3', 'vector3s', '/vector3s'],
  // ...unless an initialism follows them: then the number and the initialism are a word of their own, which
  // qualifies the word before it and takes no plural (as does a version at the end).
  ['SensorReading4K', 'sensor_reading_4k', 'SensorReading4K', 'sensorReading4K', 'sensor reading 4K', 'sensor_readings_4k', '/sensor-readings-4k'],
  ['Token2FA', 'token_2fa', 'Token2FA', 'token2FA', 'token 2FA', 'tokens_2fa', '/tokens-2fa'],
  ['Model3DPrint', 'model_3d_print', 'Model3DPrint', 'model3DPrint', 'model 3D print', 'model_3d_prints', '/model-3d-prints'],
  ['OrderV2', 'order_v2', 'OrderV2', 'orderV2', 'order V2', 'orders_v2', '/orders-v2'],
  // Plurals of the last word: irregular, uncountable, -s, -sis, -y, -f.
  ['Person', 'person', 'Person', 'person', 'person', 'people', '/people'],
  ['SalesPerson', 'sales_person', 'SalesPerson', 'salesPerson', 'sales person', 'sales_people', '/sales-people'],
  ['Child', 'child', 'Child', 'child', 'child', 'children', '/children'],
  ['Status', 'status', 'Status', 'status', 'status', 'statuses', '/statuses'],
  ['Address', 'address', 'Address', 'address', 'address', 'addresses', '/addresses'],
  ['EmailAlias', 'email_alias', 'EmailAlias', 'emailAlias', 'email alias', 'email_aliases', '/email-aliases'],
  ['Category', 'category', 'Category', 'category', 'category', 'categories', '/categories'],
  ['Analysis', 'analysis', 'Analysis', 'analysis', 'analysis', 'analyses', '/analyses'],
  ['Index', 'index', 'Index', 'index', 'index', 'indexes', '/indexes'],
  ['Cactus', 'cactus', 'Cactus', 'cactus', 'cactus', 'cactuses', '/cactuses'],
  ['Datum', 'datum', 'Datum', 'datum', 'datum', 'data', '/data'],
  ['SensorData', 'sensor_data', 'SensorData', 'sensorData', 'sensor data', 'sensor_data', '/sensor-data'],
  ['UserSettings', 'user_settings', 'UserSettings', 'userSettings', 'user settings', 'user_settings', '/user-settings'],
  ['Quiz', 'quiz', 'Quiz', 'quiz', 'quiz', 'quizzes', '/quizzes'],
  ['Shelf', 'shelf', 'Shelf', 'shelf', 'shelf', 'shelves', '/shelves'],
  ['Hero', 'hero', 'Hero', 'hero', 'hero', 'heroes', '/heroes'],
  ['Photo', 'photo', 'Photo', 'photo', 'photo', 'photos', '/photos'],
  ['Day', 'day', 'Day', 'day', 'day', 'days', '/days'],
];

describe('NAMES: entity names as users write them', () => {
  it.each(ENTITY_NAMES)('%s -> %s, %s, %s, "%s", table %s, path %s', (name, snake, pascal, camel, prose, table, path) => {
    expect(toSnake(name)).toBe(snake);
    expect(toKebab(name)).toBe(snake.replace(/_/g, '-'));
    expect(toPascal(name)).toBe(pascal);
    expect(toCamel(name)).toBe(camel);
    expect(toConstant(name)).toBe(snake.toUpperCase());
    expect(proseWords(name)).toBe(prose);
    expect(tableName(name)).toBe(table);
    expect(resourcePath(name)).toBe(path);
    // The plural names the same words, the last one plural: its own cases agree with the table.
    expect(toSnake(pluralize(name))).toBe(table);
    // Every case spells the same words back: no case loses or gains a word break.
    for (const spelled of [snake, pascal, camel, snake.toUpperCase(), toKebab(name)]) expect(toSnake(spelled), spelled).toBe(snake);
  });
});

describe('NAMES: field names', () => {
  // Field names are snake_case in the answers (the schema suggests the fix for others: userID -> user_id).
  it.each([
    ['userID', 'user_id', 'userId', 'UserId'],
    ['createdAt', 'created_at', 'createdAt', 'CreatedAt'],
    ['ipv4_address', 'ipv4_address', 'ipv4Address', 'Ipv4Address'],
    ['sha256', 'sha256', 'sha256', 'Sha256'],
    ['sha256_digest', 'sha256_digest', 'sha256Digest', 'Sha256Digest'],
    ['address_2', 'address_2', 'address2', 'Address2'],
    ['reading_4k', 'reading_4k', 'reading4K', 'Reading4K'],
    ['iot_device_id', 'iot_device_id', 'iotDeviceId', 'IoTDeviceId'],
  ])('%s -> %s, %s, %s', (name, snake, camel, pascal) => {
    expect(toSnake(name)).toBe(snake);
    expect(toCamel(name)).toBe(camel);
    expect(toPascal(name)).toBe(pascal);
    // camelCase has no break before a digit (address2), so only names without one spell back the same.
    if (!/_[0-9]/.test(snake)) {
      expect(toSnake(camel)).toBe(snake);
      expect(toSnake(pascal)).toBe(snake);
    }
  });
});

describe('NAMES: plurals as names', () => {
  it.each([
    ['UserID', 'UserIDs', 'user IDs'],
    ['SKU', 'SKUs', 'SKUs'],
    ['SMS', 'SMSes', 'SMSes'],
    ['IoTDevice', 'IoTDevices', 'IoT devices'],
    ['SensorReading4K', 'SensorReadings4K', 'sensor readings 4K'],
    ['Person', 'People', 'people'],
    ['People', 'People', 'people'],
    ['GPUs', 'GPUs', 'GPUs'],
    ['PaaS', 'PaaS', 'PaaS'],
    ['ANALYSIS', 'ANALYSISes', 'ANALYSISes'],
    ['user_role', 'user_roles', 'user roles'],
  ])('%s -> %s ("%s")', (name, plural, prose) => {
    expect(pluralize(name)).toBe(plural);
    expect(proseWords(plural)).toBe(prose);
    expect(words(plural).length).toBe(words(name).length);
  });

  it('folds accented letters to their base letter, as the slug does', () => {
    expect(toKebab('Café Crème')).toBe('cafe-creme');
    expect(toPascal('Zahlungsdienst-Ü')).toBe('ZahlungsdienstU');
    expect(pluralize('Café')).toBe('Cafes');
    expect(toSnake('中華')).toBe('');
  });
});

describe('NAMES-6: the singular of a path word (NAME-3 groups entity-less endpoints by it)', () => {
  it.each([
    ['webhooks', 'webhook'], ['categories', 'category'], ['boxes', 'box'], ['branches', 'branch'], ['keys', 'key'],
    ['addresses', 'address'], ['statuses', 'status'], ['analyses', 'analysis'], ['diagnoses', 'diagnosis'],
    ['people', 'person'], ['children', 'child'], ['quizzes', 'quiz'], ['leaves', 'leaf'], ['heroes', 'hero'],
    // Words ending in -se lose only the s (the old rule made respons, cas, databas).
    ['responses', 'response'], ['cases', 'case'], ['databases', 'database'], ['invoices', 'invoice'],
    // Their own plural, or no plural at all.
    ['data', 'data'], ['news', 'news'], ['series', 'series'], ['health', 'health'], ['status', 'status'], ['bus', 'bus'],
    // A word ending in -us is read as a singular (GET /status), so an initialism's plural is too: skus stays.
    ['skus', 'skus'],
    // The listed singular -as nouns take -es (NAMES-5) and lose it again; listed -us plurals lose the s.
    ['aliases', 'alias'], ['gases', 'gas'], ['menus', 'menu'],
  ])('%s -> %s', (plural, one) => {
    expect(singularize(plural)).toBe(one);
  });

  it('is the inverse of the plural for the entity names of the NAMES table', () => {
    for (const [name] of ENTITY_NAMES) {
      const last = words(name).at(-1)!;
      // A number or version takes no plural; three plurals read back otherwise on purpose: an initialism's in lower
      // case (skus) as a -us word (status), aliases as a -se word (cases, databases), the commoner path words, and
      // data as the uncountable data.
      if (/^[0-9]|^v[0-9]+$/.test(last) || ['SKU', 'EmailAlias', 'Datum'].includes(name)) continue;
      const plural = words(pluralize(name)).at(-1)!;
      // A word that is its own plural (settings, data) has no singular to return to.
      if (plural === last) continue;
      expect(singularize(plural), name).toBe(last);
    }
  });
});
