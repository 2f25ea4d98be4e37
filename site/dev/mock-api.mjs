// DEVELOPMENT AID ONLY. A stand-in for Salient's HTTP API (docs/api.md) so the widget and its
// end-to-end tests can be developed before the Rust server exists. The project's e2e run uses
// the real server (with its LLM stand-in); this file must never be what CI tests against.
//
// It serves site/dist at / and the API under /api/ on the same origin, streams answers as SSE
// deltas with a delay (MOCK_DELTA_DELAY_MS, default 30), keeps sessions in memory, and knows
// the two demo accounts. Magic words in a message: "stream error" (an `error` event after some
// deltas), "slow" (300 ms between deltas), and any "<script" / "javascript:" / "onerror" text
// is echoed back in the answer so both directions of injection can be exercised.
//
// The visitor journey routes speak the same contract as the server: answer feedback, the
// summary's `to`, handoff, session titles, one-time codes (export, delete, verify) and the
// profile. Every email (codes included) is written as an .eml file into MOCK_OUTBOX_DIR
// (default: a fresh temporary folder, printed at start), the way the local server's outbox
// does, so tests read codes the same way from both.
//
//   node dev/mock-api.mjs            # PORT=8787 by default
import { randomBytes, randomInt } from 'node:crypto';
import { createReadStream, mkdtempSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const DELTA_DELAY_MS = Number(process.env.MOCK_DELTA_DELAY_MS ?? 30);
const TURNS_PER_MINUTE = Number(process.env.MOCK_TURNS_PER_MINUTE ?? 30);

export const OUTBOX_DIR = process.env.MOCK_OUTBOX_DIR || mkdtempSync(join(tmpdir(), 'salient-mock-outbox-'));
const NORTHWIND_JOURNEY = {
  turnstile_site_key: null,
  profile_fields: ['name', 'email', 'phone', 'company'],
  image_hosts: ['images.northwind-heating.example'],
  retention_days: 365,
  summary_enabled: true,
};

const AGENTS = {
  'northwind-heating/sales': {
    name: 'Nora, Northwind sales',
    greeting: "Hi, I'm Nora from Northwind Heating. Ask me about heat pumps, boilers, prices or booking a survey.",
    account_name: 'Northwind Heating',
    ...NORTHWIND_JOURNEY,
    starters: ['Do you install heat pumps?', 'How much does a new boiler cost?', 'Can I book a home survey?'],
    handoff: { open_now: true, hours: 'Mon-Fri 09:00-17:30 (Europe/London)', message: 'Thanks! Someone from the team will reply within the hour.' },
  },
  'northwind-heating/support': {
    name: 'Northwind support',
    greeting: 'Hello! I can help with servicing, error codes, warranties and breakdowns.',
    account_name: 'Northwind Heating',
    ...NORTHWIND_JOURNEY,
    starters: [],
    handoff: null,
  },
  'harbor-books/info': {
    name: 'Harbor Books info desk',
    greeting: 'Welcome to Harbor Books & Cafe! Ask me about books, events, the cafe or our opening hours.',
    account_name: 'Harbor Books',
    turnstile_site_key: null,
    starters: ['When are you open?'],
    profile_fields: ['name', 'email'],
    image_hosts: [],
    retention_days: 0,
    summary_enabled: false,
    handoff: null,
  },
};

/** session id → { session, visitor, messages[] } */
const sessions = new Map();
/** visitor id → timestamps of recent turns, for the rate limit */
const recentTurns = new Map();
/** `${account}/${visitor}` → profile {name, email, phone, company, verified, verified_at} */
const profiles = new Map();
/** `${account}/${visitor}/${email}/${purpose}` → {code, expires} */
const codes = new Map();
/** `${account}/${email}` → timestamps of code requests, for the rate limit */
const codeRequests = new Map();

const newId = () => randomBytes(16).toString('base64url'); // 22 URL-safe characters
const now = () => new Date().toISOString();
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res, status, code, message, headers) {
  sendJson(res, status, { error: { code, message } }, headers);
}

