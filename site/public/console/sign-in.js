// The console's sign-in page: an email address, then the six-digit code sent to it; or a
// one-time link of `salient console login` (`?login=<token>`), posted to the API and removed
// from the address at once. Signed in, it goes on to `?next=` (a console path) or Overview.
import { api, ApiFailure, describe, status } from './console.js';

const params = new URLSearchParams(location.search);
const emailForm = document.getElementById('email-form');
const codeForm = document.getElementById('code-form');
const emailInput = document.getElementById('email');
const codeInput = document.getElementById('code');
const errorLine = document.getElementById('sign-in-error');

function next(me) {
  const wanted = params.get('next') ?? '';
  // Only a path of the console itself: never another origin.
  if (/^\/console\/[A-Za-z0-9/_-]*(\?[A-Za-z0-9=&_.:%-]*)?$/.test(wanted) && !wanted.startsWith('//')) return wanted;
  const account = me?.accounts?.[0]?.account;
  return account ? `/console/overview/?account=${encodeURIComponent(account)}` : '/console/overview/';
}

function fail(error) {
  errorLine.textContent = error instanceof ApiFailure && error.code === 'otp_invalid' ? 'That code is not right: check it and try again.' : describe(error);
}

async function busy(form, work) {
  const buttons = form.querySelectorAll('button');
  buttons.forEach((b) => (b.disabled = true));
  errorLine.textContent = '';
  try {
    await work();
  } catch (error) {
    fail(error);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

emailForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = emailInput.value.trim();
  if (!email.includes('@')) {
    errorLine.textContent = 'Please enter your email address.';
    emailInput.focus();
    return;
  }
  void busy(emailForm, async () => {
    const answer = await api('sign-in', { method: 'POST', body: { email }, quiet401: true });
    document.getElementById('code-sent').textContent = `${answer.message} Enter it below.`;
    emailForm.hidden = true;
    codeForm.hidden = false;
    codeInput.focus();
  });
});

codeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = codeInput.value.replace(/\D/g, '');
  if (code.length !== 6) {
    errorLine.textContent = 'The code has six digits.';
    codeInput.focus();
    return;
  }
  void busy(codeForm, async () => {
    const me = await api('sign-in/verify', { method: 'POST', body: { email: emailInput.value.trim(), code }, quiet401: true });
    location.assign(next(me));
  });
});

document.getElementById('other-address').addEventListener('click', () => {
  codeForm.hidden = true;
  emailForm.hidden = false;
  codeInput.value = '';
  emailInput.focus();
});

if (params.has('signed_out')) status('You are signed out.');

const token = params.get('login');
if (token) {
  // The token works once: take it out of the address (and history) before using it.
  params.delete('login');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  status('Signing in…');
  api('sign-in/link', { method: 'POST', body: { token }, quiet401: true })
    .then((me) => location.assign(next(me)))
    .catch((error) => {
      status('');
      errorLine.textContent = error instanceof ApiFailure && error.code === 'sign_in_link_invalid' ? 'This sign-in link is used or expired: ask for a code instead.' : describe(error);
    });
} else if (!params.has('signed_out')) {
  // Already signed in: straight on.
  api('me', { quiet401: true }).then((me) => location.assign(next(me)), () => emailInput.focus());
}
