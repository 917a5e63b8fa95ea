/**
 * Request bodies and stored captures shaped like the integrations Hookbench is built around
 * (the seeds under /work/shared/seeds): the CRM platform's reverse-integration call, the SMS
 * gateway's status batches, the messaging SDK's notifications.
 */

const SMS_STATES = ['send', 'not_deliver', 'expired', 'deliver', 'read', 'partly_deliver'];
const CAMPAIGNS = [
  'RND Flow',
  'Welcome Series',
  'Weekend Boost',
  'VIP Reactivation',
  'Churn Rescue',
  'Daily Spin',
];

/** A deterministic PRNG (mulberry32), so every run stores the same captures. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reverse-integration body of seed 000, its view_url padded so the body is exactly `bytes` long. */
export function reverseBody(
  bytes = 300,
  { campaign = 'RND Flow', login = '123123', time = 1664115803000 } = {},
) {
  const make = (token) =>
    JSON.stringify({
      login,
      time,
      view_url: `https://mysite.com/users/communications/view?asset=sms&token=${token}`,
      channel: 'SMS',
      campaign_name: campaign,
    });
  const base = Buffer.byteLength(make(''));
  return make('x'.repeat(Math.max(0, bytes - base)).replace(/x/g, (_, i) => 'abcdef0123456789'[i % 16]));
}

/** An SMS gateway status batch (seed 004) of `count` statuses starting at `firstId`. */
export function smsBatch(count, firstId = 3234, random = prng(1)) {
  const items = [];
  for (let i = 0; i < count; i++) {
    const state = SMS_STATES[Math.floor(random() * SMS_STATES.length)];
    items.push({ id_sms: firstId + i, time: state === 'send' ? '' : '2011-01-01 12:57:46', state });
  }
  return JSON.stringify(items);
}

/** A status batch of at least `bytes` bytes (the 100 KB throughput body). */
export function smsBatchOfSize(bytes) {
  let count = Math.ceil(bytes / 55);
  let body = smsBatch(count);
  while (Buffer.byteLength(body) < bytes) body = smsBatch(++count);
  return body;
}