function visitorOf(req) {
  const header = req.headers['x-salient-visitor'];
  if (typeof header === 'string' && header) return header;
  const match = /(?:^|;\s*)salient_visitor=([^;]+)/.exec(req.headers.cookie ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  if (!raw) return {};
  return JSON.parse(raw);
}

function answerFor(account, message, origin) {
  const page = (path, title, snippet, score = 0.82) => ({ title, url: `${origin}/demo/${account}/${path}`, score, snippet });
  if (/<script|javascript:|onerror/i.test(message)) {
    return {
      text: `You wrote: ${message}\n\nHere it is as a link: [click me](javascript:alert('model')) and <img src=x onerror="alert('model')"> <script>alert('model')</script>`,
      citations: [],
    };
  }
  if (account === 'harbor-books') {
    if (/cafe|coffee|cake|food/i.test(message)) {
      return {
        text: "The **Harbor Cafe** is upstairs, overlooking the quay [1]. It serves single-origin coffee from a local roaster, cakes baked each morning, and soup at lunch.\n\n| Item | Price |\n|---|---|\n| Flat white | £3.40 |\n| Pot of tea | £2.90 |\n| Soup of the day with bread | £6.50 |\n\nThe cafe closes 30 minutes before the shop [2].",
        citations: [page('cafe/', 'The Harbor Cafe', 'Coffee, cake and soup upstairs'), page('visit/', 'Visit us: opening hours', 'Opening hours and directions')],
      };
    }
    return {
      text: "We're open **every day** [1]:\n\n| Day | Hours |\n|---|---|\n| Monday to Friday | 9:00 to 18:00 |\n| Saturday | 9:00 to 19:00 |\n| Sunday | 10:00 to 16:00 |\n\nYou'll find us at 14 Quay Street, two minutes from the ferry terminal. Our next event is the **Poetry by the Water** evening [2].",
      citations: [page('visit/', 'Visit us: opening hours', 'Opening hours and directions'), page('events/', 'Events', 'Readings, signings and book clubs', 0.71)],
    };
  }
  if (/boiler/i.test(message)) {
    return {
      text: "We fit two boiler ranges [1]:\n\n1. **Northwind Combi 30** (NW-CB30), £1,895 fitted price from £3,250\n2. **Northwind System 24** (NW-SB24), £1,640, for homes with a hot water cylinder\n\nBoth come with a 10-year warranty when serviced yearly [2].",
      citations: [page('boilers/', 'Gas boilers', 'Combi and system boilers'), page('faq/', 'Frequently asked questions', 'Warranty and servicing', 0.64)],
    };
  }
  if (/error|code|reset|fault/i.test(message)) {
    return {
      text: "Error **E-119** means low water pressure. To re-pressurise:\n\n- Turn the boiler off.\n- Open the filling loop until the gauge reads 1.2 bar.\n- Close the loop and turn the boiler on.\n\nIf you use our app, this command shows the last faults:\n\n```\nnorthwind diag --last 5\n```\n\nStill stuck? Book a visit [1].",
      citations: [page('faq/', 'Frequently asked questions', 'Error codes and pressure')],
    };
  }
  return {
    text: "Our air-source heat pumps suit most homes [1]. Prices include the outdoor unit and controls:\n\n| Model | SKU | Output | Price |\n|---|---|---|---|\n| Northwind Air 6 | NW-AHP-06 | 6 kW | £6,450 |\n| Northwind Air 8 | NW-AHP-08 | 8 kW | £7,200 |\n| Northwind Air 12 | NW-AHP-12 | 12 kW | £8,950 |\n\nA typical installation takes **2 to 3 days** [2]. Would you like to book a free home survey?",
    citations: [page('heat-pumps/', 'Air-source heat pumps', 'Northwind Air range with prices', 0.88), page('installation/', 'Installation', 'How installation works', 0.74)],
  };
}

function chunksOf(text) {
  return text.match(/\s*\S+/g) ?? [text];
}

function message(role, content, status = 'complete', citations = []) {
  return { id: `msg_${newId()}`, role, content, html: `<p>${escapeHtml(content)}</p>`, created_at: now(), status, citations, feedback: null };
}

/** The session title: the first question cut to 80 characters on a word boundary. */
function titleOf(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 80) return flat;
  const cut = flat.slice(0, 79);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function storeTitle(record, text) {
  record.session.title ??= titleOf(text);
}

/** Writes an email to the outbox as the server's file outbox does (one .eml per message). */
async function deliver(to, subject, text) {
  await mkdir(OUTBOX_DIR, { recursive: true });
  const name = `${Date.now().toString().padStart(15, '0')}-${newId()}.eml`;
  const eml = `From: Salient <no-reply@example.com>\r\nTo: ${to.join(', ')}\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`;
  await writeFile(join(OUTBOX_DIR, name), eml);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function rateLimited(visitor) {
  const cutoff = Date.now() - 60_000;
  const turns = (recentTurns.get(visitor) ?? []).filter((t) => t > cutoff);
  turns.push(Date.now());
  recentTurns.set(visitor, turns);
  return turns.length > TURNS_PER_MINUTE;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function streamTurn(req, res, record, text, origin) {
  const user = message('user', text);
  record.messages.push(user);
  storeTitle(record, text);
  const answer = answerFor(record.session.account, text, origin);
  const assistant = message('assistant', '', 'partial', []);
  record.messages.push(assistant);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  let closed = false;
  res.on('close', () => (closed = true));
  const emit = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.write(': heartbeat\n\n');
  emit('meta', { session_id: record.session.id, user_message_id: user.id, assistant_message_id: assistant.id });
  const delay = /slow/i.test(text) ? 300 : DELTA_DELAY_MS;
  const failAfter = /stream error/i.test(text) ? 5 : Infinity;
  const pieces = chunksOf(answer.text);
  for (let i = 0; i < pieces.length; i++) {
    if (closed) return; // the visitor stopped: what was said so far stays as `partial`
    if (i === failAfter) {
      emit('error', { code: 'model_unavailable', message: 'The model stopped answering. Please try again.' });
      res.end();
      return;
    }
    if (delay) await sleep(delay);
    assistant.content += pieces[i];
    emit('delta', { text: pieces[i] });
  }
  assistant.citations = answer.citations.map((c, index) => ({ n: index + 1, ...c }));
  assistant.status = 'complete';
  assistant.html = `<p>${escapeHtml(assistant.content)}</p>`;
  if (assistant.citations.length) emit('citations', { citations: assistant.citations });
  emit('usage', { prompt_tokens: 812, completion_tokens: pieces.length, cost_usd: 0.00042 });
  emit('done', { status: 'complete', html: assistant.html });
  res.end();
  record.session.message_count = record.messages.length;
  record.session.last_active_at = now();
}

/** The routes of the visitor journey; null when the path is none of them. */
async function handleJourney(req, res, url) {
  const match = /^\/api\/([a-z0-9-]{1,64})\/([a-z0-9-]{1,64})\/(?:otp\/(request|verify|export|delete)|sessions\/([^/]+)\/(profile|summary|handoff|messages\/([^/]+)\/feedback))$/.exec(url.pathname);
  if (!match) return false;
  const [, account, agentName, otpAction, sessionId, sub, messageId] = match;
  const agent = AGENTS[`${account}/${agentName}`];
  if (!agent) return sendError(res, 404, 'agent_not_found', 'No such agent for this account.'), true;
  const visitor = visitorOf(req);
  const profileKey = `${account}/${visitor}`;
  let record = null;
  if (sessionId) {
    record = sessions.get(sessionId);
    if (!record || !visitor || record.visitor !== visitor || record.session.account !== account || record.session.agent !== agentName) {
      return sendError(res, 404, 'session_not_found', 'No session with this id for this agent.'), true;
    }
    if (sub === 'profile') {
      if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'Use GET.'), true;
      return sendJson(res, 200, { profile: profiles.get(profileKey) ?? null }), true;
    }
  }
  if (req.method !== 'POST') return sendError(res, 405, 'method_not_allowed', 'Use POST.'), true;
  let body;
  try {
    body = await readJson(req);
  } catch {
    return sendError(res, 400, 'invalid_request', 'The body is not JSON.'), true;
  }
  if (!visitor) return sendError(res, 400, 'visitor_required', 'No visitor id.'), true;

  if (otpAction) {
    const email = String(body.email ?? '').trim().toLowerCase();
    if (!EMAIL.test(email)) return sendError(res, 422, 'invalid_email', 'That is not an email address.'), true;
    if (otpAction === 'request') {
      const purpose = body.purpose ?? 'verify';
      if (!['verify', 'export', 'delete'].includes(purpose)) return sendError(res, 400, 'invalid_request', 'Unknown purpose.'), true;
      const recent = (codeRequests.get(`${account}/${email}`) ?? []).filter((t) => t > Date.now() - 3_600_000);
      if (recent.length >= 5) {
        const wait = Math.ceil((recent[0] + 3_600_000 - Date.now()) / 1000);
        return sendError(res, 429, 'rate_limited', `Too many codes for this address; try again in ${wait} seconds.`, { 'Retry-After': String(wait) }), true;
      }
      codeRequests.set(`${account}/${email}`, [...recent, Date.now()]);
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      codes.set(`${account}/${visitor}/${email}/${purpose}`, { code, expires: Date.now() + 600_000, attempts: 0 });
      await deliver([email], `Your code for ${agent.account_name}: ${code}`, `Your code is ${code}. It works for 10 minutes.`);
      return sendJson(res, 202, { status: 'sent', purpose, expires_at: new Date(Date.now() + 600_000).toISOString(), message: 'If the address can receive email, a code is on its way.' }), true;
    }
    const purpose = otpAction === 'verify' ? 'verify' : otpAction;
    if (!/^\d{6}$/.test(String(body.code ?? ''))) return sendError(res, 422, 'invalid_otp_code', 'A code is 6 digits.'), true;
    const key = `${account}/${visitor}/${email}/${purpose}`;
    const stored = codes.get(key);
    if (!stored) return sendError(res, 422, 'otp_invalid', 'That code is not right.'), true;
    if (stored.expires < Date.now()) return sendError(res, 422, 'otp_expired', 'That code has expired; ask for a new one.'), true;
    if (stored.code !== body.code) {
      stored.attempts += 1;
      if (stored.attempts >= 5) codes.delete(key);
      return sendError(res, 422, 'otp_invalid', `That code is not right; ${5 - stored.attempts} attempts left.`), true;
    }
    codes.delete(key);
    const mine = [...sessions.values()].filter((r) => r.visitor === visitor && r.session.account === account);
    if (otpAction === 'verify') {
      const owned = sessions.get(String(body.session ?? ''));
      if (!owned || owned.visitor !== visitor) return sendError(res, 404, 'session_not_found', 'No session with this id for this agent.'), true;
      const details = body.details && typeof body.details === 'object' ? body.details : {};
      if ('email' in details) return sendError(res, 422, 'invalid_request', 'The address is the one the code was sent to; leave it out of `details`.'), true;
      const profile = { name: null, phone: null, company: null, interests: [], ...profiles.get(profileKey), ...details, email, verified: true, verified_at: now() };
      profiles.set(profileKey, profile);
      return sendJson(res, 200, { profile }), true;
    }
    if (otpAction === 'export') {
      return sendJson(res, 200, { export: { account, email, profiles: [profiles.get(profileKey)].filter(Boolean), sessions: mine.map((r) => ({ session: r.session, messages: r.messages, llm_requests: [], email_events: [] })) } }), true;
    }
    const counts = { profiles: profiles.has(profileKey) ? 1 : 0, sessions: mine.length, messages: mine.reduce((n, r) => n + r.messages.length, 0), email_events: 0 };
    profiles.delete(profileKey);
    for (const r of mine) sessions.delete(r.session.id);
    return sendJson(res, 200, { deleted: counts }), true;
  }

  if (sub === 'summary') {
    const to = body.to ?? 'team';
    if (!record.messages.length) return sendError(res, 422, 'nothing_to_summarise', 'There are no messages to summarise yet.'), true;
    const transcript = record.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
    if (to === 'me') {
      const profile = profiles.get(profileKey);
      if (!profile?.verified) return sendError(res, 409, 'email_not_verified', 'Confirm your email address first.'), true;
      if (record.visitorCopySent) return sendJson(res, 200, { status: 'already_sent', visitor_copy: false }), true;
      record.visitorCopySent = true;
      await deliver([profile.email], `Your conversation with ${agent.account_name}`, transcript);
      return sendJson(res, 200, { status: 'sent', visitor_copy: true }), true;
    }
    if (!agent.summary_enabled) return sendError(res, 409, 'summaries_disabled', 'Summaries are off for this agent.'), true;
    if (record.session.summary_status === 'sent') return sendJson(res, 200, { status: 'already_sent', visitor_copy: false }), true;
    record.session.summary_status = 'sent';
    await deliver([`leads@${account}.example`], `Conversation summary (${agent.name})`, transcript);
    return sendJson(res, 200, { status: 'sent', visitor_copy: false }), true;
  }

  if (sub === 'handoff') {
    if (!agent.handoff) return sendError(res, 409, 'handoff_disabled', 'This agent does not hand conversations over.'), true;
    const profile = profiles.get(profileKey) ?? {};
    const name = body.name ?? profile.name;
    const email = body.email ?? profile.email;
    const phone = body.phone ?? profile.phone;
    if (body.email !== undefined && !EMAIL.test(String(body.email))) return sendError(res, 422, 'invalid_email', 'That is not an email address.'), true;
    if (!name || !(email || phone)) {
      return sendError(res, 422, 'contact_required', !name ? 'Please give your name.' : 'Please give an email address or a phone number.'), true;
    }
    const unverified = { verified: false, verified_at: null, interests: [] };
    profiles.set(profileKey, { ...unverified, ...profile, name, email: email ?? null, phone: phone ?? null, company: profile.company ?? null });
    if (record.session.handoff_requested_at) {
      return sendJson(res, 200, { status: 'already_requested', open_now: agent.handoff.open_now, message: agent.handoff.message }), true;
    }
    record.session.handoff_requested_at = now();
    await deliver([`team@${account}.example`], `A visitor asks for a person: ${name}`, `${name} <${email ?? ''}> ${phone ?? ''}\n${body.note ?? ''}`);
    return sendJson(res, 200, { status: 'requested', open_now: agent.handoff.open_now, message: agent.handoff.message }), true;
  }

  // Feedback on an answer.
  const target = record.messages.find((m) => m.id === messageId);
  if (!target || target.role !== 'assistant') return sendError(res, 404, 'message_not_found', 'No answer with this id in this session.'), true;
  if (!['up', 'down'].includes(body.rating)) return sendError(res, 422, 'invalid_request', 'rating must be up or down.'), true;
  if (body.rating === 'up' && (body.reason !== undefined || body.comment !== undefined)) {
    return sendError(res, 422, 'invalid_request', 'reason and comment go only with down.'), true;
  }
  if (body.reason !== undefined && !['wrong', 'outdated', 'not_what_i_asked', 'other'].includes(body.reason)) {
    return sendError(res, 422, 'invalid_request', 'Unknown reason.'), true;
  }
  if (body.comment !== undefined && (typeof body.comment !== 'string' || [...body.comment].length > 500)) {
    return sendError(res, 422, 'invalid_request', 'comment is at most 500 characters.'), true;
  }
  target.feedback = { rating: body.rating, reason: body.reason ?? null, comment: body.comment ?? null };
  return sendJson(res, 200, { feedback: { message_id: target.id, ...target.feedback, updated_at: now() } }), true;
}

async function handleApi(req, res, url) {
  if (await handleJourney(req, res, url)) return;
  const match = /^\/api\/([a-z0-9-]{1,64})\/([a-z0-9-]{1,64})(?:\/sessions(?:\/([^/]+)(\/messages|\/stream|\/turns)?)?)?\/?$/.exec(url.pathname);
  if (!match) return sendError(res, 404, 'not_found', 'No such route.');
  const [, account, agentName, sessionId, sub] = match;
  const agent = AGENTS[`${account}/${agentName}`];
  if (!agent) return sendError(res, 404, 'agent_not_found', 'No such agent for this account.');
  const isSessions = url.pathname.includes('/sessions');
  const origin = `http://${req.headers.host}`;

  if (!isSessions) {
    if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
    return sendJson(res, 200, { account, agent: agentName, ...agent });
  }

  let visitor = visitorOf(req);
  if (!sessionId) {
    if (req.method === 'POST') {
      const headers = {};
      if (!visitor) {
        visitor = newId();
        headers['Set-Cookie'] = `salient_visitor=${visitor}; HttpOnly; Secure; SameSite=Lax; Path=/api/; Max-Age=31536000`;
      }
      const session = {
        id: newId(), account, agent: agentName, created_at: now(), last_active_at: now(), message_count: 0, summary_status: 'none',
        title: null, handoff_requested_at: null,
      };
      sessions.set(session.id, { session, visitor, messages: [] });
      return sendJson(res, 201, { session, visitor_id: visitor }, headers);
    }
    if (req.method === 'GET') {
      const mine = [...sessions.values()]
        .filter((r) => r.visitor === visitor && r.session.account === account && r.session.agent === agentName)
        .map((r) => r.session)
        .reverse();
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
      const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
      const next = offset + limit < mine.length ? String(offset + limit) : null;
      return sendJson(res, 200, { sessions: mine.slice(offset, offset + limit), next });
    }
    return sendError(res, 405, 'method_not_allowed', 'Use GET or POST.');
  }

  const record = sessions.get(sessionId);
  if (!record || !visitor || record.visitor !== visitor || record.session.account !== account || record.session.agent !== agentName) {
    return sendError(res, 404, 'session_not_found', 'No session with this id for this agent.');
  }
  if (!sub) return sendJson(res, 200, { session: record.session });
  if (sub === '/messages') {
    if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
    const order = url.searchParams.get('order') ?? 'oldest_first';
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
    const offset = Number(url.searchParams.get('cursor') ?? 0) || 0;
    const ordered = order === 'newest_first' ? record.messages.slice().reverse() : record.messages;
    const page = ordered.slice(offset, offset + limit);
    const next = offset + limit < ordered.length ? String(offset + limit) : null;
    return sendJson(res, 200, { messages: page, next });
  }
  if (req.method !== 'POST') return sendError(res, 405, 'method_not_allowed', 'Use POST.');
  let body;
  try {
    body = await readJson(req);
  } catch {
    return sendError(res, 400, 'invalid_request', 'The body is not JSON.');
  }
  if (typeof body.message !== 'string' || !body.message.trim()) {
    return sendError(res, 400, 'invalid_request', 'message must be a non-empty string.');
  }
  if (rateLimited(visitor)) {
    return sendError(res, 429, 'rate_limited', 'Too many messages; slow down.', { 'Retry-After': '30' });
  }
  if (sub === '/stream') return streamTurn(req, res, record, body.message, origin);
  const answer = answerFor(account, body.message, origin);
  storeTitle(record, body.message);
  const user = message('user', body.message);
  const assistant = message('assistant', answer.text, 'complete', answer.citations.map((c, i) => ({ n: i + 1, ...c })));
  record.messages.push(user, assistant);
  return sendJson(res, 200, { user_message: user, assistant_message: assistant, usage: { prompt_tokens: 812, completion_tokens: 120, cost_usd: 0.00042 } });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.webp': 'image/webp',
};

async function serveStatic(req, res, url) {
  let path;
  try {
    path = normalize(decodeURIComponent(url.pathname));
  } catch {
    return sendError(res, 400, 'invalid_request', 'Bad path.');
  }
  if (path.includes('..')) return sendError(res, 400, 'invalid_request', 'Bad path.');
  const candidates = [join(DIST, path), join(DIST, path, 'index.html')];
  for (const file of candidates) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) {
      if (path !== '/' && !extname(path) && !path.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
      return createReadStream(file).pipe(res);
    }
  }
  const notFound = join(DIST, '404.html');
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  return (await stat(notFound).catch(() => null)) ? createReadStream(notFound).pipe(res) : res.end('Not found');
}

export function startMockServer(port = Number(process.env.PORT ?? 8787), host = '127.0.0.1') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const route = url.pathname === '/healthz'
      ? Promise.resolve(sendJson(res, 200, { status: 'ok' }))
      : url.pathname.startsWith('/api/') ? handleApi(req, res, url) : serveStatic(req, res, url);
    route.catch((error) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error.');
      else res.end();
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startMockServer();
  const { port } = server.address();
  console.log(`mock API + site on http://127.0.0.1:${port} (development aid; see site/README.md); emails in ${OUTBOX_DIR}`);
}