/** One SDK notification (seed 003, request model as Hookbench's recognizer expects it). */
function sdkMessage(random, id) {
  return JSON.stringify({
    type: 'SMS',
    message_id: `msg-${id}`,
    recipient: `+4475${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    text: 'Your weekly bonus is waiting: 20 free spins on Book of Gold until Sunday midnight.',
    sender: 'CASINO',
    created_at: '2026-11-20T10:15:00Z',
  });
}

/** A larger CRM event (~`bytes`): user state with a list of recent events; no recognized kind. */
function crmEvent(random, bytes, extra = '') {
  const events = [];
  let size = 0;
  while (size < bytes - 200) {
    const event = {
      type: 'minigame_spin',
      saw_template_id: Math.floor(random() * 500),
      minigame_spins_count: Math.floor(random() * 10),
      at: 1664115803000 + Math.floor(random() * 1e9),
      label: `spin ${Math.floor(random() * 1e6).toString(36)}`,
    };
    size += JSON.stringify(event).length + 1;
    events.push(event);
  }
  return JSON.stringify({
    user_id: Math.floor(random() * 1e7),
    user_ext_id: `ext-${Math.floor(random() * 1e7)}`,
    brand: 'core_sm_brand_7',
    note: extra,
    events,
  });
}

const REQUEST_HEADERS = (contentLength, path) => [
  ['Host', '127.0.0.1:7700'],
  ['User-Agent', path.startsWith('/sms') ? 'SMS-Gateway/2.3' : 'Smartico-Webhook/1.0'],
  ['Content-Type', 'application/json'],
  ['Accept', '*/*'],
  ['X-Request-Id', `req-${contentLength}-${path.length}`],
  ['Content-Length', String(contentLength)],
];
const RESPONSE_HEADERS = [['Content-Type', 'application/json; charset=utf-8']];

/**
 * The `index`th of the store's synthetic captures: 60 % SMS status batches, 25 % reverse
 * integration calls, 5 % SDK messages (all ~300 B), 9.5 % 5 KB CRM events, 0.5 % 100 KB.
 * `needleEvery` captures carry the search needle in their body.
 */
export function syntheticCapture(index, random, { needle, needleEvery, startAt }) {
  const roll = random();
  const withNeedle = needleEvery > 0 && index % needleEvery === needleEvery >> 1;
  let path;
  let body;
  let kind;
  let response;
  let ruleName;
  if (roll < 0.6) {
    path = '/sms/status';
    const first = 100000 + index * 4;
    body = smsBatch(4, first, random);
    if (withNeedle) body = body.replace('"state"', `"note":"${needle}","state"`);
    kind = 'sms-status-batch';
    response = JSON.stringify([0, 1, 2, 3].map((i) => ({ id_sms: first + i })));
    ruleName = 'SMS status: acknowledge all';
  } else if (roll < 0.85) {
    path = '/smartico/reverse';
    const campaign = CAMPAIGNS[Math.floor(random() * CAMPAIGNS.length)];
    body = reverseBody(300, { campaign, login: String(100000 + index), time: startAt + index * 1000 });
    if (withNeedle) body = body.replace('asset=sms', `asset=${needle}`);
    kind = 'smartico-reverse';
    response = '{"ok":true}';
    ruleName = 'Reverse integration: 200 + field checks';
  } else if (roll < 0.9) {
    path = '/sdk/messages';
    body = sdkMessage(random, index);
    if (withNeedle) body = body.replace('weekly', needle);
    kind = 'sdk-message';
    response = `{"status_code":"000","status_desc":"Success","error_message":"","delivery_id":"d-${index}"}`;
    ruleName = 'SDK messages: success (000)';
  } else {
    const big = roll >= 0.995;
    path = big ? '/crm/export' : '/crm/events';
    body = crmEvent(random, big ? 100 * 1024 : 5 * 1024, withNeedle ? needle : '');
    kind = null;
    response = '{"ok":true}';
    ruleName = null;
  }
  const bytes = Buffer.from(body);
  return {
    receivedAt: startAt + index * 1000,
    method: 'POST',
    path,
    httpVersion: '1.1',
    headers: REQUEST_HEADERS(bytes.length, path),
    body: bytes,
    declaredBodySize: null,
    truncated: false,
    remoteAddress: '127.0.0.1',
    remotePort: 40000 + (index % 20000),
    response: { status: 200, headers: RESPONSE_HEADERS, body: Buffer.from(response) },
    kind,
    valid: kind === null ? null : true,
    findings: [],
    origin: { ruleId: ruleName ? `starter-${kind}` : null, ruleName, fault: null, error: null },
    bucket: null,
  };
}

/** A small (~300 B) capture only, for the per-capture overhead figure. */
export function smallCapture(index, random, startAt) {
  let capture;
  do capture = syntheticCapture(index, random, { needle: '', needleEvery: 0, startAt });
  while (capture.body.length > 1000);
  return capture;
}

/** The seed 002 WebHook body template (six fields from state and event). */
export const SEED_WEBHOOK_TEMPLATE = `{
\t"saw_template_id": "{{event.saw_template_id}}",
\t"minigame_spins_count": "{{event.minigame_spins_count}}",
\t"smartico_user_id": "{{state.user_id}}",
\t"user_ext_id": "{{state.user_ext_id}}",
\t"user_ext_id_clean": "{{state.user_ext_id_clean}}",
\t"brand": "{{state.core_sm_brand_id}}"
}`;

export const SEED_WEBHOOK_DATA = {
  state: {
    user_id: 48151623,
    user_ext_id: 'ext-48151623',
    user_ext_id_clean: '48151623',
    core_sm_brand_id: 7,
  },
  event: { saw_template_id: 412, minigame_spins_count: 3 },
};

/**
 * The `index`th capture of the replay step's store: seed 000's reverse-integration call, exactly
 * `bytes` long (the throughput step's 300 B body with this capture's login and time), as received.
 */
export function reverseCapture(index, startAt, bytes = 300) {
  const path = '/smartico/reverse';
  const body = Buffer.from(
    reverseBody(bytes, { login: String(100000 + index), time: startAt + index * 1000 }),
  );
  return {
    receivedAt: startAt + index * 1000,
    method: 'POST',
    path,
    httpVersion: '1.1',
    headers: REQUEST_HEADERS(body.length, path),
    body,
    declaredBodySize: null,
    truncated: false,
    remoteAddress: '127.0.0.1',
    remotePort: 40000 + (index % 20000),
    response: { status: 200, headers: RESPONSE_HEADERS, body: Buffer.from('{"ok":true}') },
    kind: 'smartico-reverse',
    valid: true,
    findings: [],
    origin: {
      ruleId: 'starter-smartico-reverse',
      ruleName: 'Reverse integration: 200 + field checks',
      fault: null,
      error: null,
    },
    bucket: null,
  };
}
